package dev.fengyun.inventory.internal;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.inventory.HeldUnit;
import dev.fengyun.inventory.HoldRequest;
import dev.fengyun.inventory.SeatsUnavailable;
import dev.fengyun.inventory.SoldOut;
import dev.fengyun.platform.ExpiringCache;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.VenueManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Claims the units of one hold inside the caller's transaction: chosen seats, best-available seats
 * or general-admission places. Throws when the claim falls short, which rolls the whole transaction
 * back, so no partial hold is ever committed.
 */
@Component
public class HoldPlacement {

    private final UnitClaims claims;
    private final Units units;
    private final VenueManagement venues;
    private final ExpiringCache<String, Map<Long, BestAvailable.Seat>> geometry =
            new ExpiringCache<>(Duration.ofHours(1), 500);
    private final ExpiringCache<Long, SeatingPlan.Point> stages =
            new ExpiringCache<>(Duration.ofHours(1), 500);

    HoldPlacement(UnitClaims claims, Units units, VenueManagement venues) {
        this.claims = claims;
        this.units = units;
        this.venues = venues;
    }

    public List<HeldUnit> claim(
            Performance performance, HoldRequest request, long holdId, Instant until) {
        if (request.chosenSeats()) {
            return chosenSeats(performance.id(), request.seatIds(), holdId, until);
        }
        Zone zone = performance.zone(request.zoneId());
        if (zone == null) {
            throw new InvalidInput(
                    "zoneId",
                    "Unknown",
                    "performance " + performance.id() + " has no zone " + request.zoneId());
        }
        List<HeldUnit> held =
                zone.kind() == ZoneKind.GENERAL_ADMISSION
                        ? claims.claimAny(
                                performance.id(), zone.id(), request.quantity(), holdId, until)
                        : bestAvailable(performance, zone, request.quantity(), holdId, until);
        if (held.size() < request.quantity()) {
            // What this transaction claimed is rolled back with the exception: it counts as left,
            // not as held by others.
            long[] left = claims.leftInZone(performance.id(), zone.id());
            throw new SoldOut(held.size() + left[0], left[1] - held.size());
        }
        return held;
    }

    private List<HeldUnit> chosenSeats(
            long performanceId, List<String> seatIds, long holdId, Instant until) {
        Set<String> wanted = new LinkedHashSet<>(seatIds);
        if (wanted.size() != seatIds.size()) {
            throw new InvalidInput("seatIds", "Duplicate", "lists a seat more than once");
        }
        List<HeldUnit> held = claims.claimSeats(performanceId, wanted, holdId, until);
        if (held.size() == wanted.size()) {
            return held;
        }
        Set<String> existing = new HashSet<>(claims.existingSeats(performanceId, wanted));
        List<String> unknown = wanted.stream().filter(id -> !existing.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInput(
                    "seatIds",
                    "Unknown",
                    "this performance has no seats " + String.join(", ", unknown));
        }
        Set<String> got = new HashSet<>();
        held.forEach(unit -> got.add(unit.seatId()));
        throw new SeatsUnavailable(wanted.stream().filter(id -> !got.contains(id)).toList());
    }

    /**
     * Picks seats from the zone's free seats and claims exactly those. A concurrent buyer may take
     * one of them between the read and the claim; the claim then falls short and the caller retries
     * with a fresh read.
     */
    private List<HeldUnit> bestAvailable(
            Performance performance, Zone zone, int quantity, long holdId, Instant until) {
        Map<Long, BestAvailable.Seat> seats =
                geometry.get(
                        performance.id() + ":" + zone.id(),
                        key -> units.geometry(performance.id(), zone.id()));
        List<BestAvailable.Seat> free = new ArrayList<>();
        for (long id : claims.freeSeatIdsInZone(performance.id(), zone.id())) {
            BestAvailable.Seat seat = seats.get(id);
            if (seat != null) {
                free.add(seat);
            }
        }
        if (free.size() < quantity) {
            throw new SoldOut(free.size(), claims.leftInZone(performance.id(), zone.id())[1]);
        }
        SeatingPlan.Point stage = stages.get(performance.id(), id -> stageOf(performance));
        List<Long> chosen = BestAvailable.choose(free, quantity, stage.x(), stage.y());
        List<HeldUnit> held = claims.claimUnits(performance.id(), chosen, holdId, until);
        if (held.size() < quantity) {
            throw new RaceLost();
        }
        return held;
    }

    private SeatingPlan.Point stageOf(Performance performance) {
        if (performance.planId() == null) {
            return new SeatingPlan.Point(0, 0);
        }
        return venues.planRevision(performance.planId()).orElseThrow().plan().stageCentre();
    }

    /** Someone took a picked seat between reading and claiming; worth another try. */
    public static final class RaceLost extends RuntimeException {
        RaceLost() {
            super("a picked seat was taken concurrently", null, false, false);
        }
    }
}
