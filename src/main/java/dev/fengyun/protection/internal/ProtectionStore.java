package dev.fengyun.protection.internal;

import dev.fengyun.protection.SaleProtection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The protection tables: settings, waiting-room visitors and spent single-use proofs. */
@Repository
public class ProtectionStore {

    private static final String ALL =
            """
            SELECT p.*, COALESCE((SELECT max(v.number) FROM waiting_room_visitors v
                                  WHERE v.performance_id = p.performance_id AND v.number > 0), 0) AS last_number
            FROM sale_protection p
            """;

    private static final String SAVE =
            """
            INSERT INTO sale_protection (performance_id, queue_starts_at, admit_per_minute, admit_batch,
                                         admission_minutes, challenge_bits, verified_only)
            VALUES (:id, :startsAt, :perMinute, :batch, :minutes, :bits, :verified)
            ON CONFLICT (performance_id) DO UPDATE SET
                queue_starts_at = EXCLUDED.queue_starts_at, admit_per_minute = EXCLUDED.admit_per_minute,
                admit_batch = EXCLUDED.admit_batch, admission_minutes = EXCLUDED.admission_minutes,
                challenge_bits = EXCLUDED.challenge_bits, verified_only = EXCLUDED.verified_only,
                updated_at = now()
            """;

    private static final String CLAIM_SHUFFLE =
            """
            UPDATE sale_protection SET shuffled = true, ticked_at = now()
            WHERE performance_id = :id AND NOT shuffled AND queue_starts_at <= now() - interval '1 second'
            """;

    private static final String SHUFFLE =
            """
            WITH shuffle AS (
                SELECT visitor, row_number() OVER (ORDER BY gen_random_uuid()) AS r, count(*) OVER () AS n
                FROM waiting_room_visitors WHERE performance_id = :id AND number IS NULL)
            UPDATE waiting_room_visitors v SET number = s.r - s.n - 1
            FROM shuffle s WHERE v.performance_id = :id AND v.visitor = s.visitor
            """;

    private static final String NUMBER_LATECOMERS =
            """
            UPDATE waiting_room_visitors SET number = nextval(CAST(:sequence AS regclass))
            WHERE performance_id = :id AND number IS NULL
            """;

    private static final String ADVANCE =
            """
            UPDATE sale_protection p SET
                admitted = LEAST(p.admitted + GREATEST(0, p.admit_per_minute
                                     * EXTRACT(EPOCH FROM (now() - p.ticked_at)) / 60.0),
                                 p.prequeue_size + COALESCE((SELECT max(v.number) FROM waiting_room_visitors v
                                     WHERE v.performance_id = p.performance_id AND v.number > 0), 0)),
                ticked_at = now()
            WHERE p.performance_id = :id AND p.shuffled AND p.ticked_at <= now() - interval '200 milliseconds'
            """;

    private final JdbcClient jdbc;

    ProtectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Protection> all() {
        return jdbc.sql(ALL).query(ProtectionStore::protection).list();
    }

    public Optional<Protection> find(long performanceId) {
        return jdbc.sql(ALL + " WHERE p.performance_id = :id")
                .param("id", performanceId)
                .query(ProtectionStore::protection)
                .optional();
    }

