package dev.fengyun.ordering;

/** An order ended without being paid (cancelled or expired) or was cancelled with a full refund. */
public record OrderCancelled(
        long orderId, String code, long organizerId, long performanceId, OrderStatus status) {}
