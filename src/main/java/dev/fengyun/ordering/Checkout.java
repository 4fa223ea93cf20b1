package dev.fengyun.ordering;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.catalog.Zone;
import dev.fengyun.inventory.HeldUnit;
import dev.fengyun.inventory.Hold;
import dev.fengyun.inventory.InventoryManagement;
import dev.fengyun.inventory.LimitExceeded;
import dev.fengyun.inventory.OrderClaim;
import dev.fengyun.inventory.SalesNotOpen;
import dev.fengyun.ordering.internal.BuyerLimits;
import dev.fengyun.ordering.internal.OrderLifecycle;
import dev.fengyun.ordering.internal.OrderPasses;
import dev.fengyun.ordering.internal.Orders;
import dev.fengyun.ordering.internal.RefundRequests;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.payment.PaymentStarted;
import dev.fengyun.platform.AuditLog;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.Digests;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.RandomCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's side of ordering: turning a hold into an order, paying, reading and cancelling it. A
 * buyer proves an order is theirs with its access token or by being the signed-in account that
 * placed it; anyone else is told it does not exist.
 */
@Service
public class Checkout {

    /**
     * Order access tokens start with this, so they are recognisable and not taken for API tokens.
     */
    public static final String TOKEN_PREFIX = "fyo_";

    private final Orders orders;
    private final BuyerLimits buyerLimits;
    private final InventoryManagement inventory;
    private final Storefront storefront;
    private final PaymentManagement payments;
    private final OrderLifecycle lifecycle;
    private final OrderPasses passes;
    private final RefundRequests refundRequests;
    private final AuditLog audit;
    private final Clock clock;

