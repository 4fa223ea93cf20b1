package dev.fengyun.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * How many units of a performance can still be sold, for display. Implemented by the inventory
 * module (which owns the units), so the catalog can show availability without depending on it.
 * Figures may be a moment old; the decision to sell is always made by inventory itself.
 */
public interface Availability {

    /**
     * Per zone id: units that can still be held (available or with an expired hold), and all units.
     */
    Map<Long, ZoneCount> countsByZone(long performanceId);

    /** Per performance id: units that can still be held. */
    Map<Long, Long> availableByPerformance(Collection<Long> performanceIds);

    /** Units of a zone that can still be held, and all its units (sold or not). */
    record ZoneCount(long available, long capacity) {}
}
