package dev.fengyun.ticketing;

import java.time.Instant;

/** An e-ticket for one seat or standing place. {@code code} is its public, unguessable id. */
public record Ticket(
        long id,
        String code,
        long orderId,
        long orderItemId,
        long organizerId,
        long performanceId,
        long unitId,
        long zoneId,
        String zoneName,
        String seatId,
        String seatLabel,
        String holderName,
        String holderEmail,
        TicketStatus status,
        Instant issuedAt) {}
