package dev.fengyun.catalog;

import java.util.List;

/**
 * A performance went on sale for the first time. Published inside the publishing transaction, so
 * its sellable units exist by the time the publication commits.
 */
public record PerformancePublished(long performanceId, Long planId, List<ZoneSpec> zones) {

    /** What inventory needs to know about each zone to create its units. */
    public record ZoneSpec(long zoneId, ZoneKind kind, List<String> categories, Integer capacity) {}
}
