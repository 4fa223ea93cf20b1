package dev.fengyun.catalog;

import java.time.Instant;

/** A performance as buyers browse it: with its event and venue, and the status they see. */
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
        long available) {}
