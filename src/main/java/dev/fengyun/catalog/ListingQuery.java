package dev.fengyun.catalog;

import java.time.Instant;

/**
 * Filters for browsing performances; null means "any". {@code status} defaults to upcoming
 * performances on sale or paused; it may be ON_SALE, PAUSED, CANCELLED or ENDED.
 */
public record ListingQuery(
        PerformanceStatus status,
        String city,
        Instant from,
        Instant to,
        EventCategory category,
        String text,
        Long eventId,
        int page,
        int size) {}
