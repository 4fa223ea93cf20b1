package dev.fengyun.ordering.internal;

import dev.fengyun.ordering.OrderStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes unpaid orders whose payment window passed and puts their units back on sale. Safe on every
 * instance at once: each run locks its batch with SKIP LOCKED.
 */
@Component
class OrderExpiry {

    static final int BATCH = 200;

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final TransactionTemplate transactions;

    OrderExpiry(Orders orders, OrderLifecycle lifecycle, TransactionTemplate transactions) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void expireOverdueOrders() {
        int expired;
        do {
            expired = transactions.execute(status -> expireBatch());
        } while (expired == BATCH);
    }

    int expireBatch() {
        var ids = orders.lockOverdue(BATCH);
        for (long id : ids) {
            lifecycle.closeUnpaid(orders.find(id).orElseThrow(), OrderStatus.EXPIRED, "system");
        }
        return ids.size();
    }
}
