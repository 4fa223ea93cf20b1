package dev.fengyun.inventory;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.inventory.internal.HoldPlacement;
import dev.fengyun.inventory.internal.Holds;
import dev.fengyun.inventory.internal.SeatMaps;
import dev.fengyun.inventory.internal.UnitClaims;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.RandomCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory module's entry point: holds, and the unit moves that orders make (attach, sell,
 * release, return). Every decision to sell is one conditional UPDATE in {@code UnitClaims}.
 */
@Service
public class InventoryManagement {

    static final int ATTEMPTS = 3;

    private final Storefront storefront;
    private final Holds holds;
    private final UnitClaims claims;
    private final HoldPlacement placement;
    private final SeatMaps seatMaps;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InventoryManagement(
            Storefront storefront,
            Holds holds,
            UnitClaims claims,
            HoldPlacement placement,
            SeatMaps seatMaps,
            TransactionTemplate transactions,
            Clock clock) {
        this.storefront = storefront;
        this.holds = holds;
        this.claims = claims;
        this.placement = placement;
        this.seatMaps = seatMaps;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Holds units for a buyer for the performance's hold time. Online holds need open sales and
     * respect the per-order limit; box-office holds (sold at once) may be placed whenever the
     * performance is published and not over.
     *
     * @throws SeatsUnavailable when a chosen seat is taken
     * @throws SoldOut when fewer units are left than asked for
     * @throws LimitExceeded beyond the per-order limit
     * @throws SalesNotOpen outside the sale window or while paused
     */
    public Hold hold(HoldRequest request, boolean boxOffice) {
        Performance performance =
                storefront
                        .saleTerms(request.performanceId())
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "PERFORMANCE_NOT_FOUND",
                                                "No performance " + request.performanceId() + "."));
        checkOpen(performance, boxOffice);
        validate(request, performance, boxOffice);
        for (int attempt = 1; ; attempt++) {
            try {
                return place(performance, request);
            } catch (HoldPlacement.RaceLost | PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new Conflict("TRY_AGAIN", "Seats are selling fast; please try again.");
                }
            }
        }
    }

    /** One round trip: the hold and its units are recorded by one autocommitted statement. */
    private Hold place(Performance performance, HoldRequest request) {
        Instant until = clock.instant().plus(Duration.ofMinutes(performance.holdMinutes()));
        String code = "H" + RandomCodes.code(20);
        UnitClaims.Claim claim = placement.claim(performance, request, code, until);
        return new Hold(
                claim.holdId(),
                code,
                performance.id(),
                claim.units().size(),
                "ACTIVE",
                until,
                claim.units());
    }

    /**
     * Gives the units of an active hold back; releasing twice is harmless.
     *
     * @throws NotFound ({@code HOLD_NOT_FOUND}) for unknown codes
     * @throws Conflict ({@code HOLD_ORDERED}) once an order was placed with the hold
     */
    @Transactional
    public void release(String code) {
        Holds.Row hold = holds.lock(code).orElseThrow(() -> holdNotFound(code));
        if (hold.status().equals("ORDERED")) {
            throw new Conflict(
                    "HOLD_ORDERED",
                    "An order was placed with this hold; cancel the order instead.");
        }
        if (hold.status().equals("ACTIVE")) {
            claims.releaseHold(hold.id());
            holds.setStatus(hold.id(), "RELEASED");
        }
    }

    /**
     * A hold as it stands: ACTIVE (until {@code expiresAt}, with its units), EXPIRED, RELEASED or
     * ORDERED (without units).
     */
    public Hold find(String code) {
        Holds.Row row = holds.find(code).orElseThrow(() -> holdNotFound(code));
        String status =
                row.status().equals("ACTIVE") && !row.expiresAt().isAfter(clock.instant())
                        ? "EXPIRED"
                        : row.status();
        return new Hold(
                row.id(),
                row.code(),
                row.performanceId(),
                row.quantity(),
                status,
                row.expiresAt(),
                status.equals("ACTIVE") ? claims.heldBy(row.id()) : List.of());
    }

    /**
     * Moves an active hold's units into an order until {@code paymentDue}. Must run in the ordering
     * transaction.
     *
     * @throws HoldExpired when the hold lapsed, was released or was ordered already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderClaim attachToOrder(String holdCode, long orderId, Instant paymentDue) {
        Holds.Row hold = holds.lock(holdCode).orElseThrow(() -> holdNotFound(holdCode));
        if (!hold.status().equals("ACTIVE")) {
            throw new HoldExpired("This hold was " + hold.status().toLowerCase() + " already.");
        }
        List<HeldUnit> units = claims.attachToOrder(hold.id(), orderId, paymentDue);
        if (units.size() != hold.quantity()) {
            throw new HoldExpired(
                    "This hold ran out before the order was placed; please choose again.");
        }
        holds.setStatus(hold.id(), "ORDERED");
        return new OrderClaim(hold.id(), hold.performanceId(), units);
    }

    /**
     * Sells an order's units; returns the units sold, fewer than the order's when some lapsed and
     * were resold.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HeldUnit> sell(long orderId, long holdId) {
        return claims.sell(orderId, holdId);
    }

    /** Gives back what an unpaid order still holds. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseOrder(long orderId) {
        claims.releaseOrder(orderId);
    }

    /** Returns refunded units to sale, or blocks them when {@code block}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int returnUnits(long orderId, List<Long> unitIds, boolean block) {
        return unitIds.isEmpty() ? 0 : claims.returnSold(orderId, unitIds, block);
    }

    /**
     * Every seat of the performance with AVAILABLE or UNAVAILABLE, as the buyer's seat map needs.
     */
    public SeatMap seatMap(long performanceId) {
        return seatMaps.seatMap(performanceId);
    }

    /**
     * Tidies lapsed holds. Correctness never depends on this: lapsed holds count as free anyway.
     */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void tidyLapsedHolds() {
        transactions.executeWithoutResult(
                status -> {
                    holds.expireLapsed(1_000);
                    claims.tidyLapsed(1_000);
                });
    }

    private void checkOpen(Performance performance, boolean boxOffice) {
        Instant now = clock.instant();
        if (boxOffice) {
            if (performance.status() == PerformanceStatus.CANCELLED
                    || !now.isBefore(performance.effectiveEnd())) {
                throw new SalesNotOpen(
                        "This performance is "
                                + (performance.status() == PerformanceStatus.CANCELLED
                                        ? "cancelled."
                                        : "over."));
            }
            return;
        }
        if (!performance.salesOpen(now)) {
            String why =
                    switch (performance.status()) {
                        case PAUSED -> "Sales are paused for the moment.";
                        case CANCELLED -> "This performance is cancelled.";
                        default ->
                                performance.salesStartAt() != null
                                                && now.isBefore(performance.salesStartAt())
                                        ? "Sales open at " + performance.salesStartAt() + "."
                                        : "Sales have closed.";
                    };
            throw new SalesNotOpen(why);
        }
    }

    private static void validate(HoldRequest request, Performance performance, boolean boxOffice) {
        if (request.chosenSeats() == (request.zoneId() != null)) {
            throw new InvalidInput(
                    "seatIds", "OneOf", "give either seatIds, or zoneId and quantity");
        }
        if (!request.chosenSeats() && (request.quantity() == null || request.quantity() < 1)) {
            throw new InvalidInput("quantity", "Min", "must be at least 1");
        }
        int limit = boxOffice ? 100 : performance.maxTicketsPerOrder();
        if (request.size() > limit) {
            throw new LimitExceeded("At most " + limit + " tickets per order.", limit);
        }
    }

    private static NotFound holdNotFound(String code) {
        return new NotFound("HOLD_NOT_FOUND", "No hold " + code + ".");
    }
}
