package dev.fengyun.catalog.web;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Event;
import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Posters;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.Venue;
import dev.fengyun.venue.VenueManagement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The console's events, performances, zones, limits and sale actions. */
@Controller
class ConsoleCatalogPages {

    private final CatalogManagement catalog;
    private final VenueManagement venues;
    private final Posters posters;

    ConsoleCatalogPages(CatalogManagement catalog, VenueManagement venues, Posters posters) {
        this.catalog = catalog;
        this.venues = venues;
        this.posters = posters;
    }

    @GetMapping("/console/{org}/events")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    String events(OrganizerContext org, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("events", catalog.events(org.organizerId()));
        model.addAttribute("categories", EventCategory.values());
        return "catalog/console-events";
    }

    @GetMapping("/console/{org}/events/{eventId}")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    String event(OrganizerContext org, @PathVariable long eventId, Model model) {
        model.addAttribute("org", org);
        Event event = catalog.event(org.organizerId(), eventId);
        model.addAttribute("event", event);
        model.addAttribute("poster", posters.urls(event.posterRef()));
        model.addAttribute("performances", catalog.performances(org.organizerId(), eventId));
        model.addAttribute("venues", venuesById(org));
        model.addAttribute("categories", EventCategory.values());
        return "catalog/console-event";
    }

    @GetMapping("/console/{org}/performances/{performanceId}")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    String performance(OrganizerContext org, @PathVariable long performanceId, Model model) {
        Performance performance = catalog.performance(org.organizerId(), performanceId);
        Venue venue = venues.venue(org.organizerId(), performance.venueId());
        model.addAttribute("org", org);
        model.addAttribute("performance", performance);
        model.addAttribute("event", catalog.event(org.organizerId(), performance.eventId()));
        model.addAttribute("venue", venue);
        Optional<SeatingPlan> plan =
                venues.currentPlan(org.organizerId(), venue.id()).map(PlanRevision::plan);
        model.addAttribute("categories", plan.map(SeatingPlan::categories).orElse(List.of()));
        model.addAttribute("standingAreas", plan.map(SeatingPlan::standing).orElse(List.of()));
        model.addAttribute("kinds", ZoneKind.values());
        model.addAttribute(
                "colors",
                performance.zones().stream()
                        .collect(
                                Collectors.toMap(
                                        z -> z.id(),
                                        z -> Storefront.colorOf(z, performance.zones()))));
        return "catalog/console-performance";
    }

    private Map<Long, Venue> venuesById(OrganizerContext org) {
        return venues.venues(org.organizerId()).stream()
                .collect(Collectors.toMap(Venue::id, Function.identity()));
    }
}
