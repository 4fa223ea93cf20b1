package dev.fengyun.ordering.web;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceDetails;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.catalog.Zone;
import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.inventory.HeldUnit;
import dev.fengyun.inventory.Hold;
import dev.fengyun.inventory.InventoryManagement;
import dev.fengyun.ordering.Buyer;
import dev.fengyun.ordering.Checkout;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderStatus;
import dev.fengyun.ordering.PlacedOrder;
import dev.fengyun.ordering.RefundRequest;
import dev.fengyun.ordering.internal.OrderPasses;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.payment.PaymentStarted;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.ProblemException;
import dev.fengyun.ticketing.QrCodes;
import dev.fengyun.ticketing.Ticket;
import dev.fengyun.ticketing.TicketingManagement;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buyer's checkout, order and ticket pages, and the order lookup for guests. A browser gets a
 * pass to each order it placed or looked up (cookie {@code fy_pass_<code>}, see {@link
 * OrderAccess}), accepted wherever the order's access token is; signed-in buyers see their own
 * orders without one.
 */
@Controller
class BuyerOrderPages {

    private final Checkout checkout;
    private final InventoryManagement inventory;
    private final Storefront storefront;
    private final PaymentManagement payments;
    private final TicketingManagement ticketing;
    private final Clock clock;

    BuyerOrderPages(
            Checkout checkout,
            InventoryManagement inventory,
            Storefront storefront,
            PaymentManagement payments,
            TicketingManagement ticketing,
            Clock clock) {
        this.checkout = checkout;
        this.inventory = inventory;
        this.storefront = storefront;
        this.payments = payments;
        this.ticketing = ticketing;
        this.clock = clock;
    }

    // --- checkout --------------------------------------------------------------------------

    @GetMapping("/checkout/{holdId}")
    String checkoutForm(
            @PathVariable String holdId,
            @AuthenticationPrincipal CurrentAccount account,
            Model model) {
        CheckoutForm form =
                account == null
                        ? new CheckoutForm("", "", "", defaultMethod())
                        : new CheckoutForm(
                                account.displayName(), account.email(), "", defaultMethod());
        return checkoutPage(holdId, form, model);
    }

    @PostMapping("/checkout/{holdId}")
    String checkout(
            @PathVariable String holdId,
            @Valid @ModelAttribute("form") CheckoutForm form,
            BindingResult errors,
            @AuthenticationPrincipal CurrentAccount account,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (errors.hasErrors()) {
            return checkoutPage(holdId, form, model);
        }
        PlacedOrder placed;
        try {
            placed =
                    checkout.place(
                            holdId,
                            new Buyer(
                                    form.email(),
                                    form.name(),
                                    form.phone(),
                                    account == null ? null : account.id()),
                            form.paymentMethod(),
                            null);
        } catch (ProblemException e) {
            model.addAttribute("problem", e.code());
            return checkoutPage(holdId, form, model);
        }
        Order order = placed.order();
        givePass(order, request, response);
        return "redirect:" + payOrShow(order, placed.payment());
    }

    private String checkoutPage(String holdId, CheckoutForm form, Model model) {
        Hold hold = inventory.find(holdId);
        PerformanceDetails details = storefront.performance(hold.performanceId());
        Performance performance = details.performance();
        List<Line> lines =
                hold.units().stream().map(u -> Line.of(u, performance.zone(u.zoneId()))).toList();
        Money total = Money.zero(performance.currency());
        for (Line line : lines) {
            total = total.plus(line.price());
        }
        model.addAttribute("form", form);
        model.addAttribute("hold", hold);
        model.addAttribute("details", details);
        model.addAttribute("lines", lines);
        model.addAttribute("total", total);
        model.addAttribute(
                "methods", total.minor() == 0 ? List.of("free") : payments.onlineMethods());
        return "ordering/checkout";
    }

    /** One place in a hold or order, as the buyer reads it. */
    record Line(String zone, String seat, Money price) {
        static Line of(HeldUnit unit, Zone zone) {
            return new Line(zone.name(), unit.seatLabel(), zone.price());
        }
    }

    record CheckoutForm(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") String phone,
            @NotBlank String paymentMethod) {}

    // --- the order -------------------------------------------------------------------------

