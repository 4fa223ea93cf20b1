package dev.fengyun.ordering.internal;

import dev.fengyun.catalog.PerformanceCancelled;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a performance is cancelled, every live order is refunded (paid) or cancelled (unpaid), each
 * in its own transaction. The event is stored with the cancellation, so this finishes even if an
 * instance dies halfway; orders already handled are skipped.
 */
@Component
class CancellationRefunds {

    private final Orders orders;
    private final OrderLifecycle lifecycle;

    /** Who the refunds and cancellations of a cancelled performance are recorded as. */
    static final String ACTOR = "system:performance-cancelled";

    private final TransactionTemplate transactions;

    CancellationRefunds(Orders orders, OrderLifecycle lifecycle, TransactionTemplate transactions) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    @ApplicationModuleListener
    void on(PerformanceCancelled event) {
        for (long orderId : orders.liveOfPerformance(event.performanceId())) {
            transactions.executeWithoutResult(status -> settle(orderId));
        }
    }

    private void settle(long orderId) {
        Order order = orders.lock(orderId).orElseThrow();
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            lifecycle.closeUnpaid(order, OrderStatus.CANCELLED, ACTOR);
        } else if (order.status() == OrderStatus.PAID) {
            lifecycle.refundItems(order, order.activeItems(), true, "performance cancelled", ACTOR);
        }
    }
}
