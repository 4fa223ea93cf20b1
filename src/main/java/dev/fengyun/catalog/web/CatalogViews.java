package dev.fengyun.catalog.web;

import dev.fengyun.catalog.Event;
import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.EventStatus;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Posters;
import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.platform.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** JSON shapes of the organizer's catalog API. Times are shown in the venue's time zone. */
final class CatalogViews {

    private CatalogViews() {}

    static OffsetDateTime local(Instant instant, String timeZone) {
        return instant == null ? null : instant.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    record EventView(
            long id,
            String title,
            String description,
            EventCategory category,
            Posters.PosterUrls poster,
            EventStatus status,
            int version,
            Instant createdAt,
            Instant updatedAt) {
        static EventView of(Event e, Posters posters) {
            return new EventView(
                    e.id(),
                    e.title(),
                    e.description(),
                    e.category(),
                    posters.urls(e.posterRef()),
                    e.status(),
                    e.version(),
                    e.createdAt(),
                    e.updatedAt());
        }
    }

    record PerformanceView(
            long id,
            long eventId,
            long venueId,
            PerformanceStatus status,
            OffsetDateTime startsAt,
            OffsetDateTime doorsOpenAt,
            OffsetDateTime endsAt,
            OffsetDateTime salesStartAt,
            OffsetDateTime salesEndAt,
            String timeZone,
            String currency,
            int holdMinutes,
            int paymentMinutes,
            int maxTicketsPerOrder,
            Integer maxTicketsPerBuyer,
            Long planId,
            int version,
            Instant publishedAt,
            List<ZoneView> zones) {
        static PerformanceView of(Performance p, String timeZone) {
            return new PerformanceView(
                    p.id(),
                    p.eventId(),
                    p.venueId(),
                    p.status(),
                    local(p.startsAt(), timeZone),
                    local(p.doorsOpenAt(), timeZone),
                    local(p.endsAt(), timeZone),
                    local(p.salesStartAt(), timeZone),
                    local(p.salesEndAt(), timeZone),
                    timeZone,
                    p.currency(),
                    p.holdMinutes(),
                    p.paymentMinutes(),
                    p.maxTicketsPerOrder(),
                    p.maxTicketsPerBuyer(),
                    p.planId(),
                    p.version(),
                    p.publishedAt(),
                    p.zones().stream().map(ZoneView::of).toList());
        }
    }

    record ZoneView(
            long id,
            String name,
            ZoneKind kind,
            Money price,
            List<String> categories,
            Integer capacity,
            String standingArea,
            String color,
            int sortOrder,
            int version) {
        static ZoneView of(Zone z) {
            return new ZoneView(
                    z.id(),
                    z.name(),
                    z.kind(),
                    z.price(),
                    z.categories(),
                    z.capacity(),
                    z.standingArea(),
                    z.color(),
                    z.sortOrder(),
                    z.version());
        }
    }

    record Items<T>(List<T> items) {}
}
