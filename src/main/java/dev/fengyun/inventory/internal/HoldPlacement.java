package dev.fengyun.inventory.internal;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneKind;
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
 * Claims the units of one hold: chosen seats, best-available seats or general-admission places.
 * Each claim is one all-or-nothing statement; when it falls short nothing was held and this throws
 * with what was missing.
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
    private final ExpiringCache<Long, Map<Long, Long>> heldByZone =
            new ExpiringCache<>(Duration.ofMillis(500), 10_000);

    HoldPlacement(UnitClaims claims, Units units, VenueManagement venues) {
        this.claims = claims;
        this.units = units;
        this.venues = venues;
    }

    /** Records the hold and claims its units in one statement, or throws having held nothing. */
    public UnitClaims.Claim claim(
            Performance performance, HoldRequest request, String code, Instant until) {
        UnitClaims.NewHold hold =
                new UnitClaims.NewHold(code, performance.id(), request.size(), until);
        if (request.chosenSeats()) {
            return chosenSeats(hold, request.seatIds());
        }
        Zone zone = performance.zone(request.zoneId());
        if (zone == null) {
            throw new InvalidInput(
                    "zoneId",
                    "Unknown",
                    "performance " + performance.id() + " has no zone " + request.zoneId());
        }
        if (zone.kind() != ZoneKind.GENERAL_ADMISSION) {
            return bestAvailable(performance, zone, hold);
        }
        UnitClaims.Claim claim = claims.claimAny(hold, zone.id());
        if (!claim.complete()) {
            // What the claim found is how many were free a moment ago: the answer needs no count.
            throw new SoldOut(claim.units().size(), heldIn(performance.id(), zone.id()));
        }
        return claim;
    }

    private UnitClaims.Claim chosenSeats(UnitClaims.NewHold hold, List<String> seatIds) {
        Set<String> wanted = new LinkedHashSet<>(seatIds);
        if (wanted.size() != seatIds.size()) {
            throw new InvalidInput("seatIds", "Duplicate", "lists a seat more than once");
        }
        UnitClaims.Claim claim = claims.claimSeats(hold, wanted);
        if (claim.complete()) {
            return claim;
        }
        Set<String> existing = new HashSet<>(claims.existingSeats(hold.performanceId(), wanted));
        List<String> unknown = wanted.stream().filter(id -> !existing.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInput(
                    "seatIds",
                    "Unknown",
                    "this performance has no seats " + String.join(", ", unknown));
        }
        Set<String> got = new HashSet<>();
        claim.units().forEach(unit -> got.add(unit.seatId()));
        throw new SeatsUnavailable(wanted.stream().filter(id -> !got.contains(id)).toList());
    }

    /**
     * Picks seats from the zone's free seats and claims exactly those. A concurrent buyer may take
     * one of them between the read and the claim; the claim then falls short, is undone, and the
     * caller retries with a fresh read.
     */
    private UnitClaims.Claim bestAvailable(
            Performance performance, Zone zone, UnitClaims.NewHold hold) {
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
        if (free.size() < hold.quantity()) {
            throw new SoldOut(free.size(), heldIn(performance.id(), zone.id()));
        }
        SeatingPlan.Point stage = stages.get(performance.id(), id -> stageOf(performance));
        List<Long> chosen = BestAvailable.choose(free, hold.quantity(), stage.x(), stage.y());
        UnitClaims.Claim claim = claims.claimUnits(hold, chosen);
        if (!claim.complete()) {
            throw new RaceLost();
        }
        return claim;
    }

    /**
     * Units others are holding in a zone, at most half a second old: it only tells a buyer who
     * found nothing whether waiting may help, and such answers come by the thousand at a sell-out.
     */
    private long heldIn(long performanceId, long zoneId) {
        return heldByZone.get(performanceId, claims::heldByZone).getOrDefault(zoneId, 0L);
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
