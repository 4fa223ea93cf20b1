package dev.fengyun.ordering;

import dev.fengyun.payment.PaymentStarted;

/**
 * A new order, the token that lets the buyer read it (shown only now, stored hashed) and the
 * payment to complete.
 */
public record PlacedOrder(Order order, String accessToken, PaymentStarted payment) {}
