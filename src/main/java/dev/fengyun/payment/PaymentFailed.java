package dev.fengyun.payment;

/** The provider reported that a payment failed. */
public record PaymentFailed(long paymentId, String paymentCode, long orderId) {}
