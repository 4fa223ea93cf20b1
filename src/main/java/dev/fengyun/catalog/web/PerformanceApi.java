package dev.fengyun.catalog.web;

import static dev.fengyun.catalog.web.CatalogViews.instant;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceDraft;
import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneDraft;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.catalog.web.CatalogViews.Items;
import dev.fengyun.catalog.web.CatalogViews.PerformanceView;
import dev.fengyun.catalog.web.CatalogViews.ZoneView;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.Versions;
import dev.fengyun.venue.VenueManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Performances of an organizer's events, their zones, limits and sale lifecycle. */
@RestController
@RequestMapping("/api/v1/organizers/{org}")
@Tag(name = "Events and performances")
class PerformanceApi {

    private final CatalogManagement catalog;
    private final VenueManagement venues;

    PerformanceApi(CatalogManagement catalog, VenueManagement venues) {
        this.catalog = catalog;
        this.venues = venues;
    }

    @GetMapping("/performances")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "List performances, optionally of one event")
    Items<PerformanceView> list(
            OrganizerContext org, @RequestParam(required = false) Long eventId) {
        return new Items<>(
                catalog.performances(org.organizerId(), eventId).stream().map(this::view).toList());
    }

    @PostMapping("/events/{eventId}/performances")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Add a performance (a draft) to an event")
    ResponseEntity<PerformanceView> create(
            OrganizerContext org,
            @PathVariable long eventId,
            @Valid @RequestBody PerformanceRequest request) {
        Performance performance =
                catalog.createPerformance(org.organizerId(), eventId, request.draft());
        return ResponseEntity.created(
                        URI.create(
                                "/api/v1/organizers/"
                                        + org.slug()
                                        + "/performances/"
                                        + performance.id()))
                .eTag(Versions.etag(performance.version()))
                .body(view(performance));
    }

    @GetMapping("/performances/{performanceId}")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "One performance with its zones")
    ResponseEntity<PerformanceView> get(OrganizerContext org, @PathVariable long performanceId) {
        return respond(catalog.performance(org.organizerId(), performanceId));
    }

    @PutMapping("/performances/{performanceId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Change times, sale window, hold time and limits")
    ResponseEntity<PerformanceView> update(
            OrganizerContext org,
            @PathVariable long performanceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PerformanceRequest request) {
        return respond(
                catalog.updatePerformance(
                        org.organizerId(),
                        performanceId,
                        request.draft(),
                        Versions.expected(ifMatch, request.version())));
    }

    @PutMapping("/performances/{performanceId}/limits")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Change the ticket limits per order and per buyer")
    ResponseEntity<PerformanceView> limits(
            OrganizerContext org,
            @PathVariable long performanceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody LimitsRequest request) {
        return respond(
                catalog.updateLimits(
                        org.organizerId(),
                        performanceId,
                        request.maxTicketsPerOrder(),
                        request.maxTicketsPerBuyer(),
                        Versions.expected(ifMatch, request.version())));
    }

    @DeleteMapping("/performances/{performanceId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Delete a draft performance")
    ResponseEntity<Void> delete(
            OrganizerContext org,
            @PathVariable long performanceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        catalog.deletePerformance(
                org.organizerId(), performanceId, Versions.expected(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/performances/{performanceId}/publish")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary = "Put a draft on sale: pins the seating plan and creates the sellable units")
    ResponseEntity<PerformanceView> publish(
            OrganizerContext org, @PathVariable long performanceId) {
        return respond(catalog.publish(org.organizerId(), performanceId));
    }

    @PostMapping("/performances/{performanceId}/pause")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Stop sales for now")
    ResponseEntity<PerformanceView> pause(OrganizerContext org, @PathVariable long performanceId) {
        return respond(catalog.pause(org.organizerId(), performanceId));
    }

    @PostMapping("/performances/{performanceId}/resume")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Resume paused sales")
    ResponseEntity<PerformanceView> resume(OrganizerContext org, @PathVariable long performanceId) {
        return respond(catalog.resume(org.organizerId(), performanceId));
    }

    @PostMapping("/performances/{performanceId}/cancel")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Cancel the performance for good")
    ResponseEntity<PerformanceView> cancel(OrganizerContext org, @PathVariable long performanceId) {
        return respond(catalog.cancel(org.organizerId(), performanceId));
    }

    @GetMapping("/performances/{performanceId}/zones")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "Price zones and general-admission ticket types")
    Items<ZoneView> zones(OrganizerContext org, @PathVariable long performanceId) {
        return new Items<>(
                catalog.performance(org.organizerId(), performanceId).zones().stream()
                        .map(ZoneView::of)
                        .toList());
    }

    @PostMapping("/performances/{performanceId}/zones")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary =
                    "Add a price zone (SEATED: categories) or ticket type (GENERAL_ADMISSION: capacity)")
    ResponseEntity<ZoneView> addZone(
            OrganizerContext org,
            @PathVariable long performanceId,
            @Valid @RequestBody ZoneRequest request) {
        Zone zone = catalog.addZone(org.organizerId(), performanceId, request.draft());
        return ResponseEntity.created(
                        URI.create(
                                "/api/v1/organizers/"
                                        + org.slug()
                                        + "/performances/"
                                        + performanceId
                                        + "/zones/"
                                        + zone.id()))
                .eTag(Versions.etag(zone.version()))
                .body(ZoneView.of(zone));
    }

    @PutMapping("/performances/{performanceId}/zones/{zoneId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Change a zone (once on sale: name, price, colour and order only)")
    ResponseEntity<ZoneView> updateZone(
            OrganizerContext org,
            @PathVariable long performanceId,
            @PathVariable long zoneId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ZoneRequest request) {
        Zone zone =
                catalog.updateZone(
                        org.organizerId(),
                        performanceId,
                        zoneId,
                        request.draft(),
                        Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(zone.version())).body(ZoneView.of(zone));
    }

    @DeleteMapping("/performances/{performanceId}/zones/{zoneId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Remove a zone of a draft performance")
    ResponseEntity<Void> deleteZone(
            OrganizerContext org, @PathVariable long performanceId, @PathVariable long zoneId) {
        catalog.deleteZone(org.organizerId(), performanceId, zoneId);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<PerformanceView> respond(Performance performance) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(performance.version()))
                .body(view(performance));
    }

    private PerformanceView view(Performance performance) {
        String timeZone = venues.venue(performance.venueId()).orElseThrow().timeZone();
        return PerformanceView.of(performance, timeZone);
    }

    record PerformanceRequest(
            @NotNull Long venueId,
            @NotNull OffsetDateTime startsAt,
            OffsetDateTime doorsOpenAt,
            OffsetDateTime endsAt,
            OffsetDateTime salesStartAt,
            OffsetDateTime salesEndAt,
            @Pattern(regexp = "[A-Z]{3}") String currency,
            @Min(1) @Max(120) Integer holdMinutes,
            @Min(1) @Max(1440) Integer paymentMinutes,
            @Min(1) @Max(100) Integer maxTicketsPerOrder,
            @Min(1) @Max(1000) Integer maxTicketsPerBuyer,
            Integer version) {
        PerformanceDraft draft() {
            return new PerformanceDraft(
                    venueId,
                    instant(startsAt),
                    instant(doorsOpenAt),
                    instant(endsAt),
                    instant(salesStartAt),
                    instant(salesEndAt),
                    currency,
                    holdMinutes,
                    paymentMinutes,
                    maxTicketsPerOrder,
                    maxTicketsPerBuyer);
        }
    }

    record LimitsRequest(
            @NotNull @Min(1) @Max(100) Integer maxTicketsPerOrder,
            @Min(1) @Max(1000) Integer maxTicketsPerBuyer,
            Integer version) {}

    record ZoneRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull ZoneKind kind,
            @NotNull Money price,
            @Size(max = 50) List<@NotBlank String> categories,
            Integer capacity,
            @Size(max = 64) String standingArea,
            @Pattern(regexp = "#[0-9a-fA-F]{6}") String color,
            Integer sortOrder,
            Integer version) {
        ZoneDraft draft() {
            return new ZoneDraft(
                    name, kind, price, categories, capacity, standingArea, color, sortOrder);
        }
    }
}
