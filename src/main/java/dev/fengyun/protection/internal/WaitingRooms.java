package dev.fengyun.protection.internal;

import dev.fengyun.platform.Forbidden;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.RandomCodes;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Visitors in waiting rooms. Joining writes one row; everything after is answered from {@link
 * ProtectionState} and the visitor's own signed token, which carries their place (once known) and
 * when they were admitted, so polls cost no database work.
 *
 * <p>An admitted visitor gets admission tokens: single-use, valid for {@link #ADMISSION_VALIDITY},
 * bound to the visitor (a hold must show both) and issued until their admission window closes.
 */
@Component
public class WaitingRooms {

    /** How long one admission token stays good: long enough to choose seats, short to resell. */
    public static final Duration ADMISSION_VALIDITY = Duration.ofMinutes(2);

    private final ProtectionState state;
    private final JoinBatcher joins;
    private final ProtectionStore store;
    private final Tokens tokens;
    private final Clock clock;

    WaitingRooms(
            ProtectionState state,
            JoinBatcher joins,
            ProtectionStore store,
            Tokens tokens,
            Clock clock) {
        this.state = state;
        this.joins = joins;
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    public enum Stage {
        /**
         * Before the start: everyone here now will be shuffled into a random order at the start.
         */
        PRE_QUEUE,
        /** In the queue; position and estimated wait known once the visitor has a number. */
        WAITING,
        /** May hold seats until {@code admittedUntil}. */
        ADMITTED,
        /** The admission window passed; join again to queue anew. */
        EXPIRED
    }

    /** A visitor's signed token: who they are, their number once known, when they were let in. */
    public record Visitor(long performanceId, UUID id, long number, long admittedAt) {
        boolean numbered() {
            return number != Protection.UNNUMBERED;
        }
    }

    /** Where a visitor stands; {@code renewed} when {@code token} differs from the one shown. */
    public record Status(
            Visitor visitor,
            String token,
            boolean renewed,
            Stage stage,
            Instant startsAt,
            long position,
            long estimatedWaitSeconds,
            Instant admittedUntil) {}

    /** The waiting room of a performance, if it has one. */
    public Optional<Protection> room(long performanceId) {
        return state.of(performanceId).filter(Protection::hasWaitingRoom);
    }

    public Status join(long performanceId) {
        Protection room =
                room(performanceId)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "NO_WAITING_ROOM",
                                                "This performance has no waiting room."));
        // Unique, not secret: a visitor is known by their signed token, never by this id alone.
        // (UUID.randomUUID shares one SecureRandom, a point of contention in a rush of joins.)
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID id = new UUID(random.nextLong(), random.nextLong());
        long number =
                joins.join(performanceId, id)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "NO_WAITING_ROOM",
                                                "This performance has no waiting room."));
        return status(room, new Visitor(performanceId, id, number, 0), null);
    }

    /**
     * Where the visitor stands now. The answer's token replaces {@code token} (theirs, null when
     * new) when their place or admission became known.
     */
    public Status status(Protection room, Visitor visitor, String token) {
        Visitor shown = visitor;
        Instant now = clock.instant();
        if (now.isBefore(room.queueStartsAt())) {
            return answer(room, shown, token, visitor, Stage.PRE_QUEUE, -1, -1, null);
        }
        if (!visitor.numbered() && room.shuffled()) {
            Optional<Long> number = state.shuffledNumber(room, visitor.id());
            if (number.isPresent()) {
                visitor = new Visitor(visitor.performanceId(), visitor.id(), number.get(), 0);
            }
        }
        if (!visitor.numbered()) {
            return answer(room, shown, token, visitor, Stage.WAITING, -1, -1, null); // placing
        }
        long rank = room.rank(visitor.number());
        long released = room.released();
        if (visitor.admittedAt() == 0 && rank > released) {
            long position = rank - released;
            return answer(
                    room,
                    shown,
                    token,
                    visitor,
                    Stage.WAITING,
                    position,
                    room.secondsFor(position),
                    null);
        }
        long admittedAt = visitor.admittedAt() == 0 ? now.getEpochSecond() : visitor.admittedAt();
        visitor = new Visitor(visitor.performanceId(), visitor.id(), visitor.number(), admittedAt);
        Instant until =
                Instant.ofEpochSecond(admittedAt).plus(Duration.ofMinutes(room.admissionMinutes()));
        Stage stage = now.isBefore(until) ? Stage.ADMITTED : Stage.EXPIRED;
        return answer(room, shown, token, visitor, stage, 0, 0, until);
    }

    /**
     * An admission token for a visitor whose turn it is. Their admission window runs from the first
     * time they ask (recorded in the database, so a visitor cannot stretch it by showing an older
     * token).
     */
    public String admit(Protection room, Visitor visitor) {
        Status status = status(room, visitor, null);
        if (status.stage() != Stage.ADMITTED) {
            throw new Forbidden(
                    "ADMISSION_REQUIRED",
                    "It is not your turn yet; keep your place in the waiting room.");
        }
        Instant admittedAt =
                store.admittedAt(room.performanceId(), visitor.id())
                        .orElseThrow(
                                () ->
                                        new Forbidden(
                                                "ADMISSION_REQUIRED",
                                                "The waiting room does not know you (any more);"
                                                        + " join it again."));
        Instant until = admittedAt.plus(Duration.ofMinutes(room.admissionMinutes()));
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            throw new Forbidden(
                    "ADMISSION_REQUIRED",
                    "Your turn in the waiting room has passed; join the queue again.");
        }
        Instant expiresAt = now.plus(ADMISSION_VALIDITY);
        if (until.isBefore(expiresAt)) {
            expiresAt = until;
        }
        ByteBuffer payload = Tokens.payload(Tokens.ADMISSION, 8 + 16 + 16 + 8);
        putUuid(payload.putLong(room.performanceId()), visitor.id())
                .put(RandomCodes.bytes(16))
                .putLong(expiresAt.getEpochSecond());
        return tokens.sign(payload);
    }

    /**
     * Checks an admission token shown with the visitor token it was issued to; the caller spends
     * it.
     */
    public SingleUse check(long performanceId, String admission, Optional<Visitor> visitor) {
        if (admission == null || admission.isBlank()) {
            throw required(
                    "This sale admits buyers through its waiting room: join it at /performances/"
                            + performanceId
                            + "/queue (API: POST /api/v1/waiting-room/"
                            + performanceId
                            + "/join).");
        }
        ByteBuffer payload =
                tokens.open(admission, Tokens.ADMISSION)
                        .orElseThrow(
                                () ->
                                        required(
                                                "The admission token was not issued by this service."));
        long forPerformance = payload.getLong();
        UUID visitorId = getUuid(payload);
        byte[] id = new byte[16];
        payload.get(id);
        Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
        if (forPerformance != performanceId) {
            throw required("The admission token is for another performance.");
        }
        if (visitor.isEmpty() || !visitor.get().id().equals(visitorId)) {
            throw required("The admission token belongs to another visitor.");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw required("The admission token expired; ask the waiting room for a new one.");
        }
        return new SingleUse(
                id,
                expiresAt,
                "ADMISSION_REQUIRED",
                "The admission token was used already; each is good for one hold.");
    }

    public String sign(Visitor visitor) {
        ByteBuffer payload = Tokens.payload(Tokens.VISITOR, 8 + 16 + 8 + 8);
        putUuid(payload.putLong(visitor.performanceId()), visitor.id())
                .putLong(visitor.number())
                .putLong(visitor.admittedAt());
        return tokens.sign(payload);
    }

    /** The visitor a token names, if genuine and for this performance. */
    public Optional<Visitor> visitor(String token, long performanceId) {
        return tokens.open(token, Tokens.VISITOR)
                .map(p -> new Visitor(p.getLong(), getUuid(p), p.getLong(), p.getLong()))
                .filter(v -> v.performanceId() == performanceId);
    }

    private Status answer(
            Protection room,
            Visitor shown,
            String token,
            Visitor visitor,
            Stage stage,
            long position,
            long wait,
            Instant until) {
        boolean renewed = token == null || !visitor.equals(shown);
        return new Status(
                visitor,
                renewed ? sign(visitor) : token,
                renewed,
                stage,
                room.queueStartsAt(),
                position,
                wait,
                until);
    }

    private static Forbidden required(String detail) {
        return new Forbidden("ADMISSION_REQUIRED", detail);
    }

    private static ByteBuffer putUuid(ByteBuffer buffer, UUID id) {
        return buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID getUuid(ByteBuffer buffer) {
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
