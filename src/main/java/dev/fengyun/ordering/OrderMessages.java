package dev.fengyun.ordering;

import java.time.Instant;
import java.util.List;

/**
 * The messages sent to buyers about an order, as the organizer's order page lists them. Provided by
 * the messaging module (which depends on this one, so the order page asks through this port).
 */
public interface OrderMessages {

    List<Line> of(long orderId);

    /** One message: what, to whom, PENDING / SENT / FAILED, attempts, the last error, when. */
    record Line(
            String kind,
            String recipient,
            String status,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}
}
