package dev.fengyun.webhooks.web;

import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.webhooks.Webhook;
import dev.fengyun.webhooks.WebhookDelivery;
import dev.fengyun.webhooks.WebhookManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An organizer's webhooks (docs/webhooks.md). Managers and owners. */
@RestController
@RequestMapping("/api/v1/organizers/{org}/webhooks")
@Tag(name = "Webhooks")
class WebhooksApi {

    private final WebhookManagement webhooks;

    WebhooksApi(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    record CreateRequest(
            @NotBlank @Size(max = 2000) String url, @NotEmpty List<@NotBlank String> events) {}

    record UpdateRequest(
            @Size(max = 2000) String url, List<@NotBlank String> events, Boolean enabled) {}

    /** A webhook, with its secret only in the answers that create or rotate it. */
    record WebhookView(
            String id,
            String url,
            List<String> events,
            boolean enabled,
            String disabledReason,
            Instant createdAt,
            Instant updatedAt,
            String secret) {

        static WebhookView of(Webhook w, String secret) {
            return new WebhookView(
                    w.id(),
                    w.url(),
                    w.events(),
                    w.enabled(),
                    w.disabledReason(),
                    w.createdAt(),
                    w.updatedAt(),
                    secret);
        }
    }

    record Items<T>(List<T> items) {}

    @PostMapping
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary =
                    "Register an endpoint for events; the answer holds its signing secret (shown once)")
    ResponseEntity<WebhookView> create(
            OrganizerContext org, @Valid @RequestBody CreateRequest request) {
        WebhookManagement.WithSecret created =
                webhooks.create(org.organizerId(), request.url().strip(), request.events());
        return ResponseEntity.created(
                        URI.create(
                                "/api/v1/organizers/"
                                        + org.slug()
                                        + "/webhooks/"
                                        + created.webhook().id()))
                .body(WebhookView.of(created.webhook(), created.secret()));
    }

    @GetMapping
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "The organizer's webhooks")
    Items<WebhookView> list(OrganizerContext org) {
        return new Items<>(
                webhooks.list(org.organizerId()).stream()
                        .map(w -> WebhookView.of(w, null))
                        .toList());
    }

    @GetMapping("/{id}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "One webhook")
    WebhookView get(OrganizerContext org, @PathVariable String id) {
        return WebhookView.of(webhooks.webhook(org.organizerId(), id), null);
    }

    @PatchMapping("/{id}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Change the URL, the events, or enable/disable it")
    WebhookView update(
            OrganizerContext org,
            @PathVariable String id,
            @Valid @RequestBody UpdateRequest request) {
        return WebhookView.of(
                webhooks.update(
                        org.organizerId(),
                        id,
                        request.url() == null ? null : request.url().strip(),
                        request.events(),
                        request.enabled()),
                null);
    }

    @DeleteMapping("/{id}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Remove a webhook; its pending deliveries are dropped")
    ResponseEntity<Void> delete(OrganizerContext org, @PathVariable String id) {
        webhooks.delete(org.organizerId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "A new signing secret (shown once); the old one stops at once")
    WebhookView rotate(OrganizerContext org, @PathVariable String id) {
        WebhookManagement.WithSecret rotated = webhooks.rotateSecret(org.organizerId(), id);
        return WebhookView.of(rotated.webhook(), rotated.secret());
    }

    @GetMapping("/{id}/deliveries")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary =
                    "The delivery log, newest first: event, status, attempts, last response code or error, body")
    Items<WebhookDelivery> deliveries(
            OrganizerContext org,
            @PathVariable String id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new Items<>(webhooks.deliveries(org.organizerId(), id, limit));
    }

    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Send a delivery again now (same id and body, a fresh signature)")
    ResponseEntity<WebhookDelivery> redeliver(
            OrganizerContext org, @PathVariable String id, @PathVariable String delivery) {
        return ResponseEntity.accepted().body(webhooks.redeliver(org.organizerId(), id, delivery));
    }
}
