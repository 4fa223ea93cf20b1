package dev.fengyun.catalog;

import java.time.Instant;

/**
 * A performance as buyers browse it: with its event and venue, the status they see, and whether
 * tickets can be bought right now ({@code salesOpen}: on sale and inside the sale window).
 */
public record Listing(
        long id,
        long eventId,
        String eventTitle,
        EventCategory category,
        String posterRef,
        long venueId,
        String venueName,
        String city,
        String timeZone,
        Instant startsAt,
        PerformanceStatus status,
        long available,
        Instant salesStartAt,
        boolean salesOpen) {}
