package dev.fengyun.payment;

import dev.fengyun.platform.Money;

/**
 * The provider confirmed a payment. Published in the transaction that records it, once per payment:
 * duplicate callbacks publish nothing.
 */
public record PaymentConfirmed(long paymentId, String paymentCode, long orderId, Money amount) {}
