package dev.fengyun.ordering;

import dev.fengyun.platform.Money;

/** One seat or place of an order: ACTIVE, RELEASED (order ended unpaid) or REFUNDED. */
public record OrderItem(
        long id,
        long unitId,
        long zoneId,
        String zoneName,
        String seatId,
        String seatLabel,
        Money price,
        String status) {}
