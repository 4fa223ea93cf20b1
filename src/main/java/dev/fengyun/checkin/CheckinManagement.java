package dev.fengyun.checkin;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Zone;
import dev.fengyun.checkin.ScanOutcome.ScannedTicket;
import dev.fengyun.checkin.internal.CheckinLists;
import dev.fengyun.checkin.internal.Checkins;
import dev.fengyun.ordering.OrderDesk;
import dev.fengyun.ordering.OrderStatus;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.NotFound;
import dev.fengyun.ticketing.Ticket;
import dev.fengyun.ticketing.TicketKey;
import dev.fengyun.ticketing.TicketPayload;
import dev.fengyun.ticketing.TicketingManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The check-in module's entry point: lists, scans, live counts and offline packs. */
@Service
public class CheckinManagement {

    /** A ticket's own code, typed in when its QR code cannot be read. */
    private static final Pattern TICKET_CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{16}");

    private final CheckinLists lists;
    private final Checkins checkins;
    private final CatalogManagement catalog;
    private final TicketingManagement ticketing;
    private final OrderDesk orders;
    private final JsonMapper json;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    CheckinManagement(
            CheckinLists lists,
            Checkins checkins,
            CatalogManagement catalog,
            TicketingManagement ticketing,
            OrderDesk orders,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.lists = lists;
        this.checkins = checkins;
        this.catalog = catalog;
        this.ticketing = ticketing;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
    }

    // --- lists ----------------------------------------------------------------------------

    @Transactional
    public CheckinList createList(long organizerId, CheckinListDraft draft) {
        validate(organizerId, draft);
        return lists.insert(organizerId, draft);
    }

    @Transactional
    public CheckinList updateList(long organizerId, long listId, CheckinListDraft draft) {
        CheckinList list = list(organizerId, listId);
        CheckinListDraft changed =
                new CheckinListDraft(
                        list.performanceId(),
                        draft.name(),
                        draft.zoneIds(),
                        draft.exits(),
                        draft.reentry());
        validate(organizerId, changed);
        lists.update(organizerId, listId, changed);
        return list(organizerId, listId);
    }

    @Transactional
    public void deleteList(long organizerId, long listId) {
        if (!lists.delete(organizerId, listId)) {
            throw listNotFound(listId);
        }
    }

    public List<CheckinList> lists(long organizerId, Long performanceId) {
        return lists.ofPerformance(organizerId, performanceId);
    }

    /**
     * @throws NotFound ({@code CHECKIN_LIST_NOT_FOUND})
     */
    public CheckinList list(long organizerId, long listId) {
        return lists.find(organizerId, listId).orElseThrow(() -> listNotFound(listId));
    }

    // --- scans ----------------------------------------------------------------------------