    Checkout(
            Orders orders,
            BuyerLimits buyerLimits,
            InventoryManagement inventory,
            Storefront storefront,
            PaymentManagement payments,
            OrderLifecycle lifecycle,
            OrderPasses passes,
            RefundRequests refundRequests,
            AuditLog audit,
            Clock clock) {
        this.orders = orders;
        this.buyerLimits = buyerLimits;
        this.inventory = inventory;
        this.storefront = storefront;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.passes = passes;
        this.refundRequests = refundRequests;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Places an order for the units of a hold; they stay reserved until the payment window ends. A
     * free order is paid at once.
     *
     * @throws dev.fengyun.inventory.HoldExpired when the hold lapsed or was used
     * @throws LimitExceeded when the buyer would exceed the per-buyer limit
     */
    @Transactional
    public PlacedOrder place(String holdCode, Buyer buyer, String paymentMethod, String returnUrl) {
        if (!payments.onlineMethods().contains(paymentMethod)) {
            throw new InvalidInput(
                    "paymentMethod",
                    "OneOf",
                    "must be one of " + String.join(", ", payments.onlineMethods()));
        }
        Hold hold = inventory.find(holdCode);
        Performance performance = storefront.saleTerms(hold.performanceId()).orElseThrow();
        if (performance.status() == PerformanceStatus.CANCELLED) {
            throw new SalesNotOpen("This performance is cancelled.");
        }
        return create(
                performance,
                hold,
                buyer,
                SalesChannel.ONLINE,
                paymentMethod,
                returnUrl,
                "buyer:" + buyerKey(buyer));
    }

    /** Creates the order, moves the hold's units into it and starts its payment. */
    PlacedOrder create(
            Performance performance,
            Hold hold,
            Buyer buyer,
            SalesChannel channel,
            String paymentMethod,
            String returnUrl,
            String actor) {
        String buyerKey = buyerKey(buyer);
        if (channel == SalesChannel.ONLINE && performance.maxTicketsPerBuyer() != null) {
            buyerLimits.lock(performance.id(), buyerKey);
            long already = buyerLimits.liveTickets(performance.id(), buyerKey);
            if (already + hold.quantity() > performance.maxTicketsPerBuyer()) {
                throw new LimitExceeded(
                        "At most "
                                + performance.maxTicketsPerBuyer()
                                + " tickets per buyer for this performance; you have "
                                + already
                                + ".",
                        performance.maxTicketsPerBuyer());
            }
        }
        String token = TOKEN_PREFIX + RandomCodes.token(24);
        Instant due = clock.instant().plus(Duration.ofMinutes(performance.paymentMinutes()));
        long orderId =
                orders.insert(
                        new Orders.NewOrder(
                                "FY" + RandomCodes.code(8),
                                Digests.sha256(token),
                                performance.organizerId(),
                                performance.id(),
                                channel,
                                buyer.email().trim(),
                                buyer.name().trim(),
                                blankToNull(buyer.phone()),
                                buyer.accountId(),
                                buyerKey,
                                performance.currency(),
                                paymentMethod,
                                due));
        OrderClaim claim = inventory.attachToOrder(hold.code(), orderId, due);
        orders.releaseLapsedItems(claim.units().stream().map(HeldUnit::unitId).toList());
        Money total = Money.zero(performance.currency());
        List<Orders.NewItem> items = new ArrayList<>(claim.units().size());
        for (HeldUnit unit : claim.units()) {
            Zone zone = performance.zone(unit.zoneId());
            items.add(
                    new Orders.NewItem(
                            unit.unitId(),
                            zone.id(),
                            zone.name(),
                            unit.seatId(),
                            unit.seatLabel(),
                            zone.price().minor()));
            total = total.plus(zone.price());
        }
        orders.insertItems(orderId, items);
        orders.setHoldAndTotal(orderId, claim.holdId(), total.minor());
        audit.record(
                actor,
                "ORDER",
                orderId,
                "PLACED",
                Map.of("hold", hold.code(), "total", total.amount(), "channel", channel.name()));
        String method = total.isZero() ? "free" : paymentMethod;
        PaymentStarted payment =
                payments.initiate(
                        orderId, performance.organizerId(), method, total, returnUrl, actor);
        return new PlacedOrder(orders.find(orderId).orElseThrow(), token, payment);
    }

    /**
     * The order, if the caller may see it: with its access token, or as the account that placed it.
     *
     * @throws NotFound ({@code ORDER_NOT_FOUND}) otherwise, whether or not it exists
     */
    public Order order(String code, String accessToken, Long accountId) {
        return orders.find(code)
                .filter(o -> mayRead(o, accessToken, accountId))
                .orElseThrow(() -> notFound(code));
    }

    /**
     * The buyer cancels an unpaid order; its units go back on sale.
     *
     * @throws Conflict ({@code ORDER_NOT_CANCELLABLE}) once it is paid or closed
     */
    @Transactional
    public Order cancel(String code, String accessToken, Long accountId) {
        Order order =
                orders.lock(code)
                        .filter(o -> mayRead(o, accessToken, accountId))
                        .orElseThrow(() -> notFound(code));
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new Conflict(
                    "ORDER_NOT_CANCELLABLE",
                    order.status() == OrderStatus.PAID
                            ? "This order is paid; ask the organizer for a refund."
                            : "This order is "
                                    + order.status().name().toLowerCase(Locale.ROOT)
                                    + " already.");
        }
        lifecycle.closeUnpaid(order, OrderStatus.CANCELLED, "buyer");
        return orders.find(order.id()).orElseThrow();
    }

    /**
     * Starts another payment for an unpaid order (e.g. after a failed one).
     *
     * @throws Conflict ({@code ORDER_NOT_PAYABLE}) unless it is waiting for payment and not overdue
     */
    @Transactional
    public PaymentStarted pay(
            String code,
            String accessToken,
            Long accountId,
            String paymentMethod,
            String returnUrl) {
        Order order =
                orders.lock(code)
                        .filter(o -> mayRead(o, accessToken, accountId))
                        .orElseThrow(() -> notFound(code));
        if (order.status() != OrderStatus.PENDING_PAYMENT
                || !order.paymentDueAt().isAfter(clock.instant())) {
            throw new Conflict("ORDER_NOT_PAYABLE", "This order can no longer be paid.");
        }
        if (!payments.onlineMethods().contains(paymentMethod)) {
            throw new InvalidInput(
                    "paymentMethod",
                    "OneOf",
                    "must be one of " + String.join(", ", payments.onlineMethods()));
        }
        return payments.initiate(
                order.id(),
                order.organizerId(),
                paymentMethod,
                order.total(),
                returnUrl,
                "buyer:" + order.buyerKey());
    }

