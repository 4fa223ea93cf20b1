package dev.fengyun.ordering.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.inventory.HoldRequest;
import dev.fengyun.ordering.BoxOffice;
import dev.fengyun.ordering.Buyer;
import dev.fengyun.ordering.Checkout;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderDesk;
import dev.fengyun.ordering.OrderStatus;
import dev.fengyun.ordering.PlacedOrder;
import dev.fengyun.ordering.RefundRequest;
import dev.fengyun.ordering.web.OrderViews.OrderView;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.platform.AuditLog;
import dev.fengyun.platform.Page;
import dev.fengyun.ticketing.TicketingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** An organizer's orders: search, detail, cancel and refund, box-office payments and sales. */
@RestController
@RequestMapping("/api/v1/organizers/{org}")
@Tag(name = "Orders (organizer)")
class OrderDeskApi {

    private final OrderDesk desk;
    private final BoxOffice boxOffice;
    private final Checkout checkout;
    private final TicketingManagement ticketing;
    private final PaymentManagement payments;

    OrderDeskApi(
            OrderDesk desk,
            BoxOffice boxOffice,
            Checkout checkout,
            TicketingManagement ticketing,
            PaymentManagement payments) {
        this.desk = desk;
        this.boxOffice = boxOffice;
        this.checkout = checkout;
        this.ticketing = ticketing;
        this.payments = payments;
    }

    @GetMapping("/orders")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "Search orders by performance, status, or code / e-mail / name (q)")
    Page<OrderView> list(
            OrganizerContext org,
            @RequestParam(required = false) Long performanceId,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        Page<Order> found = desk.orders(org.organizerId(), performanceId, status, q, page, size);
        return new Page<>(
                found.items().stream().map(this::view).toList(), page, size, found.total());
    }

    @GetMapping("/orders/{code}")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "An order with items, tickets and payments")
    OrderView get(OrganizerContext org, @PathVariable String code) {
        return view(desk.order(org.organizerId(), code));
    }

    @PostMapping("/orders/{code}/cancel")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Cancel an order: unpaid ones are closed, paid ones refunded in full")
    OrderView cancel(
            OrganizerContext org,
            @PathVariable String code,
            @Valid @RequestBody(required = false) CancelRequest request) {
        CancelRequest body = request == null ? new CancelRequest(null, null) : request;
        return view(
                desk.cancel(org.organizerId(), code, body.blockUnits(), body.reason(), actor(org)));
    }

    @PostMapping("/orders/{code}/refunds")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(
            summary =
                    "Refund some tickets of a paid order; their seats go back on sale unless blocked")
    OrderView refund(
            OrganizerContext org,
            @PathVariable String code,
            @Valid @RequestBody RefundBody request) {
        return view(
                desk.refund(
                        org.organizerId(),
                        code,
                        request.ticketIds(),
                        request.blockUnits(),
                        request.reason(),
                        actor(org)));
    }

    @PostMapping("/orders/{code}/mark-paid")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "Record that a box-office payment was received")
    OrderView markPaid(OrganizerContext org, @PathVariable String code) {
        return view(desk.markPaid(org.organizerId(), code, actor(org)));
    }

    @GetMapping("/orders/{code}/history")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Who changed the order, when, and how")
    Items<AuditLog.Entry> history(OrganizerContext org, @PathVariable String code) {
        return new Items<>(desk.history(org.organizerId(), code));
    }

    @PostMapping("/orders/{code}/ticket-link")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(
            summary =
                    "A fresh link to the order's tickets page, to send the buyer their tickets again by any channel")
    TicketLink ticketLink(OrganizerContext org, @PathVariable String code) {
        OrderDesk.TicketLink link = desk.ticketLink(org.organizerId(), code, actor(org));
        return new TicketLink(
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(link.path())
                        .build()
                        .toUriString(),
                link.expiresAt());
    }

    record TicketLink(String url, Instant expiresAt) {}

    @GetMapping("/refund-requests")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "Buyers' refund requests waiting for an answer, oldest first")
    Items<RefundRequest> refundRequests(OrganizerContext org) {
        return new Items<>(desk.openRefundRequests(org.organizerId()));
    }

    @PostMapping("/orders/{code}/refund-request/approve")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Approve the order's refund request: every valid ticket is refunded")
    OrderView approveRefund(
            OrganizerContext org,
            @PathVariable String code,
            @Valid @RequestBody(required = false) DecisionRequest body) {
        return decide(org, code, true, body);
    }

    @PostMapping("/orders/{code}/refund-request/decline")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    @Operation(summary = "Decline the order's refund request, with a note for the buyer")
    OrderView declineRefund(
            OrganizerContext org,
            @PathVariable String code,
            @Valid @RequestBody(required = false) DecisionRequest body) {
        return decide(org, code, false, body);
    }

    private OrderView decide(
            OrganizerContext org, String code, boolean approve, DecisionRequest body) {
        return view(
                desk.decideRefund(
                        org.organizerId(),
                        code,
                        approve,
                        body == null ? null : body.note(),
                        actor(org)));
    }

    @PostMapping("/box-office/sales")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(summary = "Sell at the box office in one step: hold, order and mark paid")
    ResponseEntity<SaleView> sell(OrganizerContext org, @Valid @RequestBody SaleRequest request) {
        String email =
                request.email() == null || request.email().isBlank()
                        ? "box-office@" + org.slug() + ".invalid"
                        : request.email();
        PlacedOrder placed =
                boxOffice.sell(
                        org.organizerId(),
                        new HoldRequest(
                                request.performanceId(),
                                request.seatIds(),
                                request.zoneId(),
                                request.quantity()),
                        new Buyer(email, request.name(), request.phone(), null),
                        actor(org));
        return ResponseEntity.created(
                        URI.create(
                                "/api/v1/organizers/"
                                        + org.slug()
                                        + "/orders/"
                                        + placed.order().code()))
                .body(new SaleView(view(placed.order()), placed.accessToken()));
    }

    private OrderView view(Order order) {
        return OrderView.of(
                order,
                checkout.displayedStatus(order),
                ticketing.ofOrder(order.id()),
                payments.paymentsOf(order.id()),
                checkout.refundRequest(order));
    }

    private static String actor(OrganizerContext org) {
        return org.account().email();
    }

    /** {@code blockSeats}: keep refunded seats off sale instead of selling them again. */
    record CancelRequest(Boolean blockSeats, @Size(max = 500) String reason) {
        boolean blockUnits() {
            return Boolean.TRUE.equals(blockSeats);
        }
    }

    record RefundBody(
            @NotEmpty @Size(max = 100) List<@NotBlank String> ticketIds,
            Boolean blockSeats,
            @Size(max = 500) String reason) {
        boolean blockUnits() {
            return Boolean.TRUE.equals(blockSeats);
        }
    }

    record DecisionRequest(@Size(max = 1000) String note) {}

    record SaleRequest(
            @NotNull Long performanceId,
            @Size(max = 100) List<@NotBlank String> seatIds,
            Long zoneId,
            @Min(1) @Max(100) Integer quantity,
            @NotBlank @Size(max = 100) String name,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone) {}

    record SaleView(@JsonUnwrapped OrderView order, String accessToken) {}

    record Items<T>(List<T> items) {}
}
