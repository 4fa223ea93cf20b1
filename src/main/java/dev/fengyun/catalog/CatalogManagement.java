package dev.fengyun.catalog;

import dev.fengyun.catalog.PerformancePublished.ZoneSpec;
import dev.fengyun.catalog.internal.Events;
import dev.fengyun.catalog.internal.Performances;
import dev.fengyun.catalog.internal.PublishCheck;
import dev.fengyun.catalog.internal.Zones;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.Versions;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.VenueManagement;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog module's entry point for organizers: events, performances, zones, and the sale
 * lifecycle (publish, pause, resume, cancel). Every method is scoped to one organizer; ids of
 * another organizer's resources are answered with 404.
 */
@Service
public class CatalogManagement {

    private final Events events;
    private final Performances performances;
    private final Zones zones;
    private final ZoneRules zoneRules;
    private final VenueManagement venues;
    private final ApplicationEventPublisher publisher;
    private final Storefront storefront;
    private final Clock clock;

    CatalogManagement(
            Events events,
            Performances performances,
            Zones zones,
            ZoneRules zoneRules,
            VenueManagement venues,
            ApplicationEventPublisher publisher,
            Storefront storefront,
            Clock clock) {
        this.events = events;
        this.performances = performances;
        this.zones = zones;
        this.zoneRules = zoneRules;
        this.venues = venues;
        this.publisher = publisher;
        this.storefront = storefront;
        this.clock = clock;
    }

    // --- events ---------------------------------------------------------------------------

    @Transactional
    public Event createEvent(long organizerId, EventDraft draft) {
        return events.find(events.insert(organizerId, draft)).orElseThrow();
    }

    @Transactional
    public Event updateEvent(
            long organizerId, long eventId, EventDraft draft, Versions.Expected expected) {
        lockEvent(organizerId, eventId, expected);
        events.update(eventId, draft);
        return events.find(eventId).orElseThrow();
    }

    /**
     * Deletes an event that never went on sale, with its draft performances.
     *
     * @throws Conflict ({@code EVENT_PUBLISHED}) once a performance was published
     */
    @Transactional
    public void deleteEvent(long organizerId, long eventId, Versions.Expected expected) {
        lockEvent(organizerId, eventId, expected);
        List<Performance> list = performances.ofEvent(eventId);
        if (list.stream().anyMatch(p -> p.status() != PerformanceStatus.DRAFT)) {
            throw new Conflict(
                    "EVENT_PUBLISHED", "The event has published performances; cancel it instead.");
        }
        list.forEach(p -> performances.delete(p.id()));
        events.delete(eventId);
    }

    /** Cancels the event and every performance of it that is not cancelled yet. */
    @Transactional
    public Event cancelEvent(long organizerId, long eventId) {
        Event event = event(organizerId, eventId);
        for (long performanceId : performances.idsOfEvent(eventId)) {
            Performance performance = lockPerformance(organizerId, performanceId, null);
            if (performance.status() != PerformanceStatus.CANCELLED) {
                cancel(performance);
            }
        }
        events.setStatus(event.id(), EventStatus.CANCELLED);
        return events.find(eventId).orElseThrow();
    }

    public List<Event> events(long organizerId) {
        return events.ofOrganizer(organizerId);
    }

    /**
     * @throws NotFound ({@code EVENT_NOT_FOUND})
     */
    public Event event(long organizerId, long eventId) {
        return events.find(eventId)
                .filter(e -> e.organizerId() == organizerId)
                .orElseThrow(() -> eventNotFound(eventId));
    }

    // --- performances ---------------------------------------------------------------------

    @Transactional
    public Performance createPerformance(long organizerId, long eventId, PerformanceDraft draft) {
        Event event = event(organizerId, eventId);
        if (event.status() == EventStatus.CANCELLED) {
            throw new Conflict("EVENT_CANCELLED", "The event is cancelled.");
        }
        venues.venue(organizerId, draft.venueId());
        PerformanceRules.check(draft, clock.instant(), true);
        return performances.find(performances.insert(eventId, organizerId, draft)).orElseThrow();
    }

