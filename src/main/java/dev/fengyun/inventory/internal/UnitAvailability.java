package dev.fengyun.inventory.internal;

import dev.fengyun.catalog.Availability;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Availability for display, counted from the unit rows. */
@Component
class UnitAvailability implements Availability {

    private final Units units;

    UnitAvailability(Units units) {
        this.units = units;
    }

    @Override
    public Map<Long, ZoneCount> countsByZone(long performanceId) {
        return units.countsByZone(performanceId);
    }

    @Override
    public Map<Long, Long> availableByPerformance(Collection<Long> performanceIds) {
        return units.availableByPerformance(performanceIds);
    }
}
