package dev.fengyun.ordering.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the per-buyer ticket limit of a performance is checked against, and the lock that makes the
 * check safe: a buyer is an account or an e-mail address ({@code orders.buyer_key}).
 */
@Repository
public class BuyerLimits {

    /** Serialises orders of one buyer for one performance, so the limit check cannot race. */
    private static final String LOCK =
            "SELECT pg_advisory_xact_lock(hashtextextended(:buyerKey, :performanceId))";

    /**
     * Tickets a buyer has for a performance: items of paid orders and of unpaid orders still within
     * their payment window.
     */
    private static final String LIVE_TICKETS =
            """
            SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id
            WHERE o.performance_id = :performanceId AND o.buyer_key = :buyerKey AND i.status = 'ACTIVE'
              AND (o.status = 'PAID' OR (o.status = 'PENDING_PAYMENT' AND o.payment_due_at > now()))
            """;

    private final JdbcClient jdbc;

    BuyerLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the buyer's lock for the rest of the transaction. */
    public void lock(long performanceId, String buyerKey) {
        jdbc.sql(LOCK)
                .param("buyerKey", buyerKey)
                .param("performanceId", performanceId)
                .query(Object.class)
                .optional();
    }

    /** The buyer's live tickets; the caller holds the buyer's {@link #lock}. */
    public long liveTickets(long performanceId, String buyerKey) {
        return jdbc.sql(LIVE_TICKETS)
                .param("performanceId", performanceId)
                .param("buyerKey", buyerKey)
                .query(Long.class)
                .single();
    }
}
