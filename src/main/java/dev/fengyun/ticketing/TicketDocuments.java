package dev.fengyun.ticketing;

import dev.fengyun.catalog.PerformanceDetails;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.platform.Digests;
import dev.fengyun.storage.ObjectStore;
import dev.fengyun.storage.StoredObject;
import dev.fengyun.ticketing.internal.TicketPdf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** What a buyer downloads: ticket PDFs and a calendar entry. */
@Service
public class TicketDocuments {

    private static final DateTimeFormatter ICS_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Storefront storefront;
    private final TicketPdf pdf;

    private final ObjectStore objects;

    TicketDocuments(Storefront storefront, TicketPdf pdf, ObjectStore objects) {
        this.storefront = storefront;
        this.pdf = pdf;
        this.objects = objects;
    }

    /** An order's ticket PDF as kept in the object store, under {@code key}. */
    public record StoredPdf(String key, byte[] content) {}

    /**
     * The PDF of these tickets of an order from the object store, rendered and stored the first
     * time for this set of tickets (a refund or transfer changes the set, and so the key). The
     * buyer's download, its shareable link and the confirmation e-mail all use this one copy.
     */
    public StoredPdf storedPdf(String orderCode, List<Ticket> tickets) {
        String fingerprint =
                HexFormat.of()
                        .formatHex(
                                Digests.sha256(
                                        String.join(
                                                ",", tickets.stream().map(Ticket::code).toList())))
                        .substring(0, 20);
        String key = "tickets/" + orderCode.toLowerCase(Locale.ROOT) + "/" + fingerprint + ".pdf";
        byte[] content = objects.get(key).map(StoredObject::content).orElse(null);
        if (content == null) {
            content = pdf(orderCode, tickets);
            objects.put(key, content, "application/pdf");
        }
        return new StoredPdf(key, content);
    }

    /** One page per ticket: event, performance, venue, seat or zone, holder, order code, QR. */
    public byte[] pdf(String orderCode, List<Ticket> tickets) {
        return pdf.render(
                storefront.performance(tickets.get(0).performanceId()), orderCode, tickets);
    }

    /** An iCalendar (RFC 5545) file with the performance as one event. */
    public String ics(String orderCode, List<Ticket> tickets, Instant now) {
        PerformanceDetails details = storefront.performance(tickets.get(0).performanceId());
        var performance = details.performance();
        var venue = details.venue();
        StringBuilder description = new StringBuilder("Order " + orderCode);
        for (Ticket ticket : tickets) {
            description
                    .append("\n")
                    .append(ticket.zoneName())
                    .append(ticket.seatLabel() != null ? " " + ticket.seatLabel() : "")
                    .append(" (")
                    .append(ticket.code())
                    .append(")");
        }
        String location =
                String.join(
                        ", ",
                        Stream.of(venue.name(), venue.address(), venue.city())
                                .filter(s -> s != null && !s.isBlank())
                                .toList());
        List<String> lines =
                List.of(
                        "BEGIN:VCALENDAR",
                        "VERSION:2.0",
                        "PRODID:-//Fengyun//Tickets//EN",
                        "CALSCALE:GREGORIAN",
                        "METHOD:PUBLISH",
                        "BEGIN:VEVENT",
                        "UID:" + orderCode + "-" + performance.id() + "@fengyun",
                        "DTSTAMP:" + ICS_TIME.format(now),
                        "DTSTART:" + ICS_TIME.format(performance.startsAt()),
                        "DTEND:" + ICS_TIME.format(performance.effectiveEnd()),
                        "SUMMARY:" + escape(details.event().title()),
                        "LOCATION:" + escape(location),
                        "DESCRIPTION:" + escape(description.toString()),
                        "STATUS:CONFIRMED",
                        "END:VEVENT",
                        "END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(fold(line));
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1). */
    private static String fold(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size =
                    new String(Character.toChars(codePoint))
                            .getBytes(StandardCharsets.UTF_8)
                            .length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.append("\r\n").toString();
    }
}
