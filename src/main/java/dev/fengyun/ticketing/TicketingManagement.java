package dev.fengyun.ticketing;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.platform.Base32;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.ticketing.internal.SigningKeys;
import dev.fengyun.ticketing.internal.Tickets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticketing module's entry point: issuing, signing, revoking, transferring and reading
 * e-tickets, and the organizers' signing keys.
 */
@Service
public class TicketingManagement {

    /** A ticket admits from this long before doors open (or the start, without a doors time)… */
    public static final Duration VALID_BEFORE_DOORS = Duration.ofHours(6);

    /** …until this long after the performance ends. */
    public static final Duration VALID_AFTER_END = Duration.ofHours(6);

    private static final int CODE_LENGTH = 16;

    private final Tickets tickets;
    private final SigningKeys keys;
    private final CatalogManagement catalog;
    private final Storefront storefront;
    private final ApplicationEventPublisher events;

    TicketingManagement(
            Tickets tickets,
            SigningKeys keys,
            CatalogManagement catalog,
            Storefront storefront,
            ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.keys = keys;
        this.catalog = catalog;
        this.storefront = storefront;
        this.events = events;
    }

    /** Issues and signs one ticket per item, in the caller's (order-paid) transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(List<NewTicket> newTickets) {
        if (newTickets.isEmpty()) {
            return;
        }
        NewTicket first = newTickets.get(0);
        // The storefront's brief copy saves a query on the payment path; the times it carries are
        // fixed once a performance is published.
        Performance performance =
                storefront
                        .saleTerms(first.performanceId())
                        .orElseGet(
                                () ->
                                        catalog.performance(
                                                first.organizerId(), first.performanceId()));
        Instant validFrom = validFrom(performance);
        Instant validUntil = validUntil(performance);
        TicketKey key = keys.signing(first.organizerId());
        List<Tickets.Signed> signed =
                newTickets.stream().map(t -> signNew(key, t, validFrom, validUntil)).toList();
        tickets.insert(signed, validFrom, validUntil);
    }

    /** Revokes the tickets of these order items (refunded); returns how many were valid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int revokeForItems(Collection<Long> orderItemIds) {
        return tickets.revokeItems(orderItemIds);
    }

    /** The order's tickets, valid ones with their signed QR text. */
    @Transactional
    public List<Ticket> ofOrder(long orderId) {
        return tickets.ofOrder(orderId).stream().map(this::withQr).toList();
    }

    public Optional<Ticket> byCode(String code) {
        return tickets.byCode(code).map(this::withQr);
    }

