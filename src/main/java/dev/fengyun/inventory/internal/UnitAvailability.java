package dev.fengyun.inventory.internal;

import dev.fengyun.catalog.Availability;
import java.util.Collection;
import java.util.HashMap;
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
    public Map<Long, Long> availableByZone(long performanceId) {
        Map<Long, Long> available = new HashMap<>();
        units.countsByZone(performanceId).forEach((zone, counts) -> available.put(zone, counts[0]));
        return available;
    }

    @Override
    public Map<Long, Long> capacityByZone(long performanceId) {
        Map<Long, Long> capacity = new HashMap<>();
        units.countsByZone(performanceId).forEach((zone, counts) -> capacity.put(zone, counts[1]));
        return capacity;
    }

    @Override
    public Map<Long, Long> availableByPerformance(Collection<Long> performanceIds) {
        return units.availableByPerformance(performanceIds);
    }
}
