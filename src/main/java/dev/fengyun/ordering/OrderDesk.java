package dev.fengyun.ordering;

import dev.fengyun.ordering.internal.OrderLifecycle;
import dev.fengyun.ordering.internal.OrderPasses;
import dev.fengyun.ordering.internal.Orders;
import dev.fengyun.ordering.internal.RefundRequests;
import dev.fengyun.payment.Payment;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.payment.PaymentStatus;
import dev.fengyun.platform.AuditLog;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Page;
import dev.fengyun.ticketing.Ticket;
import dev.fengyun.ticketing.TicketStatus;
import dev.fengyun.ticketing.TicketingManagement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizer's side of ordering: finding orders, cancelling and refunding them (in full or
 * ticket by ticket), and confirming box-office payments.
 */
@Service
public class OrderDesk {

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final PaymentManagement payments;
    private final TicketingManagement ticketing;
    private final RefundRequests refundRequests;
    private final OrderPasses passes;
    private final AuditLog audit;

    OrderDesk(
            Orders orders,
            OrderLifecycle lifecycle,
            PaymentManagement payments,
            TicketingManagement ticketing,
            RefundRequests refundRequests,
            OrderPasses passes,
            AuditLog audit) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.ticketing = ticketing;
        this.refundRequests = refundRequests;
        this.passes = passes;
        this.audit = audit;
    }

    /**
     * A fresh link to the order's tickets page for the buyer, to send by any channel (WeChat, SMS,
     * e-mail): it carries a pass valid for {@link OrderPasses#LIFETIME}.
     */
    public TicketLink ticketLink(long organizerId, String code, String actor) {
        Order order = order(organizerId, code);
        audit.record(actor, "ORDER", order.id(), "TICKET_LINK", Map.of());
        OrderPasses.Pass pass = passes.issue(order.code());
        return new TicketLink(
                "/orders/" + order.code() + "?pass=" + pass.value(), pass.expiresAt());
    }

    /** The same link for the buyer's own messages (not recorded as a staff action). */
    public TicketLink buyerLink(String code) {
        OrderPasses.Pass pass = passes.issue(code);
        return new TicketLink("/orders/" + code + "?pass=" + pass.value(), pass.expiresAt());
    }

    /** A link (path) to an order's tickets page and when it stops working. */
    public record TicketLink(String path, Instant expiresAt) {}

    /** Buyers' refund requests waiting for an answer, oldest first. */
    public List<RefundRequest> openRefundRequests(long organizerId) {
        return refundRequests.openOf(organizerId);
    }

    /** The order's latest refund request, if its buyer made one. */
    public Optional<RefundRequest> refundRequest(long organizerId, String code) {
        return refundRequests.latest(order(organizerId, code).id());
    }

    /**
     * Answers the order's open refund request: approving refunds every ticket still valid (the
     * seats go back on sale), declining leaves the order as it is; the note is for the buyer.
     *
     * @throws Conflict ({@code NO_REFUND_REQUEST}) when the order has no open request
     */
    @Transactional
    public Order decideRefund(
            long organizerId, String code, boolean approve, String note, String actor) {
        Order order = lock(organizerId, code);
        if (!refundRequests.decide(order.id(), approve ? "APPROVED" : "DECLINED", actor, note)) {
            throw new Conflict(
                    "NO_REFUND_REQUEST", "Order " + code + " has no open refund request.");
        }
        if (approve) {
            List<String> valid =
                    ticketing.ofOrder(order.id()).stream()
                            .filter(Ticket::valid)
                            .map(Ticket::code)
                            .toList();
            return refund(
                    organizerId,
                    code,
                    valid,
                    false,
                    note == null || note.isBlank() ? "refund requested by the buyer" : note,
                    actor);
        }
        audit.record(
                actor,
                "ORDER",
                order.id(),
                "REFUND_DECLINED",
                note == null ? Map.of() : Map.of("note", note));
        return orders.find(order.id()).orElseThrow();
    }

    public Page<Order> orders(
            long organizerId,
            Long performanceId,
            OrderStatus status,
            String text,
            int page,
            int size) {
        return orders.search(organizerId, performanceId, status, text, page, size);
    }

    /** The status of an order by its internal id; empty if there is none. */
    public Optional<OrderStatus> status(long orderId) {
        return orders.find(orderId).map(Order::status);
    }

    /** An order by its internal id (for messages about it); empty if there is none. */
    public Optional<Order> find(long orderId) {
        return orders.find(orderId);
    }

    /**
     * @throws NotFound ({@code ORDER_NOT_FOUND}) unless the order belongs to the organizer
     */
    public Order order(long organizerId, String code) {
        return orders.find(code)
                .filter(o -> o.organizerId() == organizerId)
                .orElseThrow(() -> Checkout.notFound(code));
    }

    /**
     * Cancels an order: an unpaid one is closed, a paid one refunded in full. Refunded units go
     * back on sale unless {@code blockUnits}.
     */
    @Transactional
    public Order cancel(
            long organizerId, String code, boolean blockUnits, String reason, String actor) {
        Order order = lock(organizerId, code);
        switch (order.status()) {
            case PENDING_PAYMENT -> lifecycle.closeUnpaid(order, OrderStatus.CANCELLED, actor);
            case PAID ->
                    lifecycle.refundItems(
                            order,
                            order.activeItems(),
                            blockUnits,
                            reason == null ? "cancelled by the organizer" : reason,
                            actor);
            default ->
                    throw new Conflict(
                            "ORDER_CLOSED", "This order is " + order.status() + " already.");
        }
        return orders.find(order.id()).orElseThrow();
    }

    /**
     * Refunds some tickets of a paid order.
     *
     * @throws InvalidInput ({@code ticketIds}) naming tickets that are not valid tickets of it
     */
    @Transactional
    public Order refund(
            long organizerId,
            String code,
            List<String> ticketCodes,
            boolean blockUnits,
            String reason,
            String actor) {
        Order order = lock(organizerId, code);
        if (order.status() != OrderStatus.PAID) {
            throw new Conflict("ORDER_NOT_PAID", "Only paid orders can be refunded.");
        }
        Map<String, Long> itemOfTicket = new HashMap<>();
        for (Ticket ticket : ticketing.ofOrder(order.id())) {
            if (ticket.status() == TicketStatus.VALID) {
                itemOfTicket.put(ticket.code(), ticket.orderItemId());
            }
        }
        List<String> unknown =
                ticketCodes.stream().filter(t -> !itemOfTicket.containsKey(t)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInput(
                    "ticketIds",
                    "Unknown",
                    "not valid tickets of this order: " + String.join(", ", unknown));
        }
        Set<Long> itemIds = ticketCodes.stream().map(itemOfTicket::get).collect(Collectors.toSet());
        lifecycle.refundItems(
                order,
                order.activeItems().stream().filter(i -> itemIds.contains(i.id())).toList(),
                blockUnits,
                reason == null ? "refunded by the organizer" : reason,
                actor);
        return orders.find(order.id()).orElseThrow();
    }

    /**
     * Box-office staff confirm they received the money for an unpaid offline order.
     *
     * @throws Conflict ({@code ORDER_NOT_PAYABLE}) unless it waits for an offline payment
     */
    @Transactional
    public Order markPaid(long organizerId, String code, String actor) {
        Order order = lock(organizerId, code);
        Payment pending =
                payments.paymentsOf(order.id()).stream()
                        .filter(
                                p ->
                                        p.method().equals("offline")
                                                && p.status() == PaymentStatus.PENDING)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new Conflict(
                                                "ORDER_NOT_PAYABLE",
                                                "This order does not wait for a box-office payment."));
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new Conflict("ORDER_NOT_PAYABLE", "This order is " + order.status() + ".");
        }
        payments.confirmOffline(pending.code(), actor);
        return orders.find(order.id()).orElseThrow();
    }

    public List<AuditLog.Entry> history(long organizerId, String code) {
        return audit.entries("ORDER", order(organizerId, code).id());
    }

    private Order lock(long organizerId, String code) {
        return orders.lock(code)
                .filter(o -> o.organizerId() == organizerId)
                .orElseThrow(() -> Checkout.notFound(code));
    }
}
