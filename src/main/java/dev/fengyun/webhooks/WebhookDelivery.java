package dev.fengyun.webhooks;

import java.time.Instant;

/** One delivery of one event to one endpoint, as the delivery log shows it. */
public record WebhookDelivery(
        String id,
        String event,
        String status,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String body) {}
