package dev.fengyun.catalog.internal;

import dev.fengyun.catalog.Event;
import dev.fengyun.catalog.EventStatus;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.SeatingPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold before a performance goes on sale: zones exist, they match the seating plan it
 * will be pinned to, and there is something to sell. Seats whose category no zone prices are simply
 * not sold.
 */
public final class PublishCheck {

    private PublishCheck() {}

    /** Problems in words an organizer understands; empty when the performance may be published. */
    public static List<String> problems(
            Event event, Performance performance, PlanRevision plan, Instant now) {
        List<String> problems = new ArrayList<>();
        if (event.status() == EventStatus.CANCELLED) {
            problems.add("the event is cancelled");
        }
        if (!performance.startsAt().isAfter(now)) {
            problems.add("the performance starts in the past");
        }
        if (performance.zones().isEmpty()) {
            problems.add("add at least one price zone or general-admission ticket type");
        }
        boolean seated = performance.zones().stream().anyMatch(z -> z.kind() == ZoneKind.SEATED);
        boolean standing = performance.zones().stream().anyMatch(z -> z.standingArea() != null);
        if ((seated || standing) && plan == null) {
            problems.add(
                    "the venue has no seating plan, which seated zones and standing areas need");
            return problems;
        }
        if (plan != null) {
            problems.addAll(mismatches(performance.zones(), plan.plan()));
        }
        return problems;
    }

    /** Zones whose categories or standing areas the plan does not have. */
    public static List<String> mismatches(List<Zone> zones, SeatingPlan plan) {
        List<String> problems = new ArrayList<>();
        Set<String> categories = new HashSet<>();
        plan.categories().forEach(c -> categories.add(c.name()));
        Map<String, Integer> areas = new HashMap<>();
        plan.standing().forEach(a -> areas.put(a.id(), a.capacity()));
        Map<String, Long> seatsPerCategory = new HashMap<>();
        plan.seats().forEach(s -> seatsPerCategory.merge(s.category(), 1L, Long::sum));
        for (Zone zone : zones) {
            if (zone.kind() == ZoneKind.SEATED) {
                long seats = 0;
                for (String category : zone.categories()) {
                    if (!categories.contains(category)) {
                        problems.add(
                                "zone '"
                                        + zone.name()
                                        + "' prices category '"
                                        + category
                                        + "', which the seating plan does not have");
                    }
                    seats += seatsPerCategory.getOrDefault(category, 0L);
                }
                if (seats == 0 && zone.categories().stream().allMatch(categories::contains)) {
                    problems.add("zone '" + zone.name() + "' has no seats in the seating plan");
                }
            } else if (zone.standingArea() != null) {
                Integer capacity = areas.get(zone.standingArea());
                if (capacity == null) {
                    problems.add(
                            "zone '"
                                    + zone.name()
                                    + "' uses standing area '"
                                    + zone.standingArea()
                                    + "', which the seating plan does not have");
                } else if (zone.capacity() != null && zone.capacity() > capacity) {
                    problems.add(
                            "zone '"
                                    + zone.name()
                                    + "' sells "
                                    + zone.capacity()
                                    + " places in an area for "
                                    + capacity);
                }
            }
        }
        return problems;
    }
}
