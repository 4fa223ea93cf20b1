package dev.fengyun.messaging;

import java.time.Instant;

/** One message of the outbox as organizers see it: what, to whom, and how its delivery went. */
public record MailDelivery(
        long id,
        MailKind kind,
        String recipient,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
