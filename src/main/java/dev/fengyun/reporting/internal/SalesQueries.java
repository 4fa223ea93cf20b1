package dev.fengyun.reporting.internal;

import dev.fengyun.platform.Jdbc;
import dev.fengyun.platform.Money;
import dev.fengyun.reporting.Dashboard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only sales queries; the tables belong to ordering, payment, ticketing and inventory. */
@Repository
public class SalesQueries {

    private static final String REVENUE =
            """
            SELECT p.currency,
                   sum(CASE WHEN l.kind = 'CONFIRMED' THEN l.amount_minor ELSE -l.amount_minor END) AS minor
            FROM payment_ledger l JOIN payments p ON p.id = l.payment_id
            WHERE p.organizer_id = :org AND l.kind IN ('CONFIRMED', 'REFUNDED') AND l.created_at >= :since
            GROUP BY p.currency ORDER BY p.currency
            """;

    private final JdbcClient jdbc;

    SalesQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The time zone of the organizer's first venue, if it has any. */
    public Optional<String> timeZone(long organizerId) {
        return jdbc.sql(
                        "SELECT time_zone FROM venues WHERE organizer_id = :org ORDER BY id LIMIT 1")
                .param("org", organizerId)
                .query(String.class)
                .optional();
    }

    /** Valid tickets issued since then. */
    public long tickets(long organizerId, Instant since) {
        return jdbc.sql(
                        "SELECT count(*) FROM tickets WHERE organizer_id = :org AND status = 'VALID' AND issued_at >= :since")
                .param("org", organizerId)
                .param("since", Jdbc.timestamp(since))
                .query(Long.class)
                .single();
    }

    public List<Money> revenue(long organizerId, Instant since) {
        return jdbc.sql(REVENUE)
                .param("org", organizerId)
                .param("since", Jdbc.timestamp(since))
                .query((rows, n) -> Money.of(rows.getLong("minor"), rows.getString("currency")))
                .list();
    }

    public List<Dashboard.PerformanceSales> performances(long organizerId) {
        return jdbc.sql(
                        """
                        SELECT p.id, p.event_id, e.title, p.starts_at, v.time_zone, p.status,
                               count(u.id) FILTER (WHERE u.status = 'SOLD') AS sold,
                               count(u.id) FILTER (WHERE u.status <> 'BLOCKED') AS capacity
                        FROM performances p
                        JOIN events e ON e.id = p.event_id
                        JOIN venues v ON v.id = p.venue_id
                        LEFT JOIN units u ON u.performance_id = p.id
                        WHERE p.organizer_id = :org AND p.status <> 'DRAFT'
                        GROUP BY p.id, e.title, v.time_zone
                        ORDER BY p.starts_at
                        """)
                .param("org", organizerId)
                .query(
                        (rows, n) ->
                                new Dashboard.PerformanceSales(
                                        rows.getLong("id"),
                                        rows.getLong("event_id"),
                                        rows.getString("title"),
                                        Jdbc.instant(rows, "starts_at"),
                                        rows.getString("time_zone"),
                                        rows.getString("status"),
                                        rows.getLong("sold"),
                                        rows.getLong("capacity")))
                .list();
    }

    /** Tickets issued and net revenue (all currencies added) per calendar day in the zone. */
    public void daily(
            long organizerId, Instant since, String timeZone, Map<LocalDate, long[]> into) {
        Consumer<String> run =
                sql ->
                        jdbc.sql(sql)
                                .param("org", organizerId)
                                .param("since", Jdbc.timestamp(since))
                                .param("zone", timeZone)
                                .query(
                                        (rows, n) -> {
                                            long[] day =
                                                    into.get(
                                                            rows.getObject("day", LocalDate.class));
                                            if (day != null) {
                                                day[rows.getInt("slot")] += rows.getLong("value");
                                            }
                                            return null;
                                        })
                                .list();
        run.accept(
                """
                SELECT (issued_at AT TIME ZONE :zone)::date AS day, 0 AS slot, count(*) AS value
                FROM tickets WHERE organizer_id = :org AND issued_at >= :since GROUP BY 1
                """);
        run.accept(
                """
                SELECT (l.created_at AT TIME ZONE :zone)::date AS day, 1 AS slot,
                       sum(CASE WHEN l.kind = 'CONFIRMED' THEN l.amount_minor ELSE -l.amount_minor END) AS value
                FROM payment_ledger l JOIN payments p ON p.id = l.payment_id
                WHERE p.organizer_id = :org AND l.kind IN ('CONFIRMED', 'REFUNDED') AND l.created_at >= :since
                GROUP BY 1
                """);
    }

