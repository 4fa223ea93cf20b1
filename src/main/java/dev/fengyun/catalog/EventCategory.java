package dev.fengyun.catalog;

/** What kind of event it is; buyers filter by it. */
public enum EventCategory {
    CONCERT,
    THEATRE,
    DANCE,
    OPERA,
    COMEDY,
    SPORTS,
    EXHIBITION,
    FAMILY,
    OTHER
}
