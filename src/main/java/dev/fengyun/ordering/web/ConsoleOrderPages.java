package dev.fengyun.ordering.web;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderDesk;
import dev.fengyun.ordering.OrderMessages;
import dev.fengyun.ordering.OrderStatus;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.platform.Page;
import dev.fengyun.ticketing.TicketingManagement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's orders (search, detail, refunds, cancellations) and the box-office sale screen. */
@Controller
class ConsoleOrderPages {

    private static final int PAGE_SIZE = 25;

    private final OrderDesk desk;
    private final CatalogManagement catalog;
    private final Storefront storefront;
    private final TicketingManagement ticketing;
    private final PaymentManagement payments;

    private final OrderMessages messages;

    ConsoleOrderPages(
            OrderDesk desk,
            CatalogManagement catalog,
            Storefront storefront,
            TicketingManagement ticketing,
            PaymentManagement payments,
            OrderMessages messages) {
        this.desk = desk;
        this.catalog = catalog;
        this.storefront = storefront;
        this.ticketing = ticketing;
        this.payments = payments;
        this.messages = messages;
    }

    @GetMapping("/console/{org}/orders")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    String orders(
            OrganizerContext org,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) Long performanceId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        int current = Math.max(1, page);
        Page<Order> found =
                desk.orders(
                        org.organizerId(),
                        performanceId,
                        status,
                        q == null || q.isBlank() ? null : q.trim(),
                        current,
                        PAGE_SIZE);
        model.addAttribute("org", org);
        model.addAttribute("orders", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("performanceId", performanceId);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("refundRequests", desk.openRefundRequests(org.organizerId()));
        model.addAttribute(
                "zones", timeZones(found.items().stream().map(Order::performanceId).toList()));
        return "ordering/console-orders";
    }

    @GetMapping("/console/{org}/orders/{code}")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    String order(OrganizerContext org, @PathVariable String code, Model model) {
        Order order = desk.order(org.organizerId(), code);
        model.addAttribute("org", org);
        model.addAttribute("order", order);
        model.addAttribute("tickets", ticketing.ofOrder(order.id()));
        model.addAttribute("payments", payments.paymentsOf(order.id()));
        model.addAttribute(
                "refundRequest", desk.refundRequest(org.organizerId(), code).orElse(null));
        model.addAttribute("messages", messages.of(order.id()));
        model.addAttribute(
                "history",
                org.role().includes(OrganizerRole.MANAGER)
                        ? desk.history(org.organizerId(), code)
                        : List.of());
        return "ordering/console-order";
    }

    @GetMapping("/console/{org}/box-office")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    String boxOffice(
            OrganizerContext org, @RequestParam(required = false) Long performanceId, Model model) {
        List<Performance> open =
                catalog.performances(org.organizerId(), null).stream()
                        .filter(
                                p ->
                                        p.status() == PerformanceStatus.ON_SALE
                                                || p.status() == PerformanceStatus.PAUSED)
                        .toList();
        Performance chosen =
                open.stream()
                        .filter(p -> performanceId == null || p.id() == performanceId)
                        .findFirst()
                        .orElse(null);
        model.addAttribute("org", org);
        model.addAttribute("performances", open);
        model.addAttribute("chosen", chosen);
        model.addAttribute("zones", timeZones(open.stream().map(Performance::id).toList()));
        model.addAttribute(
                "titles",
                open.stream()
                        .map(Performance::eventId)
                        .distinct()
                        .collect(
                                Collectors.toMap(
                                        id -> id,
                                        id -> catalog.event(org.organizerId(), id).title())));
        return "ordering/box-office";
    }

    /** The venue time zone of each (published) performance, for showing its times. */
    private Map<Long, String> timeZones(List<Long> performanceIds) {
        return performanceIds.stream()
                .distinct()
                .collect(
                        Collectors.toMap(
                                id -> id, id -> storefront.performance(id).venue().timeZone()));
    }
}
