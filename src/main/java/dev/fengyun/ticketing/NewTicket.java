package dev.fengyun.ticketing;

/** What a ticket is issued for: one order item (a seat or place) and its holder. */
public record NewTicket(
        long orderId,
        long orderItemId,
        long organizerId,
        long performanceId,
        long unitId,
        long zoneId,
        String zoneName,
        String seatId,
        String seatLabel,
        String holderName,
        String holderEmail) {}
