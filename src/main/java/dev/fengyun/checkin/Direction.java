package dev.fengyun.checkin;

public enum Direction {
    IN,
    OUT
}
