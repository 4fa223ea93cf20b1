package dev.fengyun.venue.web;

import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.Versions;
import dev.fengyun.venue.PlanLayout;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.Venue;
import dev.fengyun.venue.VenueDraft;
import dev.fengyun.venue.VenueManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organizer's venues and their seating plans. */
@RestController
@RequestMapping("/api/v1/organizers/{org}/venues")
@Tag(name = "Venues and seating plans")
class VenueApi {

    private final VenueManagement venues;

    VenueApi(VenueManagement venues) {
        this.venues = venues;
    }

    @GetMapping
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "List venues")
    Items<VenueView> list(OrganizerContext org) {
        return new Items<>(venues.venues(org.organizerId()).stream().map(VenueView::of).toList());
    }

    @PostMapping
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Create a venue")
    ResponseEntity<VenueView> create(
            OrganizerContext org, @Valid @RequestBody VenueRequest request) {
        Venue venue = venues.create(org.organizerId(), request.draft());
        return ResponseEntity.created(
                        URI.create("/api/v1/organizers/" + org.slug() + "/venues/" + venue.id()))
                .eTag(Versions.etag(venue.version()))
                .body(VenueView.of(venue));
    }

    @GetMapping("/{venueId}")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "One venue")
    ResponseEntity<VenueView> get(OrganizerContext org, @PathVariable long venueId) {
        Venue venue = venues.venue(org.organizerId(), venueId);
        return ResponseEntity.ok().eTag(Versions.etag(venue.version())).body(VenueView.of(venue));
    }

    @PutMapping("/{venueId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary = "Change a venue (send If-Match or \"version\" to guard against lost updates)")
    ResponseEntity<VenueView> update(
            OrganizerContext org,
            @PathVariable long venueId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VenueRequest request) {
        Venue venue =
                venues.update(
                        org.organizerId(),
                        venueId,
                        request.draft(),
                        Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(venue.version())).body(VenueView.of(venue));
    }

    @DeleteMapping("/{venueId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Delete a venue no performance uses")
    ResponseEntity<Void> delete(
            OrganizerContext org,
            @PathVariable long venueId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        venues.delete(org.organizerId(), venueId, Versions.expected(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{venueId}/plan")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "Export the current seating plan (JSON, see docs/seating-plan.md)")
    ResponseEntity<SeatingPlan> exportPlan(OrganizerContext org, @PathVariable long venueId) {
        PlanRevision revision = currentPlan(org, venueId);
        return ResponseEntity.ok()
                .header("Fengyun-Plan-Revision", Integer.toString(revision.revision()))
                .body(revision.plan());
    }

    @PutMapping("/{venueId}/plan")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Import a seating plan as the venue's next revision")
    ResponseEntity<PlanView> importPlan(
            OrganizerContext org,
            @PathVariable long venueId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SeatingPlan plan) {
        PlanRevision revision =
                venues.importPlan(
                        org.organizerId(), venueId, plan, Versions.expected(ifMatch, null));
        return planResponse(org, venueId, revision);
    }

    @PostMapping("/{venueId}/plan/generate")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Generate a seating plan from a layout and store it as the next revision")
    ResponseEntity<PlanView> generatePlan(
            OrganizerContext org,
            @PathVariable long venueId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PlanLayout layout) {
        SeatingPlan plan = venues.generate(layout);
        PlanRevision revision =
                venues.importPlan(
                        org.organizerId(), venueId, plan, Versions.expected(ifMatch, null));
        return planResponse(org, venueId, revision);
    }

    @GetMapping(value = "/{venueId}/plan.svg", produces = "image/svg+xml")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "The current seating plan drawn as SVG")
    String planSvg(OrganizerContext org, @PathVariable long venueId) {
        SeatingPlan plan = currentPlan(org, venueId).plan();
        return venues.svg(plan, VenueManagement.byCategory(plan));
    }

    private PlanRevision currentPlan(OrganizerContext org, long venueId) {
        return venues.currentPlan(org.organizerId(), venueId)
                .orElseThrow(
                        () ->
                                new NotFound(
                                        "PLAN_NOT_FOUND",
                                        "Venue " + venueId + " has no seating plan yet."));
    }

    private ResponseEntity<PlanView> planResponse(
            OrganizerContext org, long venueId, PlanRevision revision) {
        Venue venue = venues.venue(org.organizerId(), venueId);
        return ResponseEntity.ok().eTag(Versions.etag(venue.version())).body(PlanView.of(revision));
    }

    record VenueRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 60) String timeZone,
            Integer version) {
        VenueDraft draft() {
            return new VenueDraft(name, address, city, timeZone);
        }
    }

    record VenueView(
            long id,
            String name,
            String address,
            String city,
            String timeZone,
            int version,
            PlanSummary plan,
            Instant createdAt,
            Instant updatedAt) {
        static VenueView of(Venue venue) {
            PlanSummary plan =
                    venue.planRevision() == null
                            ? null
                            : new PlanSummary(
                                    venue.planRevision(),
                                    venue.seatCount(),
                                    venue.standingCapacity());
            return new VenueView(
                    venue.id(),
                    venue.name(),
                    venue.address(),
                    venue.city(),
                    venue.timeZone(),
                    venue.version(),
                    plan,
                    venue.createdAt(),
                    venue.updatedAt());
        }
    }

    record PlanSummary(int revision, int seatCount, int standingCapacity) {}

    record PlanView(
            int revision,
            int seatCount,
            int standingCapacity,
            List<String> categories,
            Instant createdAt) {
        static PlanView of(PlanRevision revision) {
            return new PlanView(
                    revision.revision(),
                    revision.seatCount(),
                    revision.standingCapacity(),
                    revision.plan().categories().stream().map(SeatingPlan.Category::name).toList(),
                    revision.createdAt());
        }
    }

    record Items<T>(List<T> items) {}
}
