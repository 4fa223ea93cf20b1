package dev.fengyun.inventory.internal;

import dev.fengyun.catalog.Availability;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** The units table: creation of a performance's units and read-only counts and listings. */
@Repository
public class Units {

    /** One statement for all seats: 50,000 rows are one round trip, not 50,000. */
    private static final String INSERT_SEATS =
            """
            INSERT INTO units (performance_id, zone_id, seat_id, block, row_label, seq, seat_number, x, y)
            SELECT :performanceId, u.zone_id, u.seat_id, u.block, u.row_label, u.seq, u.seat_number, u.x, u.y
            FROM unnest(:zoneIds, :seatIds, :blocks, :rows, :seqs, :numbers, :xs, :ys)
                 AS u (zone_id, seat_id, block, row_label, seq, seat_number, x, y)
            """;

    private static final String INSERT_PLACES =
            """
            INSERT INTO units (performance_id, zone_id)
            SELECT :performanceId, :zoneId FROM generate_series(1, :capacity)
            """;

    private static final String ANY =
            "SELECT EXISTS (SELECT 1 FROM units WHERE performance_id = :performanceId)";

    /** An expired hold counts as available: correctness never waits for a sweeper. */
    static final String SELLABLE =
            "(status = 'AVAILABLE' OR (status = 'HELD' AND held_until < now()))";

    private static final String COUNTS_BY_ZONE =
            "SELECT zone_id, count(*) FILTER (WHERE "
                    + SELLABLE
                    + ") AS available, count(*) AS capacity"
                    + " FROM units WHERE performance_id = :performanceId GROUP BY zone_id";

    private static final String AVAILABLE_BY_PERFORMANCE =
            "SELECT performance_id, count(*) FILTER (WHERE "
                    + SELLABLE
                    + ") AS available"
                    + " FROM units WHERE performance_id IN (:ids) GROUP BY performance_id";

    private static final String SEATS =
            "SELECT seat_id, zone_id, row_label, seat_number, x, y, "
                    + SELLABLE
                    + " AS available"
                    + " FROM units WHERE performance_id = :performanceId AND seat_id IS NOT NULL ORDER BY id";

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Refreshes the planner's statistics of the units table. A fresh on-sale adds thousands of rows
     * at once; until autovacuum notices (a minute or more), the planner may think the table empty
     * and scan it whole for every claim.
     */
    public void analyze() {
        jdbc.sql("ANALYZE units").update();
    }

    public int insertSeats(long performanceId, List<NewSeat> seats) {
        int size = seats.size();
        Long[] zoneIds = new Long[size];
        String[] seatIds = new String[size];
        String[] blocks = new String[size];
        String[] rows = new String[size];
        Integer[] seqs = new Integer[size];
        String[] numbers = new String[size];
        Float[] xs = new Float[size];
        Float[] ys = new Float[size];
        for (int i = 0; i < size; i++) {
            NewSeat seat = seats.get(i);
            zoneIds[i] = seat.zoneId();
            seatIds[i] = seat.seatId();
            blocks[i] = seat.block();
            rows[i] = seat.row();
            seqs[i] = seat.seq();
            numbers[i] = seat.number();
            xs[i] = (float) seat.x();
            ys[i] = (float) seat.y();
        }
        return jdbc.sql(INSERT_SEATS)
                .param("performanceId", performanceId)
                .param("zoneIds", new SqlArrayValue("bigint", (Object[]) zoneIds))
                .param("seatIds", new SqlArrayValue("text", (Object[]) seatIds))
                .param("blocks", new SqlArrayValue("text", (Object[]) blocks))
                .param("rows", new SqlArrayValue("text", (Object[]) rows))
                .param("seqs", new SqlArrayValue("integer", (Object[]) seqs))
                .param("numbers", new SqlArrayValue("text", (Object[]) numbers))
                .param("xs", new SqlArrayValue("real", (Object[]) xs))
                .param("ys", new SqlArrayValue("real", (Object[]) ys))
                .update();
    }

    public int insertPlaces(long performanceId, long zoneId, int capacity) {
        return jdbc.sql(INSERT_PLACES)
                .param("performanceId", performanceId)
                .param("zoneId", zoneId)
                .param("capacity", capacity)
                .update();
    }

    public boolean anyOf(long performanceId) {
        return jdbc.sql(ANY).param("performanceId", performanceId).query(Boolean.class).single();
    }

    public Map<Long, Availability.ZoneCount> countsByZone(long performanceId) {
        Map<Long, Availability.ZoneCount> counts = new HashMap<>();
        jdbc.sql(COUNTS_BY_ZONE)
                .param("performanceId", performanceId)
                .query(
                        rows -> {
                            counts.put(
                                    rows.getLong("zone_id"),
                                    new Availability.ZoneCount(
                                            rows.getLong("available"), rows.getLong("capacity")));
                        });
        return counts;
    }

    public Map<Long, Long> availableByPerformance(Collection<Long> performanceIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (performanceIds.isEmpty()) {
            return counts;
        }
        jdbc.sql(AVAILABLE_BY_PERFORMANCE)
                .param("ids", performanceIds)
                .query(
                        rows -> {
                            counts.put(rows.getLong("performance_id"), rows.getLong("available"));
                        });
        return counts;
    }

    public List<SeatState> seats(long performanceId) {
        return jdbc.sql(SEATS)
                .param("performanceId", performanceId)
                .query(
                        (rows, n) ->
                                new SeatState(
                                        rows.getString("seat_id"),
                                        rows.getLong("zone_id"),
                                        rows.getString("row_label"),
                                        rows.getString("seat_number"),
                                        rows.getFloat("x"),
                                        rows.getFloat("y"),
                                        rows.getBoolean("available")))
                .list();
    }

    private static final String GEOMETRY =
            """
            SELECT id, block, row_label, seq, x, y FROM units
            WHERE performance_id = :performanceId AND zone_id = :zoneId AND seat_id IS NOT NULL
            """;

    /** Where each seat of a zone is; never changes once the performance is published. */
    public Map<Long, BestAvailable.Seat> geometry(long performanceId, long zoneId) {
        Map<Long, BestAvailable.Seat> seats = new HashMap<>();
        jdbc.sql(GEOMETRY)
                .param("performanceId", performanceId)
                .param("zoneId", zoneId)
                .query(
                        rows -> {
                            long id = rows.getLong("id");
                            seats.put(
                                    id,
                                    new BestAvailable.Seat(
                                            id,
                                            rows.getString("block"),
                                            rows.getString("row_label"),
                                            rows.getInt("seq"),
                                            rows.getFloat("x"),
                                            rows.getFloat("y")));
                        });
        return seats;
    }

    /**
     * A seat to create a unit for; {@code seq} is its position in the row, an aisle counting as a
     * gap.
     */
    public record NewSeat(
            long zoneId,
            String seatId,
            String block,
            String row,
            int seq,
            String number,
            double x,
            double y) {}

    /** A seat's unit as the seat map shows it. */
    public record SeatState(
            String seatId,
            long zoneId,
            String row,
            String number,
            float x,
            float y,
            boolean available) {}
}
