package dev.fengyun.inventory.internal;

import dev.fengyun.inventory.HeldUnit;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The concurrency core: every statement that decides a sale. Each one is a single conditional
 * UPDATE; its WHERE clause is the guard, and the comment above it says which rows it locks and why
 * it cannot oversell. Callers run them at READ COMMITTED and let failures end the transaction.
 */
@Repository
public class UnitClaims {

    private static final String RETURNING =
            " RETURNING id, zone_id, seat_id, block, row_label, seat_number";

    /**
     * Every claim below is one autocommitted statement that also records the hold: a buyer's hold
     * costs one round trip. The caller compares the rows returned with the rows asked for; a short
     * claim is undone at once with {@link #RELEASE_FAILED_HOLD}.
     */
    private static final String NEW_HOLD =
            """
            WITH hold AS (
                INSERT INTO holds (code, performance_id, quantity, expires_at)
                VALUES (:code, :performanceId, :quantity, :until)
                RETURNING id),
            """;

    private static final String CLAIM_PICKED =
            """
            UPDATE units u SET status = 'HELD', hold_id = (SELECT id FROM hold), held_until = :until, order_id = NULL
            FROM picked WHERE u.id = picked.id
            RETURNING u.id, u.zone_id, u.seat_id, u.block, u.row_label, u.seat_number, u.hold_id
            """;

    /**
     * Chosen seats, all or nothing. Locks the requested rows that are sellable, skipping rows
     * another transaction has locked at this moment (someone is taking that seat right now), and
     * claims exactly those. FOR UPDATE re-checks the predicate on the newest row version, so a seat
     * just taken is never claimed. No statement ever waits for another's seat lock, so a crowd on
     * the best rows cannot pile up holding database connections.
     */
    private static final String CLAIM_SEATS =
            NEW_HOLD
                    + """
                    picked AS (
                        SELECT id FROM units
                        WHERE performance_id = :performanceId AND seat_id IN (:seatIds)
                          AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now()))
                        FOR UPDATE SKIP LOCKED)
                    """
                    + CLAIM_PICKED;

    /** Best-available seats picked by id: the same guard as chosen seats. */
    private static final String CLAIM_UNITS =
            NEW_HOLD
                    + """
                    picked AS (
                        SELECT id FROM units
                        WHERE performance_id = :performanceId AND id IN (:unitIds)
                          AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now()))
                        FOR UPDATE SKIP LOCKED)
                    """
                    + CLAIM_PICKED;

    /**
     * Any n units of a zone (general admission). SKIP LOCKED makes concurrent buyers take different
     * rows instead of queueing on the same ones; FOR UPDATE re-checks the predicate on the newest
     * row version, so a unit another transaction just took is never picked. The UPDATE touches only
     * the rows this statement locked.
     */
    private static final String CLAIM_ANY =
            NEW_HOLD
                    + """
                    picked AS (
                        SELECT id FROM units
                        WHERE performance_id = :performanceId AND zone_id = :zoneId
                          AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now()))
                        LIMIT :quantity
                        FOR UPDATE SKIP LOCKED)
                    """
                    + CLAIM_PICKED;

    /** Undoes a claim that fell short: its units go back, its hold is released. */
    private static final String RELEASE_FAILED_HOLD =
            """
            WITH released AS (
                UPDATE units SET status = 'AVAILABLE', hold_id = NULL, held_until = NULL
                WHERE hold_id = (SELECT id FROM holds WHERE code = :code) AND status = 'HELD' AND order_id IS NULL)
            UPDATE holds SET status = 'RELEASED' WHERE code = :code
            """;

    /**
     * Moves a hold's units into an order, only while the hold is alive: units whose hold lapsed may
     * already belong to someone else, and the caller must then get fewer rows than it holds.
     */
    private static final String ATTACH_TO_ORDER =
            """
            UPDATE units SET order_id = :orderId, held_until = :until
            WHERE hold_id = :holdId AND status = 'HELD' AND held_until > now() AND order_id IS NULL
            """
                    + RETURNING;

    /**
     * Sells an order's units if they are still its own: a unit that lapsed and was claimed again
     * carries another hold and no order, so it is not touched and the count falls short.
     */
    private static final String SELL =
            """
            UPDATE units SET status = 'SOLD', held_until = NULL
            WHERE order_id = :orderId AND hold_id = :holdId AND status = 'HELD'
            """
                    + RETURNING;

    private static final String RELEASE_HOLD =
            """
            UPDATE units SET status = 'AVAILABLE', hold_id = NULL, held_until = NULL
            WHERE hold_id = :holdId AND status = 'HELD' AND order_id IS NULL
            """;

    private static final String RELEASE_ORDER =
            """
            UPDATE units SET status = 'AVAILABLE', hold_id = NULL, held_until = NULL, order_id = NULL
            WHERE order_id = :orderId AND status = 'HELD'
            """;

    private static final String RETURN_SOLD =
            """
            UPDATE units SET status = :status, hold_id = NULL, held_until = NULL, order_id = NULL
            WHERE order_id = :orderId AND id IN (:unitIds) AND status = 'SOLD'
            """;

