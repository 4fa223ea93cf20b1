package dev.fengyun.inventory.internal;

import dev.fengyun.catalog.PerformancePublished;
import dev.fengyun.catalog.PerformancePublished.ZoneSpec;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.VenueManagement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates a performance's units when it is published: one per seat whose category a zone prices,
 * one per general-admission place. Runs inside the publishing transaction (the performance row is
 * locked there), and does nothing if the units exist already.
 */
@Component
class UnitMaterializer {

    private static final Logger log = LoggerFactory.getLogger(UnitMaterializer.class);

    private final Units units;
    private final VenueManagement venues;

    UnitMaterializer(Units units, VenueManagement venues) {
        this.units = units;
        this.venues = venues;
    }

    @EventListener
    void on(PerformancePublished event) {
        long performanceId = event.performanceId();
        if (units.anyOf(performanceId)) {
            log.info("Units of performance {} exist already", performanceId);
            return;
        }
        long started = System.nanoTime();
        Map<String, Long> zoneOfCategory = new HashMap<>();
        for (ZoneSpec zone : event.zones()) {
            if (zone.kind() == ZoneKind.SEATED) {
                zone.categories().forEach(category -> zoneOfCategory.put(category, zone.zoneId()));
            }
        }
        int seats = 0;
        if (event.planId() != null && !zoneOfCategory.isEmpty()) {
            PlanRevision plan = venues.planRevision(event.planId()).orElseThrow();
            List<Units.NewSeat> newSeats = new ArrayList<>(plan.seatCount());
            plan.plan()
                    .seats()
                    .forEach(
                            seat -> {
                                Long zoneId = zoneOfCategory.get(seat.category());
                                if (zoneId != null) {
                                    newSeats.add(
                                            new Units.NewSeat(
                                                    zoneId,
                                                    seat.id(),
                                                    seat.row(),
                                                    seat.number(),
                                                    seat.x(),
                                                    seat.y()));
                                }
                            });
            seats = units.insertSeats(performanceId, newSeats);
        }
        int places = 0;
        for (ZoneSpec zone : event.zones()) {
            if (zone.kind() == ZoneKind.GENERAL_ADMISSION) {
                places += units.insertPlaces(performanceId, zone.zoneId(), zone.capacity());
            }
        }
        log.info(
                "Created {} units ({} seats, {} general-admission places) for performance {} in {} ms",
                seats + places,
                seats,
                places,
                performanceId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
