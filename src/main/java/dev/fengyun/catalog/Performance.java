package dev.fengyun.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One date of an event at a venue, with its sale window, hold time, ticket limits and zones. {@code
 * planId} pins the seating-plan revision at publication; null while in draft. {@code
 * maxTicketsPerBuyer} null means no limit per buyer beyond the per-order limit.
 */
public record Performance(
        long id,
        long eventId,
        long organizerId,
        long venueId,
        Long planId,
        Instant startsAt,
        Instant doorsOpenAt,
        Instant endsAt,
        Instant salesStartAt,
        Instant salesEndAt,
        PerformanceStatus status,
        String currency,
        int holdMinutes,
        int paymentMinutes,
        int maxTicketsPerOrder,
        Integer maxTicketsPerBuyer,
        int version,
        Instant publishedAt,
        List<Zone> zones) {

    /** Shows are assumed to last this long when no end is given. */
    public static final java.time.Duration DEFAULT_LENGTH = java.time.Duration.ofHours(3);

    public Instant effectiveEnd() {
        return endsAt != null ? endsAt : startsAt.plus(DEFAULT_LENGTH);
    }

    /** When sales close: the given end, else the start of the show. */
    public Instant effectiveSalesEnd() {
        return salesEndAt != null ? salesEndAt : startsAt;
    }

    /** The status a buyer should see at {@code now}, given how many units are still available. */
    public PerformanceStatus publicStatus(Instant now, long available) {
        if (status == PerformanceStatus.CANCELLED || status == PerformanceStatus.DRAFT) {
            return status;
        }
        if (!now.isBefore(effectiveEnd())) {
            return PerformanceStatus.ENDED;
        }
        if (status == PerformanceStatus.ON_SALE && available == 0) {
            return PerformanceStatus.SOLD_OUT;
        }
        return status;
    }

    /** Whether a hold may be placed at {@code now}: on sale and inside the sale window. */
    public boolean salesOpen(Instant now) {
        return status == PerformanceStatus.ON_SALE
                && (salesStartAt == null || !now.isBefore(salesStartAt))
                && now.isBefore(effectiveSalesEnd());
    }

    public Zone zone(long zoneId) {
        return zones.stream().filter(z -> z.id() == zoneId).findFirst().orElse(null);
    }
}
