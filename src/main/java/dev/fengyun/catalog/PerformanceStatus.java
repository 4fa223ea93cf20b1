package dev.fengyun.catalog;

/**
 * Where a performance stands. DRAFT, ON_SALE, PAUSED and CANCELLED are set by the organizer;
 * SOLD_OUT (nothing left to sell) and ENDED (after the show) are derived when it is read.
 */
public enum PerformanceStatus {
    DRAFT,
    ON_SALE,
    PAUSED,
    SOLD_OUT,
    CANCELLED,
    ENDED
}
