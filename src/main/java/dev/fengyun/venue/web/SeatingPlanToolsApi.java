package dev.fengyun.venue.web;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.InvalidInput.FieldProblem;
import dev.fengyun.venue.PlanLayout;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.VenueManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stateless helpers for editing plans: generate, validate and preview without storing. */
@RestController
@RequestMapping("/api/v1/organizers/{org}/seating-plans")
@Tag(name = "Venues and seating plans")
class SeatingPlanToolsApi {

    private final VenueManagement venues;

    SeatingPlanToolsApi(VenueManagement venues) {
        this.venues = venues;
    }

    @PostMapping("/generate")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Generate a seating plan from a layout (not stored)")
    SeatingPlan generate(@PathVariable String org, @Valid @RequestBody PlanLayout layout) {
        return venues.generate(layout);
    }

    @PostMapping("/validate")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Check a seating plan and list its problems")
    Validation validate(@PathVariable String org, @RequestBody SeatingPlan plan) {
        List<FieldProblem> problems = venues.problems(plan);
        return new Validation(
                problems.isEmpty(), plan.seatCount(), plan.standingCapacity(), problems);
    }

    @PostMapping(value = "/svg", produces = "image/svg+xml")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Draw a seating plan as SVG (preview)")
    String svg(@PathVariable String org, @RequestBody SeatingPlan plan) {
        List<FieldProblem> problems = venues.problems(plan);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return venues.svg(plan, VenueManagement.byCategory(plan));
    }

    record Validation(
            boolean valid, int seatCount, int standingCapacity, List<FieldProblem> problems) {}
}
