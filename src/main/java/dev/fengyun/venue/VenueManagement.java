package dev.fengyun.venue;

import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.InvalidInput.FieldProblem;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.Versions;
import dev.fengyun.venue.internal.PlanGenerator;
import dev.fengyun.venue.internal.PlanValidator;
import dev.fengyun.venue.internal.SeatingPlans;
import dev.fengyun.venue.internal.SvgRenderer;
import dev.fengyun.venue.internal.Venues;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The venue module's entry point: venues of an organizer, their seating-plan revisions, the plan
 * generator and SVG rendering.
 */
@Service
public class VenueManagement {

    private final Venues venues;
    private final SeatingPlans plans;

    /** Plan revisions never change, so parsed ones are kept (a few, they can be large). */
    private final Map<Long, PlanRevision> parsedPlans =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<Long, PlanRevision> eldest) {
                            return size() > 32;
                        }
                    });

    VenueManagement(Venues venues, SeatingPlans plans) {
        this.venues = venues;
        this.plans = plans;
    }

    /**
     * @throws InvalidInput when the time zone is not an IANA zone id
     */
    @Transactional
    public Venue create(long organizerId, VenueDraft draft) {
        requireTimeZone(draft.timeZone());
        return venues.find(venues.insert(organizerId, draft)).orElseThrow();
    }

    /**
     * @throws NotFound when the organizer has no such venue
     * @throws Versions.Stale when {@code expected} is outdated
     */
    @Transactional
    public Venue update(
            long organizerId, long venueId, VenueDraft draft, Versions.Expected expected) {
        requireTimeZone(draft.timeZone());
        lock(organizerId, venueId, expected);
        venues.update(organizerId, venueId, draft);
        return venues.find(venueId).orElseThrow();
    }

    /**
     * @throws Conflict ({@code VENUE_IN_USE}) when performances refer to the venue
     */
    @Transactional
    public void delete(long organizerId, long venueId, Versions.Expected expected) {
        lock(organizerId, venueId, expected);
        try {
            venues.delete(organizerId, venueId);
        } catch (DataIntegrityViolationException e) {
            throw new Conflict(
                    "VENUE_IN_USE", "Performances take place at this venue; it cannot be deleted.");
        }
    }

    public List<Venue> venues(long organizerId) {
        return venues.ofOrganizer(organizerId);
    }

    /**
     * @throws NotFound ({@code VENUE_NOT_FOUND}) when the organizer has no such venue
     */
    public Venue venue(long organizerId, long venueId) {
        return venues.find(venueId)
                .filter(v -> v.organizerId() == organizerId)
                .orElseThrow(() -> notFound(venueId));
    }

    /** Any organizer's venue, for modules that already checked access. */
    public Optional<Venue> venue(long venueId) {
        return venues.find(venueId);
    }

    /**
     * Validates and stores the plan as the venue's next revision.
     *
     * @throws InvalidInput listing every problem of the plan
     */
    @Transactional
    public PlanRevision importPlan(
            long organizerId, long venueId, SeatingPlan plan, Versions.Expected expected) {
        requireValid(plan);
        lock(organizerId, venueId, expected);
        long id = plans.insert(venueId, plan);
        venues.touch(venueId);
        return plans.find(id).orElseThrow();
    }

    /** The venue's current plan revision, if it has one. */
    public Optional<PlanRevision> currentPlan(long organizerId, long venueId) {
        venue(organizerId, venueId);
        return plans.latest(venueId);
    }

    /** A stored plan revision by id (revisions are immutable, so this is cached). */
    public Optional<PlanRevision> planRevision(long planId) {
        PlanRevision cached = parsedPlans.get(planId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PlanRevision> loaded = plans.find(planId);
        loaded.ifPresent(revision -> parsedPlans.put(planId, revision));
        return loaded;
    }

    /**
     * Generates a plan from a layout, without storing it.
     *
     * @throws InvalidInput when the layout or the resulting plan is inconsistent
     */
    public SeatingPlan generate(PlanLayout layout) {
        SeatingPlan plan = PlanGenerator.generate(layout);
        requireValid(plan);
        return plan;
    }

    /** Every problem of the plan, by JSON path; empty when it is valid. */
    public List<FieldProblem> problems(SeatingPlan plan) {
        return PlanValidator.validate(plan);
    }

    public String svg(SeatingPlan plan, SeatStyle style) {
        return SvgRenderer.render(plan, style);
    }

    /** Colours each seat by its category. */
    public static SeatStyle byCategory(SeatingPlan plan) {
        Map<String, String> colors = new LinkedHashMap<>();
        plan.categories()
                .forEach(c -> colors.put(c.name(), c.color() != null ? c.color() : "#8a8a93"));
        return seat -> colors.getOrDefault(seat.category(), "#8a8a93");
    }

    private void requireValid(SeatingPlan plan) {
        List<FieldProblem> problems = PlanValidator.validate(plan);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private void lock(long organizerId, long venueId, Versions.Expected expected) {
        int version = venues.lockVersion(organizerId, venueId).orElseThrow(() -> notFound(venueId));
        if (expected != null) {
            expected.check(version);
        }
    }

    private static void requireTimeZone(String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidInput(
                    "timeZone", "TimeZone", "must be an IANA time zone such as Asia/Shanghai");
        }
    }

    private static NotFound notFound(long venueId) {
        return new NotFound("VENUE_NOT_FOUND", "No venue " + venueId + " at this organizer.");
    }
}
