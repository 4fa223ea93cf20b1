package dev.fengyun.ticketing.web;

import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.identity.Organizer;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.NotFound;
import dev.fengyun.ticketing.TicketKey;
import dev.fengyun.ticketing.TicketingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticket signing keys: the public JWK set scanners verify with, and the organizer's rotation and
 * retirement of keys.
 */
@RestController
@Tag(name = "Ticket keys")
class TicketKeysApi {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final TicketingManagement ticketing;
    private final IdentityManagement identity;

    TicketKeysApi(TicketingManagement ticketing, IdentityManagement identity) {
        this.ticketing = ticketing;
        this.identity = identity;
    }

    // Not {org}: that path variable marks endpoints that need a member's role.
    @GetMapping("/api/v1/public/organizers/{organizer}/ticket-keys")
    @Operation(
            summary =
                    "The organizer's ticket-verifying public keys as a JWK set (OKP / Ed25519, RFC 8037)")
    ResponseEntity<TicketKey.JwkSet> published(@PathVariable("organizer") String org) {
        Organizer organizer =
                identity.organizer(org)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "ORGANIZER_NOT_FOUND",
                                                "No organizer " + org + "."));
        return ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(TicketKey.JwkSet.of(ticketing.publishedKeys(organizer.id())));
    }

    @GetMapping("/api/v1/organizers/{org}/ticket-keys")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "All of the organizer's ticket keys, retired ones included")
    KeyList keys(OrganizerContext org) {
        return new KeyList(ticketing.keys(org.organizerId()).stream().map(KeyView::of).toList());
    }

    @PostMapping("/api/v1/organizers/{org}/ticket-keys/rotate")
    @RequiresOrganizerRole(OrganizerRole.OWNER)
    @Operation(summary = "Sign new tickets with a new key; the previous key keeps verifying")
    KeyView rotate(OrganizerContext org) {
        return KeyView.of(ticketing.rotateKey(org.organizerId()));
    }

    @PostMapping("/api/v1/organizers/{org}/ticket-keys/{kid}/retire")
    @RequiresOrganizerRole(OrganizerRole.OWNER)
    @Operation(
            summary =
                    "Stop accepting a rotated-out key; valid tickets it signed are re-signed first")
    Retired retire(OrganizerContext org, @PathVariable String kid) {
        return new Retired(kid, ticketing.retireKey(org.organizerId(), kid));
    }

    record KeyView(
            String kid, String status, TicketKey.Jwk jwk, Instant createdAt, Instant retiredAt) {
        static KeyView of(TicketKey key) {
            return new KeyView(
                    key.kid(), key.status().name(), key.jwk(), key.createdAt(), key.retiredAt());
        }
    }

    record KeyList(List<KeyView> items) {}

    record Retired(String kid, int ticketsResigned) {}
}
