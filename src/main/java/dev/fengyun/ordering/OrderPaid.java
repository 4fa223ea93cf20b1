package dev.fengyun.ordering;

/** An order was paid and its tickets issued. */
public record OrderPaid(
        long orderId, String code, long organizerId, long performanceId, String paymentMethod) {}