    /** Tidying only: a lapsed hold already counts as available in every guard above. */
    private static final String TIDY_LAPSED =
            """
            UPDATE units SET status = 'AVAILABLE', hold_id = NULL, held_until = NULL
            WHERE id IN (SELECT id FROM units
                         WHERE status = 'HELD' AND held_until < now() - interval '1 minute' AND order_id IS NULL
                         LIMIT :batch FOR UPDATE SKIP LOCKED)
            """;

    private static final String LEFT_IN_ZONE =
            """
            SELECT count(*) FILTER (WHERE status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now())) AS available,
                   count(*) FILTER (WHERE status = 'HELD' AND held_until >= now()) AS held
            FROM units WHERE performance_id = :performanceId AND zone_id = :zoneId AND status IN ('AVAILABLE', 'HELD')
            """;

    private static final String FREE_SEAT_IDS_IN_ZONE =
            """
            SELECT id FROM units WHERE performance_id = :performanceId AND zone_id = :zoneId AND seat_id IS NOT NULL
              AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now()))
            """;

    private static final String EXISTING_SEATS =
            "SELECT seat_id FROM units WHERE performance_id = :performanceId AND seat_id IN (:seatIds)";

    private final JdbcClient jdbc;

    UnitClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Claim claimSeats(NewHold hold, Collection<String> seatIds) {
        return claim(CLAIM_SEATS, hold).param("seatIds", seatIds).query(UnitClaims::claimed);
    }

    public Claim claimUnits(NewHold hold, Collection<Long> unitIds) {
        return claim(CLAIM_UNITS, hold).param("unitIds", unitIds).query(UnitClaims::claimed);
    }

    public Claim claimAny(NewHold hold, long zoneId) {
        return claim(CLAIM_ANY, hold).param("zoneId", zoneId).query(UnitClaims::claimed);
    }

    /** Gives back whatever a short claim took and marks its hold released. */
    public void releaseFailed(String holdCode) {
        jdbc.sql(RELEASE_FAILED_HOLD).param("code", holdCode).update();
    }

    private JdbcClient.StatementSpec claim(String sql, NewHold hold) {
        return jdbc.sql(sql)
                .param("code", hold.code())
                .param("performanceId", hold.performanceId())
                .param("quantity", hold.quantity())
                .param("until", Jdbc.timestamp(hold.until()));
    }

    public List<HeldUnit> attachToOrder(long holdId, long orderId, Instant until) {
        return jdbc.sql(ATTACH_TO_ORDER)
                .param("holdId", holdId)
                .param("orderId", orderId)
                .param("until", Jdbc.timestamp(until))
                .query(UnitClaims::held)
                .list();
    }

    public List<HeldUnit> sell(long orderId, long holdId) {
        return jdbc.sql(SELL)
                .param("orderId", orderId)
                .param("holdId", holdId)
                .query(UnitClaims::held)
                .list();
    }

    public int releaseHold(long holdId) {
        return jdbc.sql(RELEASE_HOLD).param("holdId", holdId).update();
    }

    public int releaseOrder(long orderId) {
        return jdbc.sql(RELEASE_ORDER).param("orderId", orderId).update();
    }

    public int returnSold(long orderId, Collection<Long> unitIds, boolean block) {
        return jdbc.sql(RETURN_SOLD)
                .param("orderId", orderId)
                .param("unitIds", unitIds)
                .param("status", block ? "BLOCKED" : "AVAILABLE")
                .update();
    }

    public int tidyLapsed(int batch) {
        return jdbc.sql(TIDY_LAPSED).param("batch", batch).update();
    }

    /** Units of a zone that could be held now, and units others hold: {available, held}. */
    public long[] leftInZone(long performanceId, long zoneId) {
        return jdbc.sql(LEFT_IN_ZONE)
                .param("performanceId", performanceId)
                .param("zoneId", zoneId)
                .query((rows, n) -> new long[] {rows.getLong("available"), rows.getLong("held")})
                .single();
    }

    public List<Long> freeSeatIdsInZone(long performanceId, long zoneId) {
        return jdbc.sql(FREE_SEAT_IDS_IN_ZONE)
                .param("performanceId", performanceId)
                .param("zoneId", zoneId)
                .query(Long.class)
                .list();
    }

    public List<String> existingSeats(long performanceId, Collection<String> seatIds) {
        return jdbc.sql(EXISTING_SEATS)
                .param("performanceId", performanceId)
                .param("seatIds", seatIds)
                .query(String.class)
                .list();
    }

    private static HeldUnit held(ResultSet rows, int n) throws SQLException {
        return new HeldUnit(
                rows.getLong("id"),
                rows.getLong("zone_id"),
                rows.getString("seat_id"),
                rows.getString("block"),
                rows.getString("row_label"),
                rows.getString("seat_number"));
    }

    /** A hold to record together with its claim. */
    public record NewHold(String code, long performanceId, int quantity, Instant until) {}

    /** What a claim got: the units, and the hold's id (0 when it got none). */
    public record Claim(long holdId, List<HeldUnit> units) {}

    private static Claim claimed(ResultSet rows) throws SQLException {
        List<HeldUnit> units = new java.util.ArrayList<>();
        long holdId = 0;
        while (rows.next()) {
            holdId = rows.getLong("hold_id");
            units.add(held(rows, units.size()));
        }
        return new Claim(holdId, units);
    }
}