    /** Rows of one export, as text cells; the first row names the columns. */
    public List<List<String>> orders(long organizerId, Long performanceId) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "order",
                        "status",
                        "channel",
                        "created_at",
                        "paid_at",
                        "name",
                        "email",
                        "phone",
                        "total",
                        "currency",
                        "payment_method",
                        "performance_id",
                        "event",
                        "starts_at",
                        "tickets"));
        jdbc.sql(
                        """
                        SELECT o.code, o.status, o.channel, o.created_at, o.paid_at, o.name, o.email, o.phone,
                               o.total_minor, o.currency, o.payment_method, o.performance_id, e.title, p.starts_at,
                               (SELECT count(*) FROM tickets t WHERE t.order_id = o.id AND t.status = 'VALID') AS tickets
                        FROM orders o JOIN performances p ON p.id = o.performance_id JOIN events e ON e.id = p.event_id
                        WHERE o.organizer_id = :org AND (CAST(:performanceId AS bigint) IS NULL OR o.performance_id = :performanceId)
                        ORDER BY o.created_at, o.id
                        """)
                .param("org", organizerId)
                .param("performanceId", performanceId)
                .query(
                        (r, n) ->
                                rows.add(
                                        List.of(
                                                r.getString("code"),
                                                r.getString("status"),
                                                r.getString("channel"),
                                                text(Jdbc.instant(r, "created_at")),
                                                text(Jdbc.instant(r, "paid_at")),
                                                r.getString("name"),
                                                r.getString("email"),
                                                nullToEmpty(r.getString("phone")),
                                                Money.of(
                                                                r.getLong("total_minor"),
                                                                r.getString("currency"))
                                                        .amount(),
                                                r.getString("currency"),
                                                r.getString("payment_method"),
                                                Long.toString(r.getLong("performance_id")),
                                                r.getString("title"),
                                                text(Jdbc.instant(r, "starts_at")),
                                                Long.toString(r.getLong("tickets")))))
                .list();
        return rows;
    }

    public List<List<String>> attendees(long organizerId, Long performanceId) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "ticket",
                        "status",
                        "holder",
                        "holder_email",
                        "zone",
                        "seat",
                        "order",
                        "performance_id",
                        "event",
                        "starts_at",
                        "checked_in_at"));
        jdbc.sql(
                        """
                        SELECT t.code, t.status, t.holder_name, t.holder_email, t.zone_name, t.seat_label, o.code AS order_code,
                               t.performance_id, e.title, p.starts_at,
                               (SELECT min(s.first_checked_in) FROM checkin_states s WHERE s.ticket_id = t.id) AS checked_in
                        FROM tickets t JOIN orders o ON o.id = t.order_id
                        JOIN performances p ON p.id = t.performance_id JOIN events e ON e.id = p.event_id
                        WHERE t.organizer_id = :org AND (CAST(:performanceId AS bigint) IS NULL OR t.performance_id = :performanceId)
                        ORDER BY t.performance_id, t.zone_name, t.seat_label NULLS LAST, t.id
                        """)
                .param("org", organizerId)
                .param("performanceId", performanceId)
                .query(
                        (r, n) ->
                                rows.add(
                                        List.of(
                                                r.getString("code"),
                                                r.getString("status"),
                                                r.getString("holder_name"),
                                                r.getString("holder_email"),
                                                r.getString("zone_name"),
                                                nullToEmpty(r.getString("seat_label")),
                                                r.getString("order_code"),
                                                Long.toString(r.getLong("performance_id")),
                                                r.getString("title"),
                                                text(Jdbc.instant(r, "starts_at")),
                                                text(Jdbc.instant(r, "checked_in")))))
                .list();
        return rows;
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
