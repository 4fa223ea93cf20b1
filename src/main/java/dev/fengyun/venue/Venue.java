package dev.fengyun.venue;

import java.time.Instant;

/**
 * A place where performances happen. {@code planRevision} is null until a seating plan is imported;
 * seat and standing totals describe the current revision.
 */
public record Venue(
        long id,
        long organizerId,
        String name,
        String address,
        String city,
        String timeZone,
        int version,
        Integer planRevision,
        int seatCount,
        int standingCapacity,
        Instant createdAt,
        Instant updatedAt) {}
