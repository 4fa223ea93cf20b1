package dev.fengyun.ordering.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.ordering.Buyer;
import dev.fengyun.ordering.Checkout;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.PlacedOrder;
import dev.fengyun.ordering.RefundRequest;
import dev.fengyun.ordering.web.OrderViews.OrderView;
import dev.fengyun.ordering.web.OrderViews.PaymentLink;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.payment.PaymentStarted;
import dev.fengyun.ticketing.TicketingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The buyer's orders. Reading or changing an order needs its access token ({@code Authorization:
 * Bearer fyo_…}, returned when it is placed) or the signed-in account that placed it.
 */
@RestController
@Tag(name = "Orders")
class OrderApi {

    private final Checkout checkout;
    private final TicketingManagement ticketing;
    private final PaymentManagement payments;

    OrderApi(Checkout checkout, TicketingManagement ticketing, PaymentManagement payments) {
        this.checkout = checkout;
        this.ticketing = ticketing;
        this.payments = payments;
    }

    @PostMapping("/api/v1/orders")
    @Operation(summary = "Order the units of a hold; returns the access token and where to pay")
    ResponseEntity<PlacedView> place(
            @AuthenticationPrincipal CurrentAccount account,
            @Valid @RequestBody OrderRequest request) {
        Buyer buyer =
                new Buyer(
                        request.email(),
                        request.name(),
                        request.phone(),
                        account == null ? null : account.id());
        PlacedOrder placed =
                checkout.place(
                        request.holdId(), buyer, request.paymentMethod(), request.returnUrl());
        Order order = placed.order();
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.code()))
                .body(
                        new PlacedView(
                                view(order),
                                placed.accessToken(),
                                PaymentLink.of(placed.payment(), request.returnUrl())));
    }

    @GetMapping("/api/v1/orders/{code}")
    @Operation(summary = "An order with its items and, once paid, its tickets")
    OrderView get(@PathVariable String code, OrderAccess access) {
        return view(access.order(checkout, code));
    }

    @PostMapping("/api/v1/orders/{code}/cancel")
    @Operation(summary = "Cancel an unpaid order; its seats go back on sale")
    OrderView cancel(@PathVariable String code, OrderAccess access) {
        return view(checkout.cancel(code, access.credential(), access.accountId()));
    }

    @PostMapping("/api/v1/orders/{code}/refund-requests")
    @Operation(summary = "Ask the organizer to refund a paid order (until the performance starts)")
    ResponseEntity<OrderViews.RefundRequestView> requestRefund(
            @PathVariable String code,
            OrderAccess access,
            @Valid @RequestBody RefundRequestBody request) {
        RefundRequest created =
                checkout.requestRefund(
                        code, access.credential(), access.accountId(), request.reason().strip());
        return ResponseEntity.status(201).body(OrderViews.RefundRequestView.of(created));
    }

    @PostMapping("/api/v1/orders/{code}/payments")
    @Operation(summary = "Start another payment for an unpaid order (e.g. after a failed one)")
    ResponseEntity<PaymentLink> pay(
            @PathVariable String code,
            OrderAccess access,
            @Valid @RequestBody PaymentRequest request) {
        PaymentStarted started =
                checkout.pay(
                        code,
                        access.credential(),
                        access.accountId(),
                        request.paymentMethod(),
                        request.returnUrl());
        return ResponseEntity.status(201).body(PaymentLink.of(started, request.returnUrl()));
    }

    @GetMapping("/api/v1/me/orders")
    @Operation(summary = "Orders placed by the signed-in account")
    Items list(@AuthenticationPrincipal CurrentAccount account) {
        return new Items(checkout.ordersOf(account.id()).stream().map(this::view).toList());
    }

    private OrderView view(Order order) {
        return OrderView.of(
                order,
                checkout.displayedStatus(order),
                ticketing.ofOrder(order.id()),
                payments.paymentsOf(order.id()),
                checkout.refundRequest(order));
    }

    record OrderRequest(
            @NotBlank String holdId,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") String phone,
            @NotBlank String paymentMethod,
            @Size(max = 500) @Pattern(regexp = "/[^/\\\\].*|/") String returnUrl) {}

    record RefundRequestBody(@NotBlank @Size(max = 1000) String reason) {}

    record PaymentRequest(
            @NotBlank String paymentMethod,
            @Size(max = 500) @Pattern(regexp = "/[^/\\\\].*|/") String returnUrl) {}

    /** The order's members at the top level, plus the access token (shown once) and the payment. */
    record PlacedView(@JsonUnwrapped OrderView order, String accessToken, PaymentLink payment) {}

    record Items(List<OrderView> items) {}
}