    @GetMapping(value = "/orders/{code}", params = "pass")
    String orderByLink(
            @PathVariable String code,
            @RequestParam String pass,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<Order> order;
        try {
            order = Optional.of(checkout.order(code, pass, null));
        } catch (NotFound e) {
            order = Optional.empty();
        }
        if (order.isPresent()) {
            givePass(order.get(), request, response); // a pass of its own, then a clean URL
        }
        return "redirect:/orders/" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    @GetMapping("/orders/{code}")
    String order(@PathVariable String code, OrderAccess access, Model model) {
        Optional<Order> found = readable(code, access);
        if (found.isEmpty()) {
            return "redirect:/orders/lookup?code="
                    + URLEncoder.encode(code, StandardCharsets.UTF_8);
        }
        Order order = found.get();
        PerformanceDetails details = storefront.performance(order.performanceId());
        List<Ticket> tickets = ticketing.ofOrder(order.id());
        model.addAttribute("order", order);
        model.addAttribute("status", checkout.displayedStatus(order));
        model.addAttribute("details", details);
        model.addAttribute("timeZone", details.venue().timeZone());
        model.addAttribute("tickets", tickets.stream().map(t -> TicketCard.of(t, code)).toList());
        model.addAttribute("files", files(code));
        model.addAttribute("payments", payments.paymentsOf(order.id()));
        model.addAttribute("methods", payments.onlineMethods());
        RefundRequest refundRequest = checkout.refundRequest(order).orElse(null);
        model.addAttribute("refundRequest", refundRequest);
        model.addAttribute(
                "mayRequestRefund",
                order.status() == OrderStatus.PAID
                        && (refundRequest == null || !refundRequest.open())
                        && clock.instant().isBefore(details.performance().startsAt()));
        return "ordering/order";
    }

    @PostMapping("/orders/{code}/cancel")
    String cancel(@PathVariable String code, OrderAccess access) {
        checkout.cancel(code, access.credential(), access.accountId());
        return "redirect:/orders/" + code;
    }

    @PostMapping("/orders/{code}/refund-request")
    String requestRefund(
            @PathVariable String code, @RequestParam String reason, OrderAccess access) {
        if (reason.isBlank() || reason.length() > 1000) {
            return "redirect:/orders/" + code + "?refundError=VALIDATION_FAILED";
        }
        try {
            checkout.requestRefund(code, access.credential(), access.accountId(), reason.strip());
        } catch (ProblemException e) {
            return "redirect:/orders/" + code + "?refundError=" + e.code();
        }
        return "redirect:/orders/" + code;
    }

    @PostMapping("/orders/{code}/pay")
    String pay(@PathVariable String code, @RequestParam String paymentMethod, OrderAccess access) {
        PaymentStarted started =
                checkout.pay(code, access.credential(), access.accountId(), paymentMethod, null);
        Order order = access.order(checkout, code);
        return "redirect:" + payOrShow(order, started);
    }

    @PostMapping("/orders/{code}/tickets/{ticketId}/transfer")
    String transfer(
            @PathVariable String code,
            @PathVariable String ticketId,
            @RequestParam String name,
            @RequestParam String email,
            OrderAccess access) {
        Order order = access.order(checkout, code);
        if (name.isBlank()
                || name.length() > 100
                || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return "redirect:/orders/" + code + "?transferError=" + ticketId;
        }
        ticketing.transfer(order.id(), ticketId, name.strip(), email.strip());
        return "redirect:/orders/" + code + "?transferred=" + ticketId;
    }

    // --- guests find their order -----------------------------------------------------------

    @GetMapping("/orders/lookup")
    String lookupForm(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code);
        model.addAttribute("email", "");
        return "ordering/lookup";
    }

    @PostMapping("/orders/lookup")
    String lookup(
            @RequestParam String code,
            @RequestParam String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<Order> order = checkout.lookup(code, email);
        if (order.isEmpty()) {
            model.addAttribute("code", code);
            model.addAttribute("email", email);
            model.addAttribute("notFound", true);
            return "ordering/lookup";
        }
        givePass(order.get(), request, response);
        return "redirect:/orders/" + order.get().code();
    }

    @GetMapping("/me/orders")
    String myOrders(@AuthenticationPrincipal CurrentAccount account, Model model) {
        if (account == null) {
            return "redirect:/login";
        }
        List<Order> orders = checkout.ordersOf(account.id());
        model.addAttribute("orders", orders);
        model.addAttribute(
                "performances",
                orders.stream()
                        .map(Order::performanceId)
                        .distinct()
                        .collect(Collectors.toMap(id -> id, storefront::performance)));
        return "ordering/my-orders";
    }

    // --- helpers ---------------------------------------------------------------------------

    /**
     * A ticket with its QR code drawn inline, and where to download it (the browser's pass cookie
     * opens the file).
     */
    record TicketCard(Ticket ticket, String qrSvg, String pdf) {
        static TicketCard of(Ticket ticket, String orderCode) {
            if (!ticket.valid()) {
                return new TicketCard(ticket, null, null);
            }
            return new TicketCard(
                    ticket,
                    QrCodes.svg(ticket.qr()),
                    "/api/v1/orders/" + orderCode + "/tickets/" + ticket.code() + ".pdf");
        }
    }

    private static Map<String, String> files(String code) {
        return Map.of(
                "pdf", "/api/v1/orders/" + code + "/tickets.pdf",
                "calendar", "/api/v1/orders/" + code + "/calendar.ics");
    }

    private Optional<Order> readable(String code, OrderAccess access) {
        try {
            return Optional.of(access.order(checkout, code));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private void givePass(Order order, HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(OrderAccess.PASS_COOKIE + order.code(), checkout.pass(order));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath("/");
        cookie.setMaxAge((int) OrderPasses.LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static String payOrShow(Order order, PaymentStarted payment) {
        String orderPage = "/orders/" + order.code();
        if (order.status() == OrderStatus.PENDING_PAYMENT
                && payment != null
                && payment.redirectUrl() != null) {
            return payment.redirectUrl()
                    + "?returnUrl="
                    + URLEncoder.encode(orderPage, StandardCharsets.UTF_8);
        }
        return orderPage;
    }

    private String defaultMethod() {
        List<String> methods = payments.onlineMethods();
        return methods.isEmpty() ? "" : methods.get(0);
    }
}
