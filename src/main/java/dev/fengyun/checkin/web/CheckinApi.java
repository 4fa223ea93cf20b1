package dev.fengyun.checkin.web;

import dev.fengyun.checkin.CheckedInTicket;
import dev.fengyun.checkin.CheckinCounts;
import dev.fengyun.checkin.CheckinList;
import dev.fengyun.checkin.CheckinListDraft;
import dev.fengyun.checkin.CheckinManagement;
import dev.fengyun.checkin.CheckinManagement.OfflinePack;
import dev.fengyun.checkin.Direction;
import dev.fengyun.checkin.ScanOutcome;
import dev.fengyun.checkin.ScanRequest;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.ticketing.TicketKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Check-in lists, scans, live counts and offline packs of an organizer. */
@RestController
@RequestMapping("/api/v1/organizers/{org}/checkin")
@Tag(name = "Check-in")
class CheckinApi {

    private final CheckinManagement checkin;

    CheckinApi(CheckinManagement checkin) {
        this.checkin = checkin;
    }

    @GetMapping("/lists")
    @RequiresOrganizerRole(OrganizerRole.SCANNER)
    @Operation(summary = "Check-in lists, optionally of one performance")
    Items<CheckinList> lists(
            OrganizerContext org, @RequestParam(required = false) Long performanceId) {
        return new Items<>(checkin.lists(org.organizerId(), performanceId));
    }

    @PostMapping("/lists")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Create a check-in list: which zones it admits, exits, re-entry")
    ResponseEntity<CheckinList> create(
            OrganizerContext org, @Valid @RequestBody ListRequest request) {
        CheckinList list =
                checkin.createList(org.organizerId(), request.draft(request.performanceId()));
        return ResponseEntity.created(
                        URI.create(
                                "/api/v1/organizers/" + org.slug() + "/checkin/lists/" + list.id()))
                .body(list);
    }

    @GetMapping("/lists/{id}")
    @RequiresOrganizerRole(OrganizerRole.SCANNER)
    @Operation(summary = "One check-in list")
    CheckinList list(OrganizerContext org, @PathVariable long id) {
        return checkin.list(org.organizerId(), id);
    }

    @PutMapping("/lists/{id}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Change a list's name, zones, exits or re-entry (not its performance)")
    CheckinList update(
            OrganizerContext org, @PathVariable long id, @Valid @RequestBody ListRequest request) {
        return checkin.updateList(org.organizerId(), id, request.draft(0));
    }

    @DeleteMapping("/lists/{id}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Delete a list with its check-ins")
    ResponseEntity<Void> delete(OrganizerContext org, @PathVariable long id) {
        checkin.deleteList(org.organizerId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/lists/{id}/counts")
    @RequiresOrganizerRole(OrganizerRole.SCANNER)
    @Operation(summary = "Live figures: tickets, checked in, inside now, scans per gate")
    ResponseEntity<CheckinCounts> counts(OrganizerContext org, @PathVariable long id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(checkin.counts(org.organizerId(), id));
    }

    @GetMapping("/lists/{id}/offline-pack")
    @RequiresOrganizerRole(OrganizerRole.SCANNER)
    @Operation(
            summary =
                    "What a scanner needs offline: public keys, revoked tickets and check-ins so far")
    ResponseEntity<PackView> offlinePack(OrganizerContext org, @PathVariable long id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(PackView.of(checkin.offlinePack(org.organizerId(), id)));
    }

    @PostMapping("/scans")
    @RequiresOrganizerRole(OrganizerRole.SCANNER)
    @Operation(summary = "Scan a ticket in or out; the same nonce always gets the same answer")
    ScanOutcome scan(OrganizerContext org, @Valid @RequestBody ScanBody body) {
        return checkin.scan(
                org.organizerId(),
                new ScanRequest(
                        body.code(),
                        body.performanceId(),
                        body.listId(),
                        body.direction(),
                        body.deviceId(),
                        body.scannedAt(),
                        body.nonce()));
    }

    record ListRequest(
            Long performanceId,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) List<@NotNull Long> zoneIds,
            Boolean exits,
            Boolean reentry) {

        CheckinListDraft draft(long fallbackPerformance) {
            return new CheckinListDraft(
                    performanceId == null ? fallbackPerformance : performanceId,
                    name.strip(),
                    zoneIds,
                    Boolean.TRUE.equals(exits),
                    Boolean.TRUE.equals(reentry));
        }
    }

    record ScanBody(
            @NotBlank @Size(max = 400) String code,
            Long performanceId,
            Long listId,
            Direction direction,
            @Size(max = 100) String deviceId,
            Instant scannedAt,
            @Size(max = 100) String nonce) {}

    record Items<T>(List<T> items) {}

    record PackView(
            CheckinList list,
            Instant startsAt,
            List<OfflinePack.PackZone> zones,
            TicketKey.JwkSet keys,
            List<String> revoked,
            List<CheckedInTicket> checkedIn,
            Instant generatedAt) {
        static PackView of(OfflinePack pack) {
            return new PackView(
                    pack.list(),
                    pack.startsAt(),
                    pack.zones(),
                    TicketKey.JwkSet.of(pack.keys()),
                    pack.revoked(),
                    pack.checkedIn(),
                    pack.generatedAt());
        }
    }
}
