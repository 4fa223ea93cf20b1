package dev.fengyun.ordering;

import dev.fengyun.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order with its items. {@code buyerKey} (lower-case e-mail) is what per-buyer limits count by.
 */
public record Order(
        long id,
        String code,
        long organizerId,
        long performanceId,
        Long holdId,
        SalesChannel channel,
        OrderStatus status,
        String email,
        String name,
        String phone,
        Long accountId,
        String buyerKey,
        Money total,
        String paymentMethod,
        Instant paymentDueAt,
        Instant createdAt,
        Instant paidAt,
        Instant closedAt,
        List<OrderItem> items) {

    public List<OrderItem> activeItems() {
        return items.stream().filter(i -> i.status().equals("ACTIVE")).toList();
    }
}
