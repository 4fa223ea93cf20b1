package dev.fengyun.catalog.web;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Event;
import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.EventDraft;
import dev.fengyun.catalog.Posters;
import dev.fengyun.catalog.web.CatalogViews.EventView;
import dev.fengyun.catalog.web.CatalogViews.Items;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** An organizer's events. */
@RestController
@RequestMapping("/api/v1/organizers/{org}/events")
@Tag(name = "Events and performances")
class EventApi {

    private final CatalogManagement catalog;
    private final Posters posters;

    EventApi(CatalogManagement catalog, Posters posters) {
        this.catalog = catalog;
        this.posters = posters;
    }

    @GetMapping
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "List events")
    Items<EventView> list(OrganizerContext org) {
        return new Items<>(
                catalog.events(org.organizerId()).stream()
                        .map(e -> EventView.of(e, posters))
                        .toList());
    }

    @PostMapping
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Create an event (a draft until a performance is published)")
    ResponseEntity<EventView> create(
            OrganizerContext org, @Valid @RequestBody EventRequest request) {
        Event event = catalog.createEvent(org.organizerId(), request.draft());
        return ResponseEntity.created(
                        URI.create("/api/v1/organizers/" + org.slug() + "/events/" + event.id()))
                .eTag(Versions.etag(event.version()))
                .body(EventView.of(event, posters));
    }

    @GetMapping("/{eventId}")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "One event")
    ResponseEntity<EventView> get(OrganizerContext org, @PathVariable long eventId) {
        Event event = catalog.event(org.organizerId(), eventId);
        return ResponseEntity.ok()
                .eTag(Versions.etag(event.version()))
                .body(EventView.of(event, posters));
    }

    @PutMapping("/{eventId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Change an event (If-Match or \"version\" guards against lost updates)")
    ResponseEntity<EventView> update(
            OrganizerContext org,
            @PathVariable long eventId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EventRequest request) {
        Event event =
                catalog.updateEvent(
                        org.organizerId(),
                        eventId,
                        request.draft(),
                        Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok()
                .eTag(Versions.etag(event.version()))
                .body(EventView.of(event, posters));
    }

    @DeleteMapping("/{eventId}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Delete an event that never went on sale")
    ResponseEntity<Void> delete(
            OrganizerContext org,
            @PathVariable long eventId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        catalog.deleteEvent(org.organizerId(), eventId, Versions.expected(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{eventId}/cancel")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Cancel the event and all its performances")
    EventView cancel(OrganizerContext org, @PathVariable long eventId) {
        return EventView.of(catalog.cancelEvent(org.organizerId(), eventId), posters);
    }

    @PostMapping("/{eventId}/poster")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary =
                    "Upload the event's poster (multipart/form-data, field file: JPEG or PNG, at most 8 MB); thumbnails are made by the server")
    EventView uploadPoster(
            OrganizerContext org, @PathVariable long eventId, HttpServletRequest request)
            throws IOException {
        MultipartFile file =
                request instanceof MultipartHttpServletRequest multipart
                        ? multipart.getFile("file")
                        : null;
        if (file == null) {
            throw new InvalidInput(
                    "file",
                    "Required",
                    "send the image as multipart/form-data in a field named file");
        }
        return EventView.of(posters.upload(org.organizerId(), eventId, file.getBytes()), posters);
    }

    @DeleteMapping("/{eventId}/poster")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Remove the event's poster")
    EventView deletePoster(OrganizerContext org, @PathVariable long eventId) {
        return EventView.of(posters.delete(org.organizerId(), eventId), posters);
    }

    record EventRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 20_000) String description,
            @NotNull EventCategory category,
            Integer version) {
        EventDraft draft() {
            return new EventDraft(title, description, category);
        }
    }
}
