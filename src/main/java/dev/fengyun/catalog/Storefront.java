package dev.fengyun.catalog;

import dev.fengyun.catalog.internal.Events;
import dev.fengyun.catalog.internal.Listings;
import dev.fengyun.catalog.internal.Performances;
import dev.fengyun.platform.ExpiringCache;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.Page;
import dev.fengyun.platform.PublicResponses;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.SeatStyle;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.Venue;
import dev.fengyun.venue.VenueManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What buyers browse: published performances and events with their availability, and the sale terms
 * (status, window, limits, prices) other modules check before selling. Display figures and sale
 * terms are cached briefly: a change reaches every instance within a second.
 */
@Service
public class Storefront {

    static final Duration SALE_TERMS_TTL = Duration.ofSeconds(1);
    public static final Duration AVAILABILITY_TTL = Duration.ofMillis(500);

    private final Listings listings;
    private final Performances performances;
    private final Events events;
    private final VenueManagement venues;
    private final Availability availability;
    private final Clock clock;
    private final PublicResponses publicResponses;
    private final ExpiringCache<Long, Optional<Performance>> saleTerms =
            new ExpiringCache<>(SALE_TERMS_TTL, 10_000);
    private final ExpiringCache<Long, PerformanceDetails> details =
            new ExpiringCache<>(AVAILABILITY_TTL, 10_000);
    private final ExpiringCache<Long, String> svgs =
            new ExpiringCache<>(Duration.ofSeconds(30), 200);

    private static final String UNSOLD_COLOR = "#c8c8cc";
    private static final String[] PALETTE = {
        "#b4232a", "#1a4fa0", "#2f7d32", "#8e44ad", "#d35400", "#00838f", "#6d4c41", "#c2185b"
    };

    Storefront(
            Listings listings,
            Performances performances,
            Events events,
            VenueManagement venues,
            Availability availability,
            Clock clock,
            PublicResponses publicResponses) {
        this.listings = listings;
        this.performances = performances;
        this.events = events;
        this.venues = venues;
        this.availability = availability;
        this.clock = clock;
        this.publicResponses = publicResponses;
    }

    /** One page of performances buyers can see, with the status they see. */
    public Page<Listing> listings(ListingQuery query) {
        Page<Listings.Row> page = listings.find(query);
        Map<Long, Long> counts =
                availability.availableByPerformance(
                        page.items().stream().map(Listings.Row::id).toList());
        Instant now = clock.instant();
        List<Listing> items =
                page.items().stream()
                        .map(row -> listing(row, counts.getOrDefault(row.id(), 0L), now))
                        .toList();
        return new Page<>(items, page.page(), page.size(), page.total());
    }

    public Page<EventSummary> events(ListingQuery query) {
        return listings.events(query);
    }

    /**
     * A published performance with its event, venue and availability, at most {@link
     * #AVAILABILITY_TTL} old: every buyer of an on-sale polls it.
     *
     * @throws NotFound ({@code PERFORMANCE_NOT_FOUND}) for unknown and draft performances
     */
    public PerformanceDetails performance(long performanceId) {
        return details.get(performanceId, this::loadDetails);
    }

    private PerformanceDetails loadDetails(long performanceId) {
        Performance performance =
                performances
                        .find(performanceId)
                        .filter(p -> p.status() != PerformanceStatus.DRAFT)
                        .orElseThrow(() -> CatalogManagement.performanceNotFound(performanceId));
        Event event = events.find(performance.eventId()).orElseThrow();
        Venue venue = venues.venue(performance.venueId()).orElseThrow();
        Map<Long, Availability.ZoneCount> counts = availability.countsByZone(performanceId);
        long total = counts.values().stream().mapToLong(Availability.ZoneCount::available).sum();
        return new PerformanceDetails(
                performance,
                event,
                venue,
                performance.publicStatus(clock.instant(), total),
                counts);
    }

    /**
     * A published event with its performances.
     *
     * @throws NotFound ({@code EVENT_NOT_FOUND}) for unknown and draft events
     */
    public EventDetails event(long eventId) {
        Event event =
                events.find(eventId)
                        .filter(e -> e.status() != EventStatus.DRAFT)
                        .orElseThrow(() -> CatalogManagement.eventNotFound(eventId));
        ListingQuery query =
                new ListingQuery(null, null, null, null, null, null, eventId, 1, Page.MAX_SIZE);
        return new EventDetails(event, listings(query).items());
    }

