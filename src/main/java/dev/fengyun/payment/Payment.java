package dev.fengyun.payment;

import dev.fengyun.platform.Money;
import java.time.Instant;

/** A payment and what its ledger says about it. */
public record Payment(
        long id,
        String code,
        long orderId,
        long organizerId,
        String method,
        Money amount,
        PaymentStatus status,
        Money refunded,
        Instant createdAt) {}
