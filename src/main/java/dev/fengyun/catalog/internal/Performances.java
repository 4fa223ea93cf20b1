package dev.fengyun.catalog.internal;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceDraft;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Zone;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Performances with their zones. */
@Repository
public class Performances {

    private static final String COLUMNS =
            """
            id, event_id, organizer_id, venue_id, plan_id, starts_at, doors_open_at, ends_at, sales_start_at,
            sales_end_at, status, currency, hold_minutes, payment_minutes, max_tickets_per_order, max_tickets_per_buyer, version,
            published_at
            """;

    private static final String INSERT =
            """
            INSERT INTO performances (event_id, organizer_id, venue_id, starts_at, doors_open_at, ends_at,
                   sales_start_at, sales_end_at, currency, hold_minutes, payment_minutes, max_tickets_per_order, max_tickets_per_buyer)
            VALUES (:eventId, :organizerId, :venueId, :startsAt, :doorsOpenAt, :endsAt, :salesStartAt, :salesEndAt,
                   :currency, :holdMinutes, :paymentMinutes, :maxPerOrder, :maxPerBuyer)
            RETURNING id
            """;

    private static final String UPDATE =
            """
            UPDATE performances SET venue_id = :venueId, starts_at = :startsAt, doors_open_at = :doorsOpenAt,
                   ends_at = :endsAt, sales_start_at = :salesStartAt, sales_end_at = :salesEndAt,
                   currency = :currency, hold_minutes = :holdMinutes, payment_minutes = :paymentMinutes, max_tickets_per_order = :maxPerOrder,
                   max_tickets_per_buyer = :maxPerBuyer, version = version + 1, updated_at = now()
            WHERE id = :id
            """;

    private static final String PUBLISH =
            """
            UPDATE performances SET status = 'ON_SALE', plan_id = :planId, published_at = now(),
                   version = version + 1, updated_at = now()
            WHERE id = :id AND status = 'DRAFT'
            """;

    private static final String SET_STATUS =
            """
            UPDATE performances SET status = :status, version = version + 1, updated_at = now()
            WHERE id = :id
            """;

    /** Locks the performance row: status changes and zone edits of one performance serialise. */
    private static final String LOCK =
            "SELECT version FROM performances WHERE id = :id AND organizer_id = :organizerId FOR UPDATE";

    private final JdbcClient jdbc;
    private final Zones zones;

    Performances(JdbcClient jdbc, Zones zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    public long insert(long eventId, long organizerId, PerformanceDraft draft) {
        return bind(
                        jdbc.sql(INSERT)
                                .param("eventId", eventId)
                                .param("organizerId", organizerId),
                        draft)
                .query(Long.class)
                .single();
    }

    public void update(long id, PerformanceDraft draft) {
        bind(jdbc.sql(UPDATE).param("id", id), draft).update();
    }

    public boolean publish(long id, Long planId) {
        return jdbc.sql(PUBLISH).param("id", id).param("planId", planId).update() == 1;
    }

    public void setStatus(long id, PerformanceStatus status) {
        jdbc.sql(SET_STATUS).param("id", id).param("status", status.name()).update();
    }

    public Optional<Integer> lockVersion(long organizerId, long id) {
        return jdbc.sql(LOCK)
                .param("id", id)
                .param("organizerId", organizerId)
                .query(Integer.class)
                .optional();
    }

    public Optional<Performance> find(long id) {
        // Zones are read after the row, never from inside the row mapper: a nested query would
        // hold a second pooled connection per request and starve the pool under load.
        return jdbc.sql("SELECT " + COLUMNS + " FROM performances WHERE id = :id")
                .param("id", id)
                .query((rows, n) -> map(rows, List.of()))
                .optional()
                .map(p -> with(p, zones.ofPerformance(p.id())));
    }

    public List<Performance> ofEvent(long eventId) {
        return withZones(
                jdbc.sql(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM performances WHERE event_id = :eventId ORDER BY starts_at, id")
                        .param("eventId", eventId)
                        .query((rows, n) -> map(rows, List.of()))
                        .list());
    }

    public List<Performance> ofOrganizer(long organizerId) {
        return withZones(
                jdbc.sql(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM performances WHERE organizer_id = :organizerId ORDER BY starts_at, id")
                        .param("organizerId", organizerId)
                        .query((rows, n) -> map(rows, List.of()))
                        .list());
    }

    public List<Long> idsOfEvent(long eventId) {
        return jdbc.sql("SELECT id FROM performances WHERE event_id = :eventId")
                .param("eventId", eventId)
                .query(Long.class)
                .list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM performances WHERE id = :id").param("id", id).update();
    }

    /** Fills in zones with one query for all performances. */
    List<Performance> withZones(List<Performance> performances) {
        Map<Long, List<Zone>> byPerformance =
                zones.ofPerformances(performances.stream().map(Performance::id).toList()).stream()
                        .collect(Collectors.groupingBy(Zone::performanceId));
        return performances.stream()
                .map(p -> with(p, byPerformance.getOrDefault(p.id(), List.of())))
                .toList();
    }

    private static Performance with(Performance p, List<Zone> zones) {
        return new Performance(
                p.id(),
                p.eventId(),
                p.organizerId(),
                p.venueId(),
                p.planId(),
                p.startsAt(),
                p.doorsOpenAt(),
                p.endsAt(),
                p.salesStartAt(),
                p.salesEndAt(),
                p.status(),
                p.currency(),
                p.holdMinutes(),
                p.paymentMinutes(),
                p.maxTicketsPerOrder(),
                p.maxTicketsPerBuyer(),
                p.version(),
                p.publishedAt(),
                zones);
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, PerformanceDraft draft) {
        return statement
                .param("venueId", draft.venueId())
                .param("startsAt", Jdbc.timestamp(draft.startsAt()))
                .param("doorsOpenAt", Jdbc.timestamp(draft.doorsOpenAt()))
                .param("endsAt", Jdbc.timestamp(draft.endsAt()))
                .param("salesStartAt", Jdbc.timestamp(draft.salesStartAt()))
                .param("salesEndAt", Jdbc.timestamp(draft.salesEndAt()))
                .param("currency", draft.currency())
                .param("holdMinutes", draft.holdMinutes())
                .param("paymentMinutes", draft.paymentMinutes())
                .param("maxPerOrder", draft.maxTicketsPerOrder())
                .param("maxPerBuyer", draft.maxTicketsPerBuyer());
    }

    static Performance map(ResultSet rows, List<Zone> zones) throws SQLException {
        long planId = rows.getLong("plan_id");
        Long plan = rows.wasNull() ? null : planId;
        int maxPerBuyer = rows.getInt("max_tickets_per_buyer");
        Integer perBuyer = rows.wasNull() ? null : maxPerBuyer;
        Instant startsAt = Jdbc.instant(rows, "starts_at");
        return new Performance(
                rows.getLong("id"),
                rows.getLong("event_id"),
                rows.getLong("organizer_id"),
                rows.getLong("venue_id"),
                plan,
                startsAt,
                Jdbc.instant(rows, "doors_open_at"),
                Jdbc.instant(rows, "ends_at"),
                Jdbc.instant(rows, "sales_start_at"),
                Jdbc.instant(rows, "sales_end_at"),
                PerformanceStatus.valueOf(rows.getString("status")),
                rows.getString("currency"),
                rows.getInt("hold_minutes"),
                rows.getInt("payment_minutes"),
                rows.getInt("max_tickets_per_order"),
                perBuyer,
                rows.getInt("version"),
                Jdbc.instant(rows, "published_at"),
                zones);
    }
}