    public List<Order> ordersOf(long accountId) {
        return orders.ofAccount(accountId);
    }

    /**
     * The status a buyer should see now: an overdue unpaid order is expired even before the sweeper
     * closes it.
     */
    public OrderStatus displayedStatus(Order order) {
        if (order.status() == OrderStatus.PENDING_PAYMENT
                && !order.paymentDueAt().isAfter(clock.instant())) {
            return OrderStatus.EXPIRED;
        }
        return order.status();
    }

    /**
     * The buyer asks the organizer to refund a paid order, until the performance starts.
     *
     * @throws Conflict ({@code ORDER_NOT_PAID}, {@code PERFORMANCE_STARTED}, {@code
     *     REFUND_ALREADY_REQUESTED})
     */
    @Transactional
    public RefundRequest requestRefund(
            String code, String accessToken, Long accountId, String reason) {
        Order order = order(code, accessToken, accountId);
        if (order.status() != OrderStatus.PAID) {
            throw new Conflict("ORDER_NOT_PAID", "Only paid orders can be refunded.");
        }
        Performance performance =
                storefront.saleTerms(order.performanceId()).orElseThrow(() -> notFound(code));
        if (!clock.instant().isBefore(performance.startsAt())) {
            throw new Conflict(
                    "PERFORMANCE_STARTED",
                    "The performance has started; refunds can no longer be requested.");
        }
        if (!refundRequests.open(order.id(), order.organizerId(), reason)) {
            throw new Conflict(
                    "REFUND_ALREADY_REQUESTED",
                    "A refund of this order was requested already; the organizer will answer it.");
        }
        audit.record("buyer", "ORDER", order.id(), "REFUND_REQUESTED", Map.of("reason", reason));
        return refundRequests.latest(order.id()).orElseThrow();
    }

    /** The order's latest refund request, if the buyer ever made one. */
    public Optional<RefundRequest> refundRequest(Order order) {
        return refundRequests.latest(order.id());
    }

    /**
     * A browser's pass to the order ({@code fyp_…}, valid for {@link OrderPasses#LIFETIME}),
     * accepted wherever the access token is. The caller has authorised access to the order.
     */
    public String pass(Order order) {
        return passes.issue(order.code()).value();
    }

    /**
     * The order with this code whose buyer e-mail matches (case-insensitively), for guests who kept
     * the code but not the link. Both must match; the answer does not tell which did not.
     */
    public Optional<Order> lookup(String code, String email) {
        String wanted = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return orders.find(code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
                .filter(o -> o.email().trim().toLowerCase(Locale.ROOT).equals(wanted));
    }

    private boolean mayRead(Order order, String accessToken, Long accountId) {
        if (accountId != null && accountId.equals(order.accountId())) {
            return true;
        }
        if (accessToken != null && accessToken.startsWith(OrderPasses.PREFIX)) {
            return passes.valid(order.code(), accessToken);
        }
        return accessToken != null
                && accessToken.startsWith(TOKEN_PREFIX)
                && orders.tokenMatches(order.code(), Digests.sha256(accessToken));
    }

    /** Per-buyer limits count by e-mail address, case-insensitively. */
    static String buyerKey(Buyer buyer) {
        return buyer.email().trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static NotFound notFound(String code) {
        return new NotFound("ORDER_NOT_FOUND", "No order " + code + " that you may see.");
    }
}