    /**
     * Changes times and limits; venue and currency are fixed once published.
     *
     * @throws Conflict ({@code PERFORMANCE_PUBLISHED}) when changing what publication fixed
     */
    @Transactional
    public Performance updatePerformance(
            long organizerId,
            long performanceId,
            PerformanceDraft draft,
            Versions.Expected expected) {
        Performance current = lockPerformance(organizerId, performanceId, expected);
        if (current.status() == PerformanceStatus.CANCELLED) {
            throw new InvalidTransition("a performance", current.status(), "change");
        }
        venues.venue(organizerId, draft.venueId());
        PerformanceRules.check(draft, clock.instant(), false);
        if (current.status() != PerformanceStatus.DRAFT
                && (draft.venueId() != current.venueId()
                        || !draft.currency().equals(current.currency()))) {
            throw new Conflict(
                    "PERFORMANCE_PUBLISHED",
                    "Venue and currency cannot change once the performance was published.");
        }
        performances.update(performanceId, draft);
        return performances.find(performanceId).orElseThrow();
    }

    /** Changes only the ticket limits (null per-buyer limit: none beyond the per-order limit). */
    @Transactional
    public Performance updateLimits(
            long organizerId,
            long performanceId,
            int maxTicketsPerOrder,
            Integer maxTicketsPerBuyer,
            Versions.Expected expected) {
        Performance p = lockPerformance(organizerId, performanceId, expected);
        PerformanceDraft draft =
                new PerformanceDraft(
                        p.venueId(),
                        p.startsAt(),
                        p.doorsOpenAt(),
                        p.endsAt(),
                        p.salesStartAt(),
                        p.salesEndAt(),
                        p.currency(),
                        p.holdMinutes(),
                        p.paymentMinutes(),
                        maxTicketsPerOrder,
                        maxTicketsPerBuyer);
        PerformanceRules.check(draft, clock.instant(), false);
        performances.update(performanceId, draft);
        return performances.find(performanceId).orElseThrow();
    }

    /**
     * @throws Conflict ({@code PERFORMANCE_PUBLISHED}) unless it is still a draft
     */
    @Transactional
    public void deletePerformance(
            long organizerId, long performanceId, Versions.Expected expected) {
        Performance current = lockPerformance(organizerId, performanceId, expected);
        if (current.status() != PerformanceStatus.DRAFT) {
            throw new Conflict(
                    "PERFORMANCE_PUBLISHED",
                    "Only draft performances can be deleted; cancel it instead.");
        }
        performances.delete(performanceId);
    }

    public List<Performance> performances(long organizerId, Long eventId) {
        if (eventId != null) {
            event(organizerId, eventId);
            return performances.ofEvent(eventId);
        }
        return performances.ofOrganizer(organizerId);
    }

    /**
     * @throws NotFound ({@code PERFORMANCE_NOT_FOUND})
     */
    public Performance performance(long organizerId, long performanceId) {
        return performances
                .find(performanceId)
                .filter(p -> p.organizerId() == organizerId)
                .orElseThrow(() -> performanceNotFound(performanceId));
    }

    // --- zones ----------------------------------------------------------------------------

    @Transactional
    public Zone addZone(long organizerId, long performanceId, ZoneDraft draft) {
        Performance performance = lockPerformance(organizerId, performanceId, null);
        requireDraft(performance, "Zones can only be added while the performance is a draft.");
        zoneRules.check(performance, draft, null);
        long id = zones.insert(performanceId, draft);
        return zone(performances.find(performanceId).orElseThrow(), id);
    }

    /** Changes a zone. Once published only name, price, colour and order may change. */
    @Transactional
    public Zone updateZone(
            long organizerId,
            long performanceId,
            long zoneId,
            ZoneDraft draft,
            Versions.Expected expected) {
        Performance performance = lockPerformance(organizerId, performanceId, null);
        Zone current = zone(performance, zoneId);
        if (expected != null) {
            expected.check(current.version());
        }
        zoneRules.check(performance, draft, current);
        zones.update(zoneId, draft);
        return zone(performances.find(performanceId).orElseThrow(), zoneId);
    }

    @Transactional
    public void deleteZone(long organizerId, long performanceId, long zoneId) {
        Performance performance = lockPerformance(organizerId, performanceId, null);
        zone(performance, zoneId);
        requireDraft(performance, "Zones can only be removed while the performance is a draft.");
        zones.delete(zoneId);
    }

    // --- lifecycle ------------------------------------------------------------------------

