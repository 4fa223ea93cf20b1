package dev.fengyun.checkin;

import java.time.Instant;

/**
 * What a scan found. {@code reason} refines some results (REVOKED: REFUNDED or TRANSFERRED;
 * WRONG_PERFORMANCE: ZONE_NOT_ADMITTED when the performance is right but the list does not admit
 * the zone; INVALID: NOT_INSIDE for an exit of a ticket that is not inside). {@code ticket} is
 * present whenever the code named a real ticket.
 */
public record ScanOutcome(
        ScanResult result,
        String reason,
        ScannedTicket ticket,
        Instant firstCheckedInAt,
        long listId,
        Direction direction,
        Instant scannedAt) {

    /** The ticket as gate staff see it. */
    public record ScannedTicket(
            String id,
            long performanceId,
            String zone,
            String seat,
            String holder,
            String status) {}
}
