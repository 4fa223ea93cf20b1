package dev.fengyun.ordering.web;

import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderItem;
import dev.fengyun.ordering.OrderStatus;
import dev.fengyun.ordering.RefundRequest;
import dev.fengyun.payment.Payment;
import dev.fengyun.payment.PaymentStarted;
import dev.fengyun.platform.Money;
import dev.fengyun.ticketing.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** JSON shapes of orders, shared by the buyer's and the organizer's API. */
final class OrderViews {

    private OrderViews() {}

    record OrderView(
            String code,
            OrderStatus status,
            String channel,
            long performanceId,
            String email,
            String name,
            String phone,
            Money total,
            String paymentMethod,
            Instant paymentDueAt,
            Instant createdAt,
            Instant paidAt,
            Instant closedAt,
            List<ItemView> items,
            List<TicketView> tickets,
            OrderFiles files,
            List<PaymentView> payments,
            RefundRequestView refundRequest) {

        static OrderView of(
                Order o,
                OrderStatus status,
                List<Ticket> tickets,
                List<Payment> payments,
                Optional<RefundRequest> refundRequest) {
            return new OrderView(
                    o.code(),
                    status,
                    o.channel().name(),
                    o.performanceId(),
                    o.email(),
                    o.name(),
                    o.phone(),
                    o.total(),
                    o.paymentMethod(),
                    o.paymentDueAt(),
                    o.createdAt(),
                    o.paidAt(),
                    o.closedAt(),
                    o.items().stream().map(ItemView::of).toList(),
                    tickets.stream().map(t -> TicketView.of(o.code(), t)).toList(),
                    tickets.stream().anyMatch(Ticket::valid) ? OrderFiles.of(o.code()) : null,
                    payments.stream().map(PaymentView::of).toList(),
                    refundRequest.map(RefundRequestView::of).orElse(null));
        }
    }

    /** The buyer's latest refund request and the organizer's answer. */
    record RefundRequestView(
            String status, String reason, Instant createdAt, Instant decidedAt, String note) {
        static RefundRequestView of(RefundRequest r) {
            return new RefundRequestView(
                    r.status(), r.reason(), r.createdAt(), r.decidedAt(), r.note());
        }
    }

    record ItemView(
            long unitId,
            String seatId,
            String seat,
            long zoneId,
            String zone,
            Money price,
            String status) {
        static ItemView of(OrderItem i) {
            return new ItemView(
                    i.unitId(),
                    i.seatId(),
                    i.seatLabel(),
                    i.zoneId(),
                    i.zoneName(),
                    i.price(),
                    i.status());
        }
    }

    /**
     * A ticket; {@code qr} is the signed text its QR code carries (null once revoked) and {@code
     * files} where to download it, relative to the server.
     */
    record TicketView(
            String id,
            String seatId,
            String seat,
            String zone,
            String holder,
            String status,
            String revokedReason,
            Instant validFrom,
            Instant validUntil,
            String qr,
            TicketFiles files) {
        static TicketView of(String orderCode, Ticket t) {
            return new TicketView(
                    t.code(),
                    t.seatId(),
                    t.seatLabel(),
                    t.zoneName(),
                    t.holderName(),
                    t.status().name(),
                    t.revokedReason(),
                    t.validFrom(),
                    t.validUntil(),
                    t.valid() ? t.qr() : null,
                    t.valid() ? TicketFiles.of(orderCode, t.code()) : null);
        }
    }

    /** Where to download every valid ticket of the order and its calendar entry. */
    record OrderFiles(String pdf, String calendar) {
        static OrderFiles of(String orderCode) {
            String base = "/api/v1/orders/" + orderCode;
            return new OrderFiles(base + "/tickets.pdf", base + "/calendar.ics");
        }
    }

    record TicketFiles(String pdf, String qrPng, String qrSvg) {
        static TicketFiles of(String orderCode, String ticketCode) {
            String base = "/api/v1/orders/" + orderCode + "/tickets/" + ticketCode;
            return new TicketFiles(base + ".pdf", base + "/qr.png", base + "/qr.svg");
        }
    }

    record PaymentView(
            String id,
            String method,
            Money amount,
            String status,
            Money refunded,
            Instant createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(
                    p.code(),
                    p.method(),
                    p.amount(),
                    p.status().name(),
                    p.refunded(),
                    p.createdAt());
        }
    }

    /** Where to send the buyer to pay; an absolute URL so API clients can open it as is. */
    record PaymentLink(String id, String status, String redirectUrl) {
        static PaymentLink of(PaymentStarted started, String returnUrl) {
            String url = null;
            if (started.redirectUrl() != null) {
                var builder =
                        ServletUriComponentsBuilder.fromCurrentContextPath()
                                .path(started.redirectUrl());
                if (returnUrl != null) {
                    builder.queryParam("returnUrl", returnUrl);
                }
                url = builder.build().encode().toUriString();
            }
            return new PaymentLink(started.code(), started.status().name(), url);
        }
    }
}