    /**
     * Puts a draft performance on sale: pins the venue's current seating plan and creates one
     * sellable unit per seat and general-admission place, all in this transaction.
     *
     * @throws PerformanceNotReady listing what to fix first
     */
    @Transactional
    public Performance publish(long organizerId, long performanceId) {
        Performance performance = lockPerformance(organizerId, performanceId, null);
        if (performance.status() != PerformanceStatus.DRAFT) {
            throw new InvalidTransition("a performance", performance.status(), "publish");
        }
        Event event = event(organizerId, performance.eventId());
        PlanRevision plan = venues.currentPlan(organizerId, performance.venueId()).orElse(null);
        List<String> problems = PublishCheck.problems(event, performance, plan, clock.instant());
        if (!problems.isEmpty()) {
            throw new PerformanceNotReady(problems);
        }
        Long planId = plan == null ? null : plan.id();
        performances.publish(performanceId, planId);
        if (event.status() == EventStatus.DRAFT) {
            events.setStatus(event.id(), EventStatus.PUBLISHED);
        }
        publisher.publishEvent(
                new PerformancePublished(
                        performanceId,
                        planId,
                        performance.zones().stream()
                                .map(
                                        z ->
                                                new ZoneSpec(
                                                        z.id(),
                                                        z.kind(),
                                                        z.categories(),
                                                        z.capacity()))
                                .toList()));
        return performances.find(performanceId).orElseThrow();
    }

    @Transactional
    public Performance pause(long organizerId, long performanceId) {
        return transition(
                organizerId,
                performanceId,
                PerformanceStatus.ON_SALE,
                PerformanceStatus.PAUSED,
                "pause");
    }

    @Transactional
    public Performance resume(long organizerId, long performanceId) {
        return transition(
                organizerId,
                performanceId,
                PerformanceStatus.PAUSED,
                PerformanceStatus.ON_SALE,
                "resume");
    }

    /** Stops all sales for good; orders are refunded by the ordering module. */
    @Transactional
    public Performance cancel(long organizerId, long performanceId) {
        Performance performance = lockPerformance(organizerId, performanceId, null);
        if (performance.status() == PerformanceStatus.CANCELLED) {
            throw new InvalidTransition("a performance", performance.status(), "cancel");
        }
        cancel(performance);
        return performances.find(performanceId).orElseThrow();
    }

    private void cancel(Performance performance) {
        performances.setStatus(performance.id(), PerformanceStatus.CANCELLED);
        if (performance.status() != PerformanceStatus.DRAFT) {
            publisher.publishEvent(
                    new PerformanceCancelled(performance.id(), performance.organizerId()));
        }
    }

    private Performance transition(
            long organizerId,
            long performanceId,
            PerformanceStatus from,
            PerformanceStatus to,
            String action) {
        Performance performance = lockPerformance(organizerId, performanceId, null);
        if (performance.status() != from) {
            throw new InvalidTransition("a performance", performance.status(), action);
        }
        performances.setStatus(performanceId, to);
        return performances.find(performanceId).orElseThrow();
    }

    private void requireDraft(Performance performance, String message) {
        if (performance.status() != PerformanceStatus.DRAFT) {
            throw new Conflict("PERFORMANCE_PUBLISHED", message);
        }
    }

    private Performance lockPerformance(
            long organizerId, long performanceId, Versions.Expected expected) {
        int version =
                performances
                        .lockVersion(organizerId, performanceId)
                        .orElseThrow(() -> performanceNotFound(performanceId));
        if (expected != null) {
            expected.check(version);
        }
        storefront.forget(performanceId);
        return performances.find(performanceId).orElseThrow();
    }

    private void lockEvent(long organizerId, long eventId, Versions.Expected expected) {
        int version =
                events.lockVersion(organizerId, eventId).orElseThrow(() -> eventNotFound(eventId));
        if (expected != null) {
            expected.check(version);
        }
    }

    private static Zone zone(Performance performance, long zoneId) {
        Zone zone = performance.zone(zoneId);
        if (zone == null) {
            throw new NotFound(
                    "ZONE_NOT_FOUND",
                    "Performance " + performance.id() + " has no zone " + zoneId + ".");
        }
        return zone;
    }

    static NotFound eventNotFound(long eventId) {
        return new NotFound("EVENT_NOT_FOUND", "No event " + eventId + " at this organizer.");
    }

    static NotFound performanceNotFound(long performanceId) {
        return new NotFound("PERFORMANCE_NOT_FOUND", "No performance " + performanceId + ".");
    }
}
