package dev.fengyun.ordering;

import java.time.Instant;

/**
 * A buyer's request to refund a paid order: REQUESTED until the organizer APPROVED it (the order's
 * valid tickets were refunded) or DECLINED it (with a note for the buyer).
 */
public record RefundRequest(
        long id,
        long orderId,
        String orderCode,
        String buyerName,
        String reason,
        String status,
        Instant createdAt,
        Instant decidedAt,
        String decidedBy,
        String note) {

    public boolean open() {
        return status.equals("REQUESTED");
    }
}
