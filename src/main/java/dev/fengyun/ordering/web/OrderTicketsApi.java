package dev.fengyun.ordering.web;

import dev.fengyun.ordering.Checkout;
import dev.fengyun.ordering.Order;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.NotFound;
import dev.fengyun.storage.ObjectStore;
import dev.fengyun.ticketing.QrCodes;
import dev.fengyun.ticketing.Ticket;
import dev.fengyun.ticketing.TicketDocuments;
import dev.fengyun.ticketing.TicketingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A paid order's tickets as files (QR PNG/SVG, PDF, calendar) and their transfer. Access as for the
 * order itself ({@link OrderAccess}): its access token or a pass (the {@code Authorization} header,
 * {@code access_token} in the query for links a browser opens, RFC 6750 §2.3, or the browser's pass
 * cookie), or the signed-in account that placed it.
 */
@RestController
@Tag(name = "Orders")
class OrderTicketsApi {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final MediaType CALENDAR =
            MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private static final Duration PDF_LINK_VALIDITY = Duration.ofHours(1);

    private final Checkout checkout;
    private final TicketingManagement ticketing;
    private final TicketDocuments documents;
    private final Clock clock;
    private final ObjectStore objects;

    OrderTicketsApi(
            Checkout checkout,
            TicketingManagement ticketing,
            TicketDocuments documents,
            Clock clock,
            ObjectStore objects) {
        this.objects = objects;
        this.checkout = checkout;
        this.ticketing = ticketing;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/api/v1/orders/{code}/tickets.pdf")
    @Operation(summary = "All valid tickets of the order as one PDF, a page each")
    ResponseEntity<byte[]> orderPdf(@PathVariable String code, OrderAccess access) {
        Order order = access.order(checkout, code);
        return file(PDF, code + ".pdf", storedPdf(order).content());
    }

    /** A link to the order's ticket PDF that works for an hour without any credential. */
    record PdfLink(String url, Instant expiresAt) {}

    @GetMapping("/api/v1/orders/{code}/tickets.pdf/link")
    @Operation(
            summary =
                    "A signed link to the tickets PDF, valid for an hour, to open or share without a token")
    PdfLink orderPdfLink(@PathVariable String code, OrderAccess access) {
        Order order = access.order(checkout, code);
        String key = storedPdf(order).key();
        return new PdfLink(
                objects.signedUrl(key, PDF_LINK_VALIDITY), clock.instant().plus(PDF_LINK_VALIDITY));
    }

    private TicketDocuments.StoredPdf storedPdf(Order order) {
        return documents.storedPdf(order.code(), validTickets(order));
    }

    @GetMapping("/api/v1/orders/{code}/tickets/{ticketId}.pdf")
    @Operation(summary = "One ticket as a PDF")
    ResponseEntity<byte[]> ticketPdf(
            @PathVariable String code, @PathVariable String ticketId, OrderAccess access) {
        Order order = access.order(checkout, code);
        return file(
                PDF,
                code + "-" + ticketId + ".pdf",
                documents.pdf(code, List.of(validTicket(order, ticketId))));
    }

    @GetMapping("/api/v1/orders/{code}/tickets/{ticketId}/qr.png")
    @Operation(summary = "A ticket's QR code as PNG (scale: pixels per module, 1–20)")
    ResponseEntity<byte[]> qrPng(
            @PathVariable String code,
            @PathVariable String ticketId,
            @RequestParam(defaultValue = "8") int scale,
            OrderAccess access) {
        if (scale < 1 || scale > 20) {
            throw new InvalidInput("scale", "Range", "must be between 1 and 20");
        }
        Ticket ticket = validTicket(access.order(checkout, code), ticketId);
        return inline(MediaType.IMAGE_PNG, QrCodes.png(ticket.qr(), scale));
    }

    @GetMapping("/api/v1/orders/{code}/tickets/{ticketId}/qr.svg")
    @Operation(summary = "A ticket's QR code as SVG")
    ResponseEntity<byte[]> qrSvg(
            @PathVariable String code, @PathVariable String ticketId, OrderAccess access) {
        Ticket ticket = validTicket(access.order(checkout, code), ticketId);
        return inline(SVG, QrCodes.svg(ticket.qr()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/orders/{code}/calendar.ics")
    @Operation(summary = "The performance as an iCalendar event")
    ResponseEntity<byte[]> calendar(@PathVariable String code, OrderAccess access) {
        Order order = access.order(checkout, code);
        String ics = documents.ics(code, validTickets(order), clock.instant());
        return file(CALENDAR, code + ".ics", ics.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/api/v1/orders/{code}/tickets/{ticketId}/transfer")
    @Operation(
            summary =
                    "Give a ticket to someone else: its code is revoked and a new ticket is issued to them")
    ResponseEntity<OrderViews.TicketView> transfer(
            @PathVariable String code,
            @PathVariable String ticketId,
            OrderAccess access,
            @Valid @RequestBody TransferRequest request) {
        Order order = access.order(checkout, code);
        Ticket renewed =
                ticketing.transfer(order.id(), ticketId, request.name().strip(), request.email());
        return ResponseEntity.status(201).body(OrderViews.TicketView.of(order.code(), renewed));
    }

    record TransferRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email) {}

    private List<Ticket> validTickets(Order order) {
        List<Ticket> valid = ticketing.ofOrder(order.id()).stream().filter(Ticket::valid).toList();
        if (valid.isEmpty()) {
            throw new Conflict(
                    "NO_VALID_TICKETS", "Order " + order.code() + " has no valid tickets.");
        }
        return valid;
    }

    private Ticket validTicket(Order order, String ticketId) {
        Ticket ticket =
                ticketing.ofOrder(order.id()).stream()
                        .filter(t -> t.code().equals(ticketId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "TICKET_NOT_FOUND",
                                                "No ticket " + ticketId + " in this order."));
        if (!ticket.valid()) {
            throw new Conflict(
                    "TICKET_NOT_VALID",
                    "Ticket "
                            + ticketId
                            + " was "
                            + ticket.revokedReason().toLowerCase(Locale.ROOT)
                            + ".");
        }
        return ticket;
    }

    private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static ResponseEntity<byte[]> inline(MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
