package dev.fengyun.catalog;

import dev.fengyun.catalog.internal.PublishCheck;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.VenueManagement;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Consistency of a zone with its performance: currency, kind-specific fields, no seat category
 * priced twice, and, when the venue has a plan already, categories and areas that exist in it.
 */
@Component
class ZoneRules {

    private final VenueManagement venues;

    ZoneRules(VenueManagement venues) {
        this.venues = venues;
    }

    void check(Performance performance, ZoneDraft draft, Zone current) {
        if (current != null
                && performance.status() != PerformanceStatus.DRAFT
                && changesInventory(current, draft)) {
            throw new Conflict(
                    "PERFORMANCE_PUBLISHED",
                    "Once on sale, only a zone's name, price, colour and order can change.");
        }
        if (!draft.price().currency().equals(performance.currency())) {
            throw new InvalidInput(
                    "price.currency",
                    "Currency",
                    "must be " + performance.currency() + ", the performance's currency");
        }
        if (draft.price().isNegative()) {
            throw new InvalidInput("price.amount", "PositiveOrZero", "must not be negative");
        }
        List<String> categories = draft.categories() == null ? List.of() : draft.categories();
        if (draft.kind() == ZoneKind.SEATED) {
            if (categories.isEmpty()) {
                throw new InvalidInput(
                        "categories",
                        "NotEmpty",
                        "a seated zone prices at least one seat category");
            }
            if (draft.capacity() != null || draft.standingArea() != null) {
                throw new InvalidInput(
                        "capacity",
                        "Null",
                        "seated zones take their capacity from the seating plan");
            }
            for (Zone other : performance.zones()) {
                if (other.kind() == ZoneKind.SEATED
                        && (current == null || other.id() != current.id())) {
                    for (String category : categories) {
                        if (other.categories().contains(category)) {
                            throw new InvalidInput(
                                    "categories",
                                    "Duplicate",
                                    "category '"
                                            + category
                                            + "' is already priced by zone '"
                                            + other.name()
                                            + "'");
                        }
                    }
                }
            }
        } else {
            if (draft.capacity() == null
                    || draft.capacity() < 1
                    || draft.capacity() > SeatingPlan.MAX_SEATS) {
                throw new InvalidInput(
                        "capacity",
                        "Range",
                        "general admission needs a capacity between 1 and "
                                + SeatingPlan.MAX_SEATS);
            }
            if (!categories.isEmpty()) {
                throw new InvalidInput(
                        "categories", "Empty", "general-admission places have no seat categories");
            }
        }
        if (performance.status() != PerformanceStatus.DRAFT) {
            return; // the pinned plan was checked at publication
        }
        venues.currentPlan(performance.organizerId(), performance.venueId())
                .ifPresent(
                        plan -> {
                            Zone candidate =
                                    new Zone(
                                            0,
                                            performance.id(),
                                            draft.name(),
                                            draft.kind(),
                                            draft.price(),
                                            categories,
                                            draft.capacity(),
                                            draft.standingArea(),
                                            draft.color(),
                                            0,
                                            0);
                            List<String> problems =
                                    PublishCheck.mismatches(List.of(candidate), plan.plan());
                            if (!problems.isEmpty()) {
                                throw new InvalidInput(
                                        draft.kind() == ZoneKind.SEATED
                                                ? "categories"
                                                : "standingArea",
                                        "Plan",
                                        problems.get(0));
                            }
                        });
    }

    private static boolean changesInventory(Zone current, ZoneDraft draft) {
        List<String> categories = draft.categories() == null ? List.of() : draft.categories();
        return current.kind() != draft.kind()
                || !current.categories().equals(categories)
                || !Objects.equals(current.capacity(), draft.capacity())
                || !Objects.equals(current.standingArea(), draft.standingArea());
    }
}
