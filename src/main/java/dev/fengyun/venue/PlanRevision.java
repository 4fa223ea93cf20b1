package dev.fengyun.venue;

import java.time.Instant;

/** One stored, immutable revision of a venue's seating plan. */
public record PlanRevision(
        long id,
        long venueId,
        int revision,
        SeatingPlan plan,
        int seatCount,
        int standingCapacity,
        Instant createdAt) {}
