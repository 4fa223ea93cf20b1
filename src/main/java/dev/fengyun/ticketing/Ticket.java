package dev.fengyun.ticketing;

import java.time.Instant;

/**
 * An e-ticket for one seat or standing place. {@code code} is its public, unguessable id; {@code
 * qr} the signed text its QR code carries (see docs/ticket-format.md). {@code revokedReason} says
 * why a REVOKED ticket no longer admits (REFUNDED or TRANSFERRED).
 */
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
        String revokedReason,
        Instant issuedAt,
        Instant validFrom,
        Instant validUntil,
        String qr) {

    public boolean valid() {
        return status == TicketStatus.VALID;
    }
}