    /**
     * Checks a ticket in (or out) on a list: {@code listId}, or the performance's default list
     * (admitting every zone, created by the first scan that names only the performance). The same
     * nonce always gets the same answer; of any number of simultaneous first scans of one ticket
     * exactly one is OK.
     */
    @Transactional
    public ScanOutcome scan(long organizerId, ScanRequest request) {
        String nonce =
                request.nonce() == null || request.nonce().isBlank() ? null : request.nonce();
        if (nonce != null) {
            checkins.lockNonce(organizerId, nonce);
            Optional<String> answered = checkins.answered(organizerId, nonce);
            if (answered.isPresent()) {
                return json.readValue(answered.get(), ScanOutcome.class);
            }
        }
        CheckinList list = listFor(organizerId, request);
        Direction direction = request.direction() == null ? Direction.IN : request.direction();
        if (direction == Direction.OUT && !list.exits()) {
            throw new InvalidInput(
                    "direction", "NoExits", "list " + list.id() + " does not scan exits");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        Instant at =
                request.scannedAt() == null || request.scannedAt().isAfter(now)
                        ? now
                        : request.scannedAt().truncatedTo(ChronoUnit.MICROS);
        Decision decision = decide(organizerId, list, direction, at, request.code());
        checkins.log(
                organizerId,
                list.id(),
                decision.ticketId(),
                nonce,
                direction.name(),
                decision.outcome().result().name(),
                request.deviceId(),
                at,
                json.writeValueAsString(decision.outcome()));
        ScanOutcome outcome = decision.outcome();
        if (outcome.result() == ScanResult.OK
                && outcome.reason() == null
                && direction == Direction.IN) {
            events.publishEvent(
                    new TicketCheckedIn(
                            organizerId,
                            outcome.ticket().performanceId(),
                            outcome.ticket().id(),
                            list.id(),
                            at));
        }
        return outcome;
    }

    /** What a scan decided, and the ticket's row id for the scan log (null when none matched). */
    private record Decision(ScanOutcome outcome, Long ticketId) {}

    private Decision decide(
            long organizerId, CheckinList list, Direction direction, Instant at, String rawCode) {
        String code = rawCode == null ? "" : rawCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        Optional<Ticket> found;
        if (TICKET_CODE.matcher(code).matches()) {
            found = ticketing.byCode(code).filter(t -> t.organizerId() == organizerId);
        } else {
            found =
                    ticketing
                            .verify(organizerId, code)
                            .map(TicketPayload::ticketCode)
                            .flatMap(ticketing::byCode);
        }
        if (found.isEmpty()) {
            return outcome(ScanResult.INVALID, null, null, null, list, direction, at);
        }
        Ticket ticket = found.get();
        if (!ticket.valid()) {
            return outcome(
                    ScanResult.REVOKED, ticket.revokedReason(), ticket, null, list, direction, at);
        }
        if (orders.status(ticket.orderId()).filter(s -> s == OrderStatus.PAID).isEmpty()) {
            return outcome(ScanResult.UNPAID, null, ticket, null, list, direction, at);
        }
        if (ticket.performanceId() != list.performanceId()) {
            return outcome(ScanResult.WRONG_PERFORMANCE, null, ticket, null, list, direction, at);
        }
        if (!list.admits(ticket.zoneId())) {
            return outcome(
                    ScanResult.WRONG_PERFORMANCE,
                    "ZONE_NOT_ADMITTED",
                    ticket,
                    null,
                    list,
                    direction,
                    at);
        }
        if (at.isBefore(ticket.validFrom())) {
            return outcome(ScanResult.NOT_YET_VALID, null, ticket, null, list, direction, at);
        }
        if (at.isAfter(ticket.validUntil())) {
            return outcome(ScanResult.EXPIRED, null, ticket, null, list, direction, at);
        }
        if (direction == Direction.OUT) {
            boolean left = checkins.move(list.id(), ticket.id(), false, at);
            Instant first = checkins.firstCheckedIn(list.id(), ticket.id()).orElse(null);
            return left
                    ? outcome(ScanResult.OK, null, ticket, first, list, direction, at)
                    : outcome(ScanResult.INVALID, "NOT_INSIDE", ticket, first, list, direction, at);
        }
        if (checkins.enterFirst(list.id(), ticket.id(), ticket.code(), at)) {
            return outcome(ScanResult.OK, null, ticket, at, list, direction, at);
        }
        Instant first = checkins.firstCheckedIn(list.id(), ticket.id()).orElseThrow();
        if (list.reentry() && checkins.move(list.id(), ticket.id(), true, at)) {
            return outcome(ScanResult.OK, "REENTRY", ticket, first, list, direction, at);
        }
        return outcome(ScanResult.ALREADY_CHECKED_IN, null, ticket, first, list, direction, at);
    }

    private static Decision outcome(
            ScanResult result,
            String reason,
            Ticket ticket,
            Instant firstCheckedInAt,
            CheckinList list,
            Direction direction,
            Instant at) {
        ScannedTicket shown =
                ticket == null
                        ? null
                        : new ScannedTicket(
                                ticket.code(),
                                ticket.performanceId(),
                                ticket.zoneName(),
                                ticket.seatLabel(),
                                ticket.holderName(),
                                ticket.status().name());
        return new Decision(
                new ScanOutcome(result, reason, shown, firstCheckedInAt, list.id(), direction, at),
                ticket == null ? null : ticket.id());
    }

    private CheckinList listFor(long organizerId, ScanRequest request) {
        if (request.listId() != null) {
            CheckinList list = list(organizerId, request.listId());
            if (request.performanceId() != null
                    && request.performanceId() != list.performanceId()) {
                throw new InvalidInput(
                        "performanceId",
                        "Mismatch",
                        "list " + list.id() + " is for performance " + list.performanceId());
            }
            return list;
        }
        if (request.performanceId() == null) {
            throw new InvalidInput("listId", "NotNull", "give listId or performanceId");
        }
        catalog.performance(organizerId, request.performanceId());
        return lists.defaultFor(organizerId, request.performanceId());
    }

    // --- figures and offline packs ------------------------------------------------------------

    public CheckinCounts counts(long organizerId, long listId) {
        CheckinList list = list(organizerId, listId);
        long[] checkedInAndInside = checkins.checkedInAndInside(listId);
        return new CheckinCounts(
                listId,
                ticketing.countValid(list.performanceId(), list.zoneIds()),
                checkedInAndInside[0],
                checkedInAndInside[1],
                checkins.gates(listId));
    }

    /** Everything a scanner needs to decide without a network, as of now. */
    public OfflinePack offlinePack(long organizerId, long listId) {
        CheckinList list = list(organizerId, listId);
        Performance performance = catalog.performance(organizerId, list.performanceId());
        return new OfflinePack(
                list,
                performance.startsAt(),
                performance.zones().stream()
                        .map(z -> new OfflinePack.PackZone(z.id(), z.name(), list.admits(z.id())))
                        .toList(),
                ticketing.publishedKeys(organizerId),
                ticketing.revokedCodes(list.performanceId()),
                checkins.entries(listId),
                clock.instant());
    }

    /** A list's offline pack: keys verify signatures, the rest decides what a valid code gets. */
    public record OfflinePack(
            CheckinList list,
            Instant startsAt,
            List<PackZone> zones,
            List<TicketKey> keys,
            List<String> revoked,
            List<CheckedInTicket> checkedIn,
            Instant generatedAt) {

        public record PackZone(long id, String name, boolean admitted) {}
    }

    private void validate(long organizerId, CheckinListDraft draft) {
        Performance performance = catalog.performance(organizerId, draft.performanceId());
        if (draft.zoneIds() != null) {
            var known = new HashSet<Long>();
            performance.zones().stream().map(Zone::id).forEach(known::add);
            List<Long> unknown = draft.zoneIds().stream().filter(z -> !known.contains(z)).toList();
            if (draft.zoneIds().isEmpty() || !unknown.isEmpty()) {
                throw new InvalidInput(
                        "zoneIds",
                        "Unknown",
                        draft.zoneIds().isEmpty()
                                ? "must name at least one zone, or be left out for all zones"
                                : "not zones of performance " + performance.id() + ": " + unknown);
            }
        }
        if (draft.reentry() && !draft.exits()) {
            throw new InvalidInput(
                    "reentry", "NeedsExits", "re-entry needs exits to be scanned (exits: true)");
        }
    }

    private static NotFound listNotFound(long listId) {
        return new NotFound("CHECKIN_LIST_NOT_FOUND", "No check-in list " + listId + ".");
    }
}
