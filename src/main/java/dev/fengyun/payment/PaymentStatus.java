package dev.fengyun.payment;

/** Where a payment stands, as its ledger tells it. */
public enum PaymentStatus {
    PENDING,
    CONFIRMED,
    FAILED,
    PARTIALLY_REFUNDED,
    REFUNDED
}