    /**
     * Gives a ticket a new holder: the old ticket is revoked (TRANSFERRED) and a new one, with a
     * new code and QR, is issued for the same seat. The caller has authorised access to the order.
     *
     * @throws NotFound ({@code TICKET_NOT_FOUND}) unless the ticket belongs to the order
     * @throws Conflict ({@code TICKET_NOT_VALID}) when it was refunded or transferred already
     */
    @Transactional
    public Ticket transfer(long orderId, String ticketCode, String holderName, String holderEmail) {
        Ticket old =
                tickets.byCode(ticketCode)
                        .filter(t -> t.orderId() == orderId)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "TICKET_NOT_FOUND",
                                                "No ticket " + ticketCode + " in this order."));
        if (!tickets.revokeTransferred(old.id())) {
            throw new Conflict(
                    "TICKET_NOT_VALID",
                    "Ticket " + ticketCode + " was refunded or transferred already.");
        }
        NewTicket renewed =
                new NewTicket(
                        old.orderId(),
                        old.orderItemId(),
                        old.organizerId(),
                        old.performanceId(),
                        old.unitId(),
                        old.zoneId(),
                        old.zoneName(),
                        old.seatId(),
                        old.seatLabel(),
                        holderName,
                        holderEmail.toLowerCase(Locale.ROOT));
        Tickets.Signed signed =
                signNew(
                        keys.signing(old.organizerId()),
                        renewed,
                        old.validFrom(),
                        old.validUntil());
        long id = tickets.insert(List.of(signed), old.validFrom(), old.validUntil()).get(0);
        tickets.linkReplacement(old.id(), id);
        events.publishEvent(
                new TicketTransferred(
                        id, old.orderId(), old.organizerId(), holderName, renewed.holderEmail()));
        return tickets.byCode(signed.code()).orElseThrow();
    }

    /**
     * The payload of a QR text if it is well formed and signed by one of the organizer's keys that
     * has not been retired; empty for anything else (forged, tampered, another organizer's).
     */
    public Optional<TicketPayload> verify(long organizerId, String qrText) {
        byte[] bytes;
        try {
            bytes = Base32.RFC_4648.decode(qrText);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != TicketPayload.LENGTH + TicketPayload.SIGNATURE_LENGTH) {
            return Optional.empty();
        }
        TicketPayload payload;
        try {
            payload = TicketPayload.parse(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] message = Arrays.copyOf(bytes, TicketPayload.LENGTH);
        byte[] signature = Arrays.copyOfRange(bytes, TicketPayload.LENGTH, bytes.length);
        return keys.find(payload.keyId())
                .filter(k -> k.organizerId() == organizerId)
                .filter(k -> k.status() != TicketKeyStatus.RETIRED)
                .filter(k -> keys.verify(k, message, signature))
                .map(k -> payload);
    }

    /** Keys that verify tickets (signing and verifying), newest first. */
    public List<TicketKey> publishedKeys(long organizerId) {
        keys.signing(organizerId);
        return keys.of(organizerId).stream()
                .filter(k -> k.status() != TicketKeyStatus.RETIRED)
                .toList();
    }

    public List<TicketKey> keys(long organizerId) {
        return keys.of(organizerId);
    }

    /** Starts signing new tickets with a new key; the previous key keeps verifying. */
    @Transactional
    public TicketKey rotateKey(long organizerId) {
        return keys.rotate(organizerId);
    }

    /**
     * Retires a verifying key. Valid tickets it signed are re-signed with the current key first, so
     * retiring never turns a good ticket away; their QR codes change.
     *
     * @throws NotFound ({@code TICKET_KEY_NOT_FOUND})
     * @throws Conflict ({@code TICKET_KEY_SIGNING}) for the key that signs new tickets
     */
    @Transactional
    public int retireKey(long organizerId, String kid) {
        TicketKey key =
                keys.of(organizerId).stream()
                        .filter(k -> k.kid().equals(kid))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "TICKET_KEY_NOT_FOUND",
                                                "No ticket key " + kid + "."));
        if (key.status() == TicketKeyStatus.SIGNING) {
            throw new Conflict(
                    "TICKET_KEY_SIGNING",
                    "Key " + kid + " signs new tickets; rotate to a new key before retiring it.");
        }
        TicketKey current = keys.signing(organizerId);
        List<Ticket> resign = tickets.validSignedWith(organizerId, key.id());
        for (Ticket ticket : resign) {
            tickets.setSigned(
                    ticket.id(),
                    sign(current, payloadOf(ticket, current)),
                    current.id(),
                    ticket.validFrom(),
                    ticket.validUntil());
        }
        keys.retire(organizerId, key.id());
        return resign.size();
    }

    /** How many valid tickets a performance has in these zones (null: all zones). */
    public long countValid(long performanceId, List<Long> zoneIds) {
        return tickets.countValid(performanceId, zoneIds);
    }

    /** Codes of a performance's revoked tickets. */
    public List<String> revokedCodes(long performanceId) {
        return tickets.revokedCodes(performanceId);
    }

    static Instant validFrom(Performance performance) {
        Instant opens =
                performance.doorsOpenAt() != null
                        ? performance.doorsOpenAt()
                        : performance.startsAt();
        return opens.minus(VALID_BEFORE_DOORS);
    }

    static Instant validUntil(Performance performance) {
        return performance.effectiveEnd().plus(VALID_AFTER_END);
    }

    /**
     * Valid tickets without a QR text (issued before signing existed, or by the previous release
     * during a rolling upgrade) are given their validity window and signed on first read.
     */
    private Ticket withQr(Ticket ticket) {
        if (ticket.qr() != null || !ticket.valid()) {
            return ticket;
        }
        Instant validFrom = ticket.validFrom();
        Instant validUntil = ticket.validUntil();
        if (validFrom == null || validUntil == null) {
            Performance performance =
                    catalog.performance(ticket.organizerId(), ticket.performanceId());
            validFrom = validFrom(performance);
            validUntil = validUntil(performance);
        }
        TicketKey key = keys.signing(ticket.organizerId());
        TicketPayload payload =
                new TicketPayload(
                        key.id(),
                        ticket.code(),
                        ticket.performanceId(),
                        ticket.zoneId(),
                        ticket.unitId(),
                        validFrom,
                        validUntil);
        tickets.setSigned(ticket.id(), sign(key, payload), key.id(), validFrom, validUntil);
        return tickets.byCode(ticket.code()).orElseThrow();
    }

    /** A new ticket with a fresh code, signed with {@code key}. */
    private Tickets.Signed signNew(
            TicketKey key, NewTicket ticket, Instant validFrom, Instant validUntil) {
        String code = RandomCodes.code(CODE_LENGTH);
        TicketPayload payload =
                new TicketPayload(
                        key.id(),
                        code,
                        ticket.performanceId(),
                        ticket.zoneId(),
                        ticket.unitId(),
                        validFrom,
                        validUntil);
        return new Tickets.Signed(ticket, code, sign(key, payload), key.id());
    }

    private static TicketPayload payloadOf(Ticket ticket, TicketKey key) {
        return new TicketPayload(
                key.id(),
                ticket.code(),
                ticket.performanceId(),
                ticket.zoneId(),
                ticket.unitId(),
                ticket.validFrom(),
                ticket.validUntil());
    }

    private String sign(TicketKey key, TicketPayload payload) {
        byte[] message = payload.bytes();
        byte[] signature = keys.sign(key, message);
        return Base32.RFC_4648.encode(
                ByteBuffer.allocate(message.length + signature.length)
                        .put(message)
                        .put(signature)
                        .array());
    }
}
