package dev.fengyun.venue.web;

import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.venue.VenueManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The console's venues and their seating plans: generator with live preview, JSON upload. */
@Controller
class VenuePages {

    private final VenueManagement venues;

    VenuePages(VenueManagement venues) {
        this.venues = venues;
    }

    @GetMapping("/console/{org}/venues")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    String venues(OrganizerContext org, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("venues", venues.venues(org.organizerId()));
        return "venue/venues";
    }

    @GetMapping("/console/{org}/venues/{venueId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    String venue(OrganizerContext org, @PathVariable long venueId, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("venue", venues.venue(org.organizerId(), venueId));
        model.addAttribute("plan", venues.currentPlan(org.organizerId(), venueId).orElse(null));
        return "venue/venue";
    }
}
