package dev.fengyun.inventory.internal;

import dev.fengyun.catalog.PerformancePublished;
import dev.fengyun.catalog.PerformancePublished.ZoneSpec;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.VenueManagement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
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

    /**
     * The plan's seats that a zone prices, with their position in the row: neighbours differ by 1,
     * and a gap wider than 1.6 times the row's usual spacing (an aisle) adds one.
     */
    static List<Units.NewSeat> seatsToSell(SeatingPlan plan, Map<String, Long> zoneOfCategory) {
        List<Units.NewSeat> seats = new ArrayList<>(plan.seatCount());
        Map<String, List<SeatingPlan.PlacedSeat>> rows = new LinkedHashMap<>();
        plan.seats()
                .forEach(
                        s ->
                                rows.computeIfAbsent(
                                                s.zone() + "\u0000" + s.row(),
                                                k -> new ArrayList<>())
                                        .add(s));
        for (List<SeatingPlan.PlacedSeat> row : rows.values()) {
            double usual = usualGap(row);
            int seq = 0;
            for (int i = 0; i < row.size(); i++) {
                SeatingPlan.PlacedSeat seat = row.get(i);
                if (i > 0) {
                    SeatingPlan.PlacedSeat previous = row.get(i - 1);
                    double gap = Math.hypot(seat.x() - previous.x(), seat.y() - previous.y());
                    seq += gap > 1.6 * usual ? 2 : 1;
                }
                Long zoneId = zoneOfCategory.get(seat.category());
                if (zoneId != null) {
                    seats.add(
                            new Units.NewSeat(
                                    zoneId,
                                    seat.id(),
                                    seat.zone(),
                                    seat.row(),
                                    seq,
                                    seat.number(),
                                    seat.x(),
                                    seat.y()));
                }
            }
        }
        return seats;
    }

    private static double usualGap(List<SeatingPlan.PlacedSeat> row) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < row.size(); i++) {
            gaps.add(
                    Math.hypot(
                            row.get(i).x() - row.get(i - 1).x(),
                            row.get(i).y() - row.get(i - 1).y()));
        }
        if (gaps.isEmpty()) {
            return Double.MAX_VALUE;
        }
        gaps.sort(Double::compare);
        return gaps.get(gaps.size() / 2);
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
            seats = units.insertSeats(performanceId, seatsToSell(plan.plan(), zoneOfCategory));
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

    /** Once the new units are committed: claims during the on-sale then use the right plans. */
    @ApplicationModuleListener
    void refreshStatistics(PerformancePublished event) {
        units.analyze();
    }
}
