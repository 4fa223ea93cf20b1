package dev.fengyun.catalog;

import java.time.Instant;

/** An event: a show, concert or match that has one or more performances. */
public record Event(
        long id,
        long organizerId,
        String title,
        String description,
        EventCategory category,
        String posterRef,
        EventStatus status,
        int version,
        Instant createdAt,
        Instant updatedAt) {}