    /** Saves the settings; a waiting room gets its own sequence of queue numbers. */
    @Transactional
    public void save(SaleProtection protection) {
        SaleProtection.WaitingRoom room = protection.waitingRoom();
        jdbc.sql(SAVE)
                .param("id", protection.performanceId())
                .param("startsAt", room == null ? null : Timestamp.from(room.startsAt()))
                .param("perMinute", room == null ? 0 : room.admitPerMinute())
                .param("batch", room == null ? 1 : room.batchSize())
                .param("minutes", room == null ? 10 : room.admissionMinutes())
                .param("bits", protection.challengeBits())
                .param("verified", protection.verifiedOnly())
                .update();
        if (room != null) {
            // The name is built from a number, never from client text.
            jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + sequence(protection.performanceId()))
                    .update();
        }
    }

    @Transactional
    public boolean delete(long performanceId) {
        int deleted =
                jdbc.sql("DELETE FROM sale_protection WHERE performance_id = :id")
                        .param("id", performanceId)
                        .update();
        jdbc.sql("DELETE FROM waiting_room_visitors WHERE performance_id = :id")
                .param("id", performanceId)
                .update();
        jdbc.sql("DROP SEQUENCE IF EXISTS " + sequence(performanceId)).update();
        return deleted > 0;
    }

    /**
     * The visitor's number, {@link Protection#UNNUMBERED} while not yet placed; empty if unknown.
     */
    Optional<Long> number(long performanceId, UUID visitor) {
        return jdbc.sql(
                        "SELECT number FROM waiting_room_visitors WHERE performance_id = :id AND visitor = :visitor")
                .param("id", performanceId)
                .param("visitor", visitor)
                .query(ProtectionStore::number)
                .optional();
    }

    /**
     * When the visitor was first admitted: now, the first time this is asked. Empty for a visitor
     * the room does not know (any more).
     */
    Optional<Instant> admittedAt(long performanceId, UUID visitor) {
        return jdbc.sql(
                        "UPDATE waiting_room_visitors SET admitted_at = COALESCE(admitted_at, now())"
                                + " WHERE performance_id = :id AND visitor = :visitor RETURNING admitted_at")
                .param("id", performanceId)
                .param("visitor", visitor)
                .query((rs, i) -> rs.getTimestamp("admitted_at").toInstant())
                .optional();
    }

    /** The shuffled pre-queue: visitor to number. */
    Map<UUID, Long> prequeue(long performanceId) {
        Map<UUID, Long> numbers = new HashMap<>();
        jdbc.sql(
                        "SELECT visitor, number FROM waiting_room_visitors WHERE performance_id = :id AND number < 0")
                .param("id", performanceId)
                .query(
                        (ResultSet rs) -> {
                            numbers.put(rs.getObject("visitor", UUID.class), rs.getLong("number"));
                        });
        return numbers;
    }

    /**
     * Shuffles the pre-queue once the start has passed. Exactly one instance does it: the first to
     * flip {@code shuffled}; the others' updates then find nothing to do.
     */
    @Transactional
    boolean shuffleIfDue(long performanceId) {
        if (jdbc.sql(CLAIM_SHUFFLE).param("id", performanceId).update() == 0) {
            return false;
        }
        int placed = jdbc.sql(SHUFFLE).param("id", performanceId).update();
        jdbc.sql("UPDATE sale_protection SET prequeue_size = :n WHERE performance_id = :id")
                .param("n", placed)
                .param("id", performanceId)
                .update();
        return true;
    }

    /**
     * After the shuffle: numbers anyone still unplaced (a join that committed during it), then lets
     * in as many places as the admission rate allows since the last tick, never more than are
     * queued (an empty queue does not save up admissions for a later crowd).
     */
    void advance(long performanceId) {
        jdbc.sql(NUMBER_LATECOMERS)
                .param("id", performanceId)
                .param("sequence", sequence(performanceId))
                .update();
        jdbc.sql(ADVANCE).param("id", performanceId).update();
    }

    /** Records a single-use proof; false when it had been used already. */
    public boolean spend(byte[] id, Instant expiresAt) {
        return jdbc.sql(
                                "INSERT INTO protection_spent (id, expires_at) VALUES (:id, :expires)"
                                        + " ON CONFLICT (id) DO NOTHING")
                        .param("id", id)
                        .param("expires", Timestamp.from(expiresAt))
                        .update()
                == 1;
    }

    int forgetSpent() {
        return jdbc.sql("DELETE FROM protection_spent WHERE expires_at < now()").update();
    }

    static String sequence(long performanceId) {
        return "waiting_room_" + performanceId;
    }

    private static long number(ResultSet rs, int row) throws SQLException {
        long number = rs.getLong("number");
        return rs.wasNull() ? Protection.UNNUMBERED : number;
    }

    private static Protection protection(ResultSet rs, int row) throws SQLException {
        Timestamp startsAt = rs.getTimestamp("queue_starts_at");
        return new Protection(
                rs.getLong("performance_id"),
                startsAt == null ? null : startsAt.toInstant(),
                rs.getInt("admit_per_minute"),
                Math.max(1, rs.getInt("admit_batch")),
                rs.getInt("admission_minutes"),
                rs.getInt("challenge_bits"),
                rs.getBoolean("verified_only"),
                rs.getBoolean("shuffled"),
                rs.getLong("prequeue_size"),
                rs.getDouble("admitted"),
                rs.getLong("last_number"));
    }
}
