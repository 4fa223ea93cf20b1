package dev.fengyun.protection.web;

import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.NotFound;
import dev.fengyun.protection.SaleProtection;
import dev.fengyun.protection.SaleProtections;
import dev.fengyun.protection.internal.Challenges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizers protect a performance's sale (waiting room, proof-of-work challenge, verified accounts
 * only); buyers and API clients read what a sale asks of them and fetch challenges.
 */
@RestController
@Tag(name = "On-sale protection")
class SaleProtectionApi {

    private static final String ORGANIZER_PATH =
            "/api/v1/organizers/{org}/performances/{performanceId}/protection";

    private final SaleProtections protections;

    SaleProtectionApi(SaleProtections protections) {
        this.protections = protections;
    }

    @GetMapping(ORGANIZER_PATH)
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(
            summary = "How the performance's sale is protected (404 NOT_PROTECTED when it is not)")
    ProtectionView get(OrganizerContext org, @PathVariable long performanceId) {
        return protections
                .get(org.organizerId(), performanceId)
                .map(ProtectionView::of)
                .orElseThrow(SaleProtectionApi::notProtected);
    }

    @PutMapping(ORGANIZER_PATH)
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary =
                    "Protect the sale: waiting room, challenge difficulty, verified accounts only")
    ProtectionView put(
            OrganizerContext org,
            @PathVariable long performanceId,
            @Valid @RequestBody ProtectionRequest request) {
        return ProtectionView.of(
                protections.put(org.organizerId(), request.toProtection(performanceId)));
    }

    @DeleteMapping(ORGANIZER_PATH)
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Open the sale to everyone again; the waiting room and its queue are gone")
    ResponseEntity<Void> delete(OrganizerContext org, @PathVariable long performanceId) {
        if (!protections.remove(org.organizerId(), performanceId)) {
            throw notProtected();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/performances/{performanceId}/protection")
    @Operation(summary = "What holds for this performance need (an open sale answers all false/0)")
    ProtectionView published(@PathVariable long performanceId) {
        return protections
                .published(performanceId)
                .map(ProtectionView::of)
                .orElse(new ProtectionView(performanceId, null, 0, false));
    }

    @PostMapping("/api/v1/performances/{performanceId}/challenge")
    @Operation(
            summary = "A proof-of-work challenge for one hold",
            description =
                    "Find a decimal number n such that SHA-256 of the ASCII text challenge + \":\" + n"
                            + " starts with `difficulty` zero bits, then send the header"
                            + " Fengyun-Challenge: <challenge>:<n> with the hold. Single use; valid"
                            + " until expiresAt.")
    Challenges.Issued challenge(@PathVariable long performanceId) {
        return protections
                .challenge(performanceId)
                .orElseThrow(
                        () ->
                                new NotFound(
                                        "NO_CHALLENGE",
                                        "Holds for this performance need no challenge."));
    }

    private static NotFound notProtected() {
        return new NotFound("NOT_PROTECTED", "The performance's sale is not protected.");
    }

    record WaitingRoomBody(
            @NotNull Instant startsAt,
            @NotNull @Min(1) @Max(1_000_000) Integer admitPerMinute,
            @Min(1) @Max(100_000) Integer batchSize,
            @Min(1) @Max(240) Integer admissionMinutes) {}

    record ProtectionRequest(
            @Valid WaitingRoomBody waitingRoom,
            @Min(0) @Max(SaleProtection.MAX_CHALLENGE_BITS) Integer challengeDifficulty,
            Boolean verifiedAccountsOnly) {

        SaleProtection toProtection(long performanceId) {
            SaleProtection.WaitingRoom room =
                    waitingRoom == null
                            ? null
                            : new SaleProtection.WaitingRoom(
                                    waitingRoom.startsAt(),
                                    waitingRoom.admitPerMinute(),
                                    waitingRoom.batchSize() == null ? 1 : waitingRoom.batchSize(),
                                    waitingRoom.admissionMinutes() == null
                                            ? 10
                                            : waitingRoom.admissionMinutes());
            return new SaleProtection(
                    performanceId,
                    room,
                    challengeDifficulty == null ? 0 : challengeDifficulty,
                    Boolean.TRUE.equals(verifiedAccountsOnly));
        }
    }

    record ProtectionView(
            long performanceId,
            SaleProtection.WaitingRoom waitingRoom,
            int challengeDifficulty,
            boolean verifiedAccountsOnly) {
        static ProtectionView of(SaleProtection p) {
            return new ProtectionView(
                    p.performanceId(), p.waitingRoom(), p.challengeBits(), p.verifiedOnly());
        }
    }
}
