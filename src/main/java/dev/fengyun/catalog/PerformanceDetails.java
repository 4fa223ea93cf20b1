package dev.fengyun.catalog;

import dev.fengyun.venue.Venue;
import java.util.Map;

/** A published performance as buyers see it: with event, venue, status and availability. */
public record PerformanceDetails(
        Performance performance,
        Event event,
        Venue venue,
        PerformanceStatus status,
        Map<Long, Availability.ZoneCount> counts) {

    public long available() {
        return counts.values().stream().mapToLong(Availability.ZoneCount::available).sum();
    }
}
