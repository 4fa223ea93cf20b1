package dev.fengyun.protection.web;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Performance;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.protection.SaleProtection;
import dev.fengyun.protection.SaleProtections;
import dev.fengyun.venue.Venue;
import dev.fengyun.venue.VenueManagement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console page for a performance's on-sale protection: a form for the protection API (waiting
 * room with its start in the venue's time zone, admission rate, batch, admission window; challenge
 * difficulty; verified accounts only) and how far the waiting room has got.
 */
@Controller
class ConsoleProtectionPage {

    private static final String PATH = "/console/{org}/performances/{performanceId}/protection";

    private final SaleProtections protections;
    private final CatalogManagement catalog;
    private final VenueManagement venues;

    ConsoleProtectionPage(
            SaleProtections protections, CatalogManagement catalog, VenueManagement venues) {
        this.protections = protections;
        this.catalog = catalog;
        this.venues = venues;
    }

    @GetMapping(PATH)
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    String show(OrganizerContext org, @PathVariable long performanceId, Model model) {
        Optional<SaleProtection> current = protections.get(org.organizerId(), performanceId);
        ZoneId zone = populate(org, performanceId, model);
        SaleProtection.WaitingRoom room = current.map(SaleProtection::waitingRoom).orElse(null);
        model.addAttribute(
                "form",
                new Form(
                        room != null,
                        room == null
                                ? ""
                                : LocalDateTime.ofInstant(room.startsAt(), zone)
                                        .truncatedTo(ChronoUnit.MINUTES)
                                        .toString(),
                        room == null ? 600 : room.admitPerMinute(),
                        room == null ? 1 : room.batchSize(),
                        room == null ? 10 : room.admissionMinutes(),
                        current.map(SaleProtection::challengeBits).orElse(0),
                        current.map(SaleProtection::verifiedOnly).orElse(false)));
        model.addAttribute("progress", protections.progress(performanceId).orElse(null));
        return "protection/console";
    }

    private ZoneId populate(OrganizerContext org, long performanceId, Model model) {
        Performance performance = catalog.performance(org.organizerId(), performanceId);
        Venue venue = venues.venue(org.organizerId(), performance.venueId());
        model.addAttribute("org", org);
        model.addAttribute("performance", performance);
        model.addAttribute("event", catalog.event(org.organizerId(), performance.eventId()));
        model.addAttribute("venue", venue);
        return ZoneId.of(venue.timeZone());
    }

    /** The form's fields; the start in the venue's local time. */
    record Form(
            boolean waitingRoom,
            String startsAt,
            int admitPerMinute,
            int batchSize,
            int admissionMinutes,
            int challengeDifficulty,
            boolean verifiedOnly) {}
}
