package dev.fengyun.webhooks;

import java.time.Instant;
import java.util.List;

/** A registered endpoint (its secret is never shown again after creation or rotation). */
public record Webhook(
        String id,
        String url,
        List<String> events,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {}
