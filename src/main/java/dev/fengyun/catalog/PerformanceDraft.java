package dev.fengyun.catalog;

import dev.fengyun.platform.Money;
import java.time.Instant;

/**
 * What an organizer says about a performance. Optional times may be null; null currency, hold time,
 * payment window and per-order limit take their defaults (CNY, 10 minutes, 15 minutes, 10 tickets).
 */
public record PerformanceDraft(
        long venueId,
        Instant startsAt,
        Instant doorsOpenAt,
        Instant endsAt,
        Instant salesStartAt,
        Instant salesEndAt,
        String currency,
        Integer holdMinutes,
        Integer paymentMinutes,
        Integer maxTicketsPerOrder,
        Integer maxTicketsPerBuyer) {

    public static final int DEFAULT_HOLD_MINUTES = 10;
    public static final int DEFAULT_PAYMENT_MINUTES = 15;
    public static final int DEFAULT_MAX_PER_ORDER = 10;

    public PerformanceDraft {
        currency = currency == null ? Money.DEFAULT_CURRENCY : currency;
        holdMinutes = holdMinutes == null ? DEFAULT_HOLD_MINUTES : holdMinutes;
        paymentMinutes = paymentMinutes == null ? DEFAULT_PAYMENT_MINUTES : paymentMinutes;
        maxTicketsPerOrder =
                maxTicketsPerOrder == null ? DEFAULT_MAX_PER_ORDER : maxTicketsPerOrder;
    }
}
