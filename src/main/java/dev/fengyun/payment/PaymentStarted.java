package dev.fengyun.payment;

/**
 * A started payment: where to send the buyer ({@code redirectUrl}, null if none) and its status.
 */
public record PaymentStarted(String code, String redirectUrl, PaymentStatus status) {}
