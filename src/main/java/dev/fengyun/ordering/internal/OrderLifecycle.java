package dev.fengyun.ordering.internal;

import dev.fengyun.inventory.HeldUnit;
import dev.fengyun.inventory.InventoryManagement;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderCancelled;
import dev.fengyun.ordering.OrderItem;
import dev.fengyun.ordering.OrderPaid;
import dev.fengyun.ordering.OrderRefunded;
import dev.fengyun.ordering.OrderStatus;
import dev.fengyun.payment.Payment;
import dev.fengyun.payment.PaymentConfirmed;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.payment.PaymentStatus;
import dev.fengyun.platform.AuditLog;
import dev.fengyun.platform.Money;
import dev.fengyun.ticketing.NewTicket;
import dev.fengyun.ticketing.TicketingManagement;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transitions of an order that move money, units and tickets together, each in the caller's
 * transaction with the order row locked: paid (units sold, tickets issued), closed unpaid (units
 * released), refunded (tickets revoked, units returned or blocked, money back).
 */
@Component
public class OrderLifecycle {

    static final String ORDER = "ORDER";

    private final Orders orders;
    private final InventoryManagement inventory;
    private final TicketingManagement ticketing;
    private final PaymentManagement payments;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    OrderLifecycle(
            Orders orders,
            InventoryManagement inventory,
            TicketingManagement ticketing,
            PaymentManagement payments,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.orders = orders;
        this.inventory = inventory;
        this.ticketing = ticketing;
        this.payments = payments;
        this.audit = audit;
        this.events = events;
    }

    /**
     * A payment was confirmed (in this transaction). The order becomes PAID only if all its units
     * are still its own; a payment that arrives after they lapsed and were resold, or for an order
     * that is no longer waiting for payment, is refunded in full, never silently kept.
     */
    @EventListener
    void on(PaymentConfirmed payment) {
        Order order = orders.lock(payment.orderId()).orElseThrow();
        String actor = "payment:" + payment.paymentCode();
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            refundPayment(
                    payment.paymentCode(),
                    payment.amount(),
                    "order was " + order.status() + " when the payment arrived",
                    order,
                    actor);
            return;
        }
        if (!payment.amount().equals(order.total())) {
            refundPayment(
                    payment.paymentCode(),
                    payment.amount(),
                    "amount does not match the order",
                    order,
                    actor);
            return;
        }
        List<HeldUnit> sold = inventory.sell(order.id(), order.holdId());
        List<OrderItem> items = order.activeItems();
        boolean complete =
                !items.isEmpty()
                        && items.size() == order.items().size()
                        && sold.size() == items.size();
        if (!complete) {
            // Some units lapsed and went to another buyer: undo the partial sale, refund
            // everything.
            inventory.returnUnits(order.id(), sold.stream().map(HeldUnit::unitId).toList(), false);
            closeUnpaid(order, OrderStatus.EXPIRED, actor);
            refundPayment(
                    payment.paymentCode(),
                    payment.amount(),
                    "seats were released before the payment arrived",
                    order,
                    actor);
            return;
        }
        orders.setStatus(order.id(), OrderStatus.PAID);
        ticketing.issue(
                items.stream()
                        .map(
                                i ->
                                        new NewTicket(
                                                order.id(),
                                                i.id(),
                                                order.organizerId(),
                                                order.performanceId(),
                                                i.unitId(),
                                                i.zoneId(),
                                                i.zoneName(),
                                                i.seatId(),
                                                i.seatLabel(),
                                                order.name(),
                                                order.email()))
                        .toList());
        audit.record(
                actor,
                ORDER,
                order.id(),
                "PAID",
                Map.of("payment", payment.paymentCode(), "tickets", items.size()));
        events.publishEvent(
                new OrderPaid(
                        order.id(),
                        order.code(),
                        order.organizerId(),
                        order.performanceId(),
                        order.paymentMethod()));
    }

    /** Ends an unpaid order: its units go back on sale. The order row must be locked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeUnpaid(Order order, OrderStatus status, String actor) {
        inventory.releaseOrder(order.id());
        orders.setItemStatus(
                order.id(), order.activeItems().stream().map(OrderItem::id).toList(), "RELEASED");
        orders.setStatus(order.id(), status);
        audit.record(actor, ORDER, order.id(), status.name(), Map.of());
        events.publishEvent(
                new OrderCancelled(
                        order.id(),
                        order.code(),
                        order.organizerId(),
                        order.performanceId(),
                        status));
    }

    /**
     * Refunds items of a paid order: money back through the provider, tickets revoked, units
     * returned to sale (or blocked). The order is REFUNDED once nothing active is left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Money refundItems(
            Order order, List<OrderItem> items, boolean blockUnits, String reason, String actor) {
        Money amount = Money.zero(order.total().currency());
        for (OrderItem item : items) {
            amount = amount.plus(item.price());
        }
        if (!amount.isZero()) {
            Payment paid =
                    payments.paymentsOf(order.id()).stream()
                            .filter(
                                    p ->
                                            p.status() == PaymentStatus.CONFIRMED
                                                    || p.status()
                                                            == PaymentStatus.PARTIALLY_REFUNDED)
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "paid order "
                                                            + order.code()
                                                            + " has no confirmed payment"));
            payments.refund(paid.code(), amount, reason, actor);
        }
        List<Long> itemIds = items.stream().map(OrderItem::id).toList();
        ticketing.revokeForItems(itemIds);
        inventory.returnUnits(
                order.id(), items.stream().map(OrderItem::unitId).toList(), blockUnits);
        orders.setItemStatus(order.id(), itemIds, "REFUNDED");
        boolean everything = order.activeItems().size() == items.size();
        if (everything) {
            orders.setStatus(order.id(), OrderStatus.REFUNDED);
        }
        audit.record(
                actor,
                ORDER,
                order.id(),
                everything ? "REFUNDED" : "PARTIALLY_REFUNDED",
                Map.of(
                        "items",
                        itemIds,
                        "amount",
                        amount.amount(),
                        "unitsBlocked",
                        blockUnits,
                        "reason",
                        reason));
        events.publishEvent(
                new OrderRefunded(
                        order.id(),
                        order.code(),
                        order.organizerId(),
                        order.performanceId(),
                        itemIds,
                        amount,
                        actor.equals(CancellationRefunds.ACTOR)));
        return amount;
    }

    private void refundPayment(
            String paymentCode, Money amount, String reason, Order order, String actor) {
        if (!amount.isZero()) {
            payments.refund(paymentCode, amount, reason, "system");
        }
        audit.record(
                actor,
                ORDER,
                order.id(),
                "PAYMENT_REFUNDED",
                Map.of("payment", paymentCode, "reason", reason));
    }
}
