package dev.fengyun.catalog.web;

import static dev.fengyun.catalog.web.CatalogViews.local;

import dev.fengyun.catalog.Availability;
import dev.fengyun.catalog.Event;
import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.EventSummary;
import dev.fengyun.catalog.Listing;
import dev.fengyun.catalog.ListingQuery;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceDetails;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Posters;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.Page;
import dev.fengyun.platform.PublicResponses;
import dev.fengyun.venue.Venue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What anyone may browse without signing in: published events and performances. */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Public catalog")
class PublicCatalogApi {

    private static final EnumSet<PerformanceStatus> FILTERABLE =
            EnumSet.of(
                    PerformanceStatus.ON_SALE,
                    PerformanceStatus.PAUSED,
                    PerformanceStatus.CANCELLED,
                    PerformanceStatus.ENDED);
    private static final String SHORT_CACHE = "public, max-age=2";
    private static final Availability.ZoneCount NONE = new Availability.ZoneCount(0, 0);

    private final Storefront storefront;
    private final Clock clock;
    private final Posters posters;

    PublicCatalogApi(Storefront storefront, Clock clock, Posters posters) {
        this.posters = posters;
        this.storefront = storefront;
        this.clock = clock;
    }

    @GetMapping("/performances")
    @Operation(summary = "Browse performances (default: upcoming ones on sale or paused)")
    ResponseEntity<Page<ListingView>> performances(
            @RequestParam(required = false) PerformanceStatus status,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) OffsetDateTime from,
            @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) EventCategory category,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (status != null && !FILTERABLE.contains(status)) {
            throw new InvalidInput(
                    "status", "OneOf", "must be one of ON_SALE, PAUSED, CANCELLED, ENDED");
        }
        ListingQuery query =
                new ListingQuery(
                        status,
                        city,
                        CatalogViews.instant(from),
                        CatalogViews.instant(to),
                        category,
                        q,
                        null,
                        page,
                        size);
        Page<Listing> listings = storefront.listings(query);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, SHORT_CACHE)
                .body(
                        new Page<>(
                                listings.items().stream()
                                        .map(l -> ListingView.of(l, posters))
                                        .toList(),
                                page,
                                size,
                                listings.total()));
    }

    @GetMapping("/performances/{id}")
    @Operation(
            summary = "A performance with its event, venue and zones with prices and availability")
    ResponseEntity<PerformanceDetailView> performance(
            @PathVariable long id, HttpServletRequest request) {
        PerformanceDetails details = storefront.performance(id);
        PublicResponses.share(request, Storefront.AVAILABILITY_TTL);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=1")
                .body(PerformanceDetailView.of(details, clock.instant(), posters));
    }

    @GetMapping(value = "/performances/{id}/seatmap.svg", produces = "image/svg+xml")
    @Operation(
            summary =
                    "The seat map as SVG: one circle per seat with data-seat-id, coloured by zone")
    ResponseEntity<String> seatMap(@PathVariable long id, HttpServletRequest request) {
        PublicResponses.share(request, Storefront.AVAILABILITY_TTL);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=30")
                .body(storefront.seatMapSvg(id));
    }

    @GetMapping("/events")
    @Operation(summary = "Browse events with upcoming performances")
    ResponseEntity<Page<EventSummaryView>> events(
            @RequestParam(required = false) String city,
            @RequestParam(required = false) EventCategory category,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        ListingQuery query =
                new ListingQuery(null, city, null, null, category, q, null, page, size);
        Page<EventSummary> found = storefront.events(query);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, SHORT_CACHE)
                .body(
                        new Page<>(
                                found.items().stream()
                                        .map(e -> EventSummaryView.of(e, posters))
                                        .toList(),
                                page,
                                size,
                                found.total()));
    }

    @GetMapping("/events/{id}")
    @Operation(summary = "An event with its performances")
    ResponseEntity<EventDetailView> event(@PathVariable long id) {
        Storefront.EventDetails details = storefront.event(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, SHORT_CACHE)
                .body(EventDetailView.of(details.event(), details.performances(), posters));
    }

    record ListingView(
            long id,
            long eventId,
            String eventTitle,
            EventCategory category,
            Posters.PosterUrls poster,
            long venueId,
            String venueName,
            String city,
            String timeZone,
            OffsetDateTime startsAt,
            PerformanceStatus status,
            long available,
            OffsetDateTime salesStartAt,
            boolean salesOpen) {
        static ListingView of(Listing l, Posters posters) {
            return new ListingView(
                    l.id(),
                    l.eventId(),
                    l.eventTitle(),
                    l.category(),
                    posters.urls(l.posterRef()),
                    l.venueId(),
                    l.venueName(),
                    l.city(),
                    l.timeZone(),
                    local(l.startsAt(), l.timeZone()),
                    l.status(),
                    l.available(),
                    local(l.salesStartAt(), l.timeZone()),
                    l.salesOpen());
        }
    }

    record PerformanceDetailView(
            long id,
            PerformanceStatus status,
            boolean salesOpen,
            OffsetDateTime startsAt,
            OffsetDateTime doorsOpenAt,
            OffsetDateTime endsAt,
            OffsetDateTime salesStartAt,
            OffsetDateTime salesEndAt,
            String timeZone,
            int holdMinutes,
            int maxTicketsPerOrder,
            Integer maxTicketsPerBuyer,
            EventView event,
            VenueView venue,
            List<ZoneView> zones) {
        static PerformanceDetailView of(PerformanceDetails d, Instant now, Posters posters) {
            Performance p = d.performance();
            String tz = d.venue().timeZone();
            return new PerformanceDetailView(
                    p.id(),
                    d.status(),
                    d.status() == PerformanceStatus.ON_SALE && p.salesOpen(now),
                    local(p.startsAt(), tz),
                    local(p.doorsOpenAt(), tz),
                    local(p.endsAt(), tz),
                    local(p.salesStartAt(), tz),
                    local(p.effectiveSalesEnd(), tz),
                    tz,
                    p.holdMinutes(),
                    p.maxTicketsPerOrder(),
                    p.maxTicketsPerBuyer(),
                    EventView.of(d.event(), posters),
                    VenueView.of(d.venue()),
                    p.zones().stream()
                            .map(z -> ZoneView.of(z, d.counts().getOrDefault(z.id(), NONE)))
                            .toList());
        }
    }

    record EventView(
            long id,
            String title,
            String description,
            EventCategory category,
            Posters.PosterUrls poster) {
        static EventView of(Event e, Posters posters) {
            return new EventView(
                    e.id(), e.title(), e.description(), e.category(), posters.urls(e.posterRef()));
        }
    }

    record EventSummaryView(
            long id,
            String title,
            String description,
            EventCategory category,
            Posters.PosterUrls poster,
            Instant nextStartsAt,
            int upcomingPerformances,
            List<String> cities) {
        static EventSummaryView of(EventSummary e, Posters posters) {
            return new EventSummaryView(
                    e.id(),
                    e.title(),
                    e.description(),
                    e.category(),
                    posters.urls(e.posterRef()),
                    e.nextStartsAt(),
                    e.upcomingPerformances(),
                    e.cities());
        }
    }

    record VenueView(long id, String name, String address, String city, String timeZone) {
        static VenueView of(Venue v) {
            return new VenueView(v.id(), v.name(), v.address(), v.city(), v.timeZone());
        }
    }

    record ZoneView(
            long id,
            String name,
            ZoneKind kind,
            Money price,
            String color,
            long capacity,
            long available) {
        static ZoneView of(Zone z, Availability.ZoneCount count) {
            return new ZoneView(
                    z.id(),
                    z.name(),
                    z.kind(),
                    z.price(),
                    z.color(),
                    count.capacity(),
                    count.available());
        }
    }

    record EventDetailView(
            long id,
            String title,
            String description,
            EventCategory category,
            Posters.PosterUrls poster,
            List<ListingView> performances) {
        static EventDetailView of(Event e, List<Listing> performances, Posters posters) {
            return new EventDetailView(
                    e.id(),
                    e.title(),
                    e.description(),
                    e.category(),
                    posters.urls(e.posterRef()),
                    performances.stream().map(l -> ListingView.of(l, posters)).toList());
        }
    }
}