    /**
     * The performance as sales must see it, at most a second old; empty for unknown or draft
     * performances. Used on every hold, so it is served from memory.
     */
    public Optional<Performance> saleTerms(long performanceId) {
        return saleTerms.get(
                performanceId,
                id -> performances.find(id).filter(p -> p.status() != PerformanceStatus.DRAFT));
    }

    /**
     * The performance's seating plan as SVG, seats coloured by price zone and carrying {@code
     * data-seat-id} and {@code data-zone-id}; statuses are applied by the page from the seat list.
     *
     * @throws NotFound ({@code SEAT_MAP_NOT_FOUND}) when the performance has no seating plan
     */
    public String seatMapSvg(long performanceId) {
        return svgs.get(performanceId, this::renderSeatMap);
    }

    private String renderSeatMap(long performanceId) {
        Performance performance =
                saleTerms(performanceId)
                        .orElseThrow(() -> CatalogManagement.performanceNotFound(performanceId));
        PlanRevision plan =
                Optional.ofNullable(performance.planId())
                        .flatMap(venues::planRevision)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "SEAT_MAP_NOT_FOUND",
                                                "Performance "
                                                        + performanceId
                                                        + " has no seat map."));
        Map<String, Zone> zoneOfCategory = new HashMap<>();
        List<Zone> zones = performance.zones();
        for (Zone zone : zones) {
            zone.categories().forEach(category -> zoneOfCategory.put(category, zone));
        }
        SeatStyle style =
                new SeatStyle() {
                    @Override
                    public String fill(SeatingPlan.PlacedSeat seat) {
                        Zone zone = zoneOfCategory.get(seat.category());
                        return zone == null ? UNSOLD_COLOR : colorOf(zone, zones);
                    }

                    @Override
                    public Map<String, String> attributes(SeatingPlan.PlacedSeat seat) {
                        Zone zone = zoneOfCategory.get(seat.category());
                        return zone == null
                                ? Map.of("data-unsold", "true")
                                : Map.of(
                                        "data-zone-id",
                                        Long.toString(zone.id()),
                                        "data-row",
                                        seat.row(),
                                        "data-number",
                                        seat.number());
                    }
                };
        return venues.svg(plan.plan(), style);
    }

    /**
     * Drops what this instance remembers about a performance after a change here; other instances
     * see the change when their copies expire (within a second).
     */
    void forget(long performanceId) {
        Runnable drop =
                () -> {
                    saleTerms.invalidate(performanceId);
                    details.invalidate(performanceId);
                    svgs.invalidate(performanceId);
                    publicResponses.forget("/api/v1/public/performances/" + performanceId);
                };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // After commit: dropped earlier, a concurrent read could cache the old state again.
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            drop.run();
                        }
                    });
        } else {
            drop.run();
        }
    }

    /** A zone's colour: its own, else one from a fixed palette by position. */
    public static String colorOf(Zone zone, List<Zone> zones) {
        if (zone.color() != null) {
            return zone.color();
        }
        return PALETTE[Math.max(0, zones.indexOf(zone)) % PALETTE.length];
    }

    private static Listing listing(Listings.Row row, long available, Instant now) {
        PerformanceStatus status = row.storedStatus();
        if (status != PerformanceStatus.CANCELLED && !now.isBefore(row.effectiveEnd())) {
            status = PerformanceStatus.ENDED;
        } else if (status == PerformanceStatus.ON_SALE && available == 0) {
            status = PerformanceStatus.SOLD_OUT;
        }
        return new Listing(
                row.id(),
                row.eventId(),
                row.eventTitle(),
                row.category(),
                row.posterRef(),
                row.venueId(),
                row.venueName(),
                row.city(),
                row.timeZone(),
                row.startsAt(),
                status,
                available,
                row.salesStartAt(),
                status == PerformanceStatus.ON_SALE
                        && (row.salesStartAt() == null || !now.isBefore(row.salesStartAt()))
                        && now.isBefore(row.salesEndAt()));
    }

    /** An event with the performances buyers can see. */
    public record EventDetails(Event event, List<Listing> performances) {}
}
