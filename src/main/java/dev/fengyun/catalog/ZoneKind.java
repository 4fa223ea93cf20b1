package dev.fengyun.catalog;

/** A price zone of reserved seats, or a general-admission ticket type with a capacity. */
public enum ZoneKind {
    SEATED,
    GENERAL_ADMISSION
}
