package dev.fengyun.inventory.internal;

import dev.fengyun.inventory.HeldUnit;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Every claim below is one autocommitted statement, all or nothing, that also records the hold:
     * a buyer's hold costs one round trip and a failed one leaves nothing behind. The statement
     * locks the sellable rows it wants ({@code picked}); only if it got all of them does it insert
     * the hold and mark them held. Either way it returns the rows it found, with the new hold's id
     * (null when it fell short), so the caller can say what was missing.
     */
    private static final String CLAIM_IF_ALL_PICKED =
            """
            enough AS (SELECT count(*) = :quantity AS ok FROM picked),
            hold AS (
                INSERT INTO holds (code, performance_id, quantity, expires_at)
                SELECT :code, :performanceId, :quantity, CAST(:until AS timestamptz) FROM enough WHERE ok
                RETURNING id),
            claimed AS (
                UPDATE units u SET status = 'HELD', hold_id = (SELECT id FROM hold), held_until = :until, order_id = NULL
                FROM picked, enough WHERE u.id = picked.id AND enough.ok)
            SELECT u.id, u.zone_id, u.seat_id, u.block, u.row_label, u.seat_number, (SELECT id FROM hold) AS hold_id
            FROM units u JOIN picked ON u.id = picked.id
            """;

    /**
     * Chosen seats. Locks the requested rows that are sellable, skipping rows another transaction
     * has locked at this moment (someone is taking that seat right now). FOR UPDATE re-checks the
     * predicate on the newest row version, so a seat just taken is never claimed. No statement ever
     * waits for another's seat lock, so a crowd on the best rows cannot pile up holding database
     * connections.
     */
    private static final String CLAIM_SEATS = claimSellable("seat_id IN (:seatIds)");

    /** Best-available seats picked by id: the same guard as chosen seats. */
    private static final String CLAIM_UNITS = claimSellable("id IN (:unitIds)");

    /**
     * Any n units of a zone (general admission): the lowest free ids, then (rarely) units whose
     * hold lapsed. SKIP LOCKED makes concurrent buyers take different rows instead of queueing on
     * the same ones; FOR UPDATE re-checks the predicate on the newest row version, so a unit
     * another transaction just took is never picked. ORDER BY id keeps the plan on the zone's
     * AVAILABLE index entries (V8), never a scan past the sold ones.
     */
    private static final String CLAIM_ANY =
            """
            WITH free AS (
                SELECT id FROM units
                WHERE performance_id = :performanceId AND zone_id = :zoneId AND status = 'AVAILABLE'
                ORDER BY id
                LIMIT :quantity
                FOR UPDATE SKIP LOCKED),
            lapsed AS (
                SELECT id FROM units
                WHERE performance_id = :performanceId AND zone_id = :zoneId
                  AND status = 'HELD' AND held_until < now()
                LIMIT :quantity - (SELECT count(*) FROM free)
                FOR UPDATE SKIP LOCKED),
            picked AS (SELECT id FROM free UNION ALL SELECT id FROM lapsed),
            """
                    + CLAIM_IF_ALL_PICKED;

    /** Claims the given sellable units ({@link Units#SELLABLE}) that nobody is taking right now. */
    private static String claimSellable(String which) {
        return "WITH picked AS (SELECT id FROM units WHERE performance_id = :performanceId AND "
                + which
                + " AND "
                + Units.SELLABLE
                + " FOR UPDATE SKIP LOCKED),\n"
                + CLAIM_IF_ALL_PICKED;
    }

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

    private static final String HELD_BY_ZONE =
            """
            SELECT zone_id, count(*) AS held FROM units
            WHERE performance_id = :performanceId AND status = 'HELD' AND held_until >= now()
            GROUP BY zone_id
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

    /** The units an active hold still has, before it is ordered. */
    public List<HeldUnit> heldBy(long holdId) {
        return jdbc.sql(
                        """
                        SELECT id, zone_id, seat_id, block, row_label, seat_number FROM units
                        WHERE hold_id = :holdId AND status = 'HELD' AND order_id IS NULL ORDER BY id
                        """)
                .param("holdId", holdId)
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

    /** Per zone id: units held by buyers whose hold is still running. */
    public Map<Long, Long> heldByZone(long performanceId) {
        Map<Long, Long> held = new HashMap<>();
        jdbc.sql(HELD_BY_ZONE)
                .param("performanceId", performanceId)
                .query(
                        rows -> {
                            held.put(rows.getLong("zone_id"), rows.getLong("held"));
                        });
        return held;
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

    /**
     * What a claim found: the units, and the new hold's id, 0 when it fell short (then the units
     * are what was free of those asked for, and nothing was held).
     */
    public record Claim(long holdId, List<HeldUnit> units) {

        public boolean complete() {
            return holdId != 0;
        }
    }

    private static Claim claimed(ResultSet rows) throws SQLException {
        List<HeldUnit> units = new ArrayList<>();
        long holdId = 0;
        while (rows.next()) {
            holdId = rows.getLong("hold_id");
            units.add(held(rows, units.size()));
        }
        return new Claim(holdId, units);
    }
}
