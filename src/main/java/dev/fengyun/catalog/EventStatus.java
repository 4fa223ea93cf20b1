package dev.fengyun.catalog;

/** DRAFT until its first performance is published; CANCELLED cancels all its performances. */
public enum EventStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
