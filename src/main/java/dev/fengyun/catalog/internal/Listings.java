package dev.fengyun.catalog.internal;

import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.EventSummary;
import dev.fengyun.catalog.ListingQuery;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.platform.Jdbc;
import dev.fengyun.platform.Page;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The buyer-facing read model: published performances joined with their event and venue. It reads
 * the venue module's table directly (read-only), which keeps browsing one indexed query.
 */
@Repository
public class Listings {

    /** A show counts as ended this long after its start when it has no end time. */
    private static final String END = "coalesce(p.ends_at, p.starts_at + interval '3 hours')";

    private static final String FROM =
            """
            FROM performances p
            JOIN events e ON e.id = p.event_id
            JOIN venues v ON v.id = p.venue_id
            WHERE p.status <> 'DRAFT'
              AND (CAST(:eventId AS bigint) IS NULL OR p.event_id = :eventId)
              AND (CAST(:city AS text) IS NULL OR lower(v.city) = lower(:city))
              AND (CAST(:fromTime AS timestamptz) IS NULL OR p.starts_at >= :fromTime)
              AND (CAST(:toTime AS timestamptz) IS NULL OR p.starts_at < :toTime)
              AND (CAST(:category AS text) IS NULL OR e.category = :category)
              AND (CAST(:text AS text) IS NULL OR e.title ILIKE '%' || :text || '%' ESCAPE '\\')
            """;

    private static final String ORDER = " ORDER BY p.starts_at, p.id LIMIT :limit OFFSET :offset";

    private static final String COLUMNS =
            """
            SELECT p.id, p.event_id, e.title, e.category, e.poster_ref, v.id AS venue_id, v.name AS venue_name,
                   v.city, v.time_zone, p.starts_at, p.ends_at, p.sales_start_at,
                   coalesce(p.sales_end_at, p.starts_at) AS sales_end_at, p.status
            """;

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of performances matching the query, with their stored status. */
    public Page<Row> find(ListingQuery query) {
        String where = FROM + statusCondition(query.status());
        long total = bind(jdbc.sql("SELECT count(*) " + where), query).query(Long.class).single();
        List<Row> rows =
                bind(jdbc.sql(COLUMNS + where + ORDER), query)
                        .param("limit", query.size())
                        .param("offset", Page.offset(query.page(), query.size()))
                        .query(
                                (r, n) ->
                                        new Row(
                                                r.getLong("id"),
                                                r.getLong("event_id"),
                                                r.getString("title"),
                                                EventCategory.valueOf(r.getString("category")),
                                                r.getString("poster_ref"),
                                                r.getLong("venue_id"),
                                                r.getString("venue_name"),
                                                r.getString("city"),
                                                r.getString("time_zone"),
                                                Jdbc.instant(r, "starts_at"),
                                                Jdbc.instant(r, "ends_at"),
                                                Jdbc.instant(r, "sales_start_at"),
                                                Jdbc.instant(r, "sales_end_at"),
                                                PerformanceStatus.valueOf(r.getString("status"))))
                        .list();
        return new Page<>(rows, query.page(), query.size(), total);
    }

    private static final String EVENTS =
            """
            SELECT e.id, e.title, e.description, e.category, e.poster_ref, min(p.starts_at) AS next_starts_at,
                   count(*) AS upcoming, array_agg(DISTINCT v.city ORDER BY v.city) AS cities
            """;

    /** One page of events that have upcoming performances on sale or paused. */
    public Page<EventSummary> events(ListingQuery query) {
        String where = FROM + statusCondition(null) + " GROUP BY e.id";
        long total =
                bind(jdbc.sql("SELECT count(*) FROM (SELECT e.id " + where + ") matching"), query)
                        .query(Long.class)
                        .single();
        List<EventSummary> rows =
                bind(
                                jdbc.sql(
                                        EVENTS
                                                + where
                                                + " ORDER BY next_starts_at, e.id LIMIT :limit OFFSET :offset"),
                                query)
                        .param("limit", query.size())
                        .param("offset", Page.offset(query.page(), query.size()))
                        .query(
                                (r, n) ->
                                        new EventSummary(
                                                r.getLong("id"),
                                                r.getString("title"),
                                                r.getString("description"),
                                                EventCategory.valueOf(r.getString("category")),
                                                r.getString("poster_ref"),
                                                Jdbc.instant(r, "next_starts_at"),
                                                r.getInt("upcoming"),
                                                List.of(
                                                        (String[])
                                                                r.getArray("cities").getArray())))
                        .list();
        return new Page<>(rows, query.page(), query.size(), total);
    }

    private static String statusCondition(PerformanceStatus status) {
        if (status == null) {
            return " AND p.status IN ('ON_SALE', 'PAUSED') AND " + END + " > now()";
        }
        return switch (status) {
            case ENDED -> " AND p.status <> 'CANCELLED' AND " + END + " <= now()";
            case CANCELLED -> " AND p.status = 'CANCELLED'";
            case ON_SALE -> " AND p.status = 'ON_SALE' AND " + END + " > now()";
            case PAUSED -> " AND p.status = 'PAUSED' AND " + END + " > now()";
            default ->
                    throw new IllegalArgumentException(
                            "status " + status + " cannot be filtered on");
        };
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, ListingQuery query) {
        String text =
                query.text() == null || query.text().isBlank()
                        ? null
                        : escapeLike(query.text().trim());
        String city = query.city() == null || query.city().isBlank() ? null : query.city().trim();
        return statement
                .param("eventId", query.eventId())
                .param("city", city)
                .param("fromTime", Jdbc.timestamp(query.from()))
                .param("toTime", Jdbc.timestamp(query.to()))
                .param("category", query.category() == null ? null : query.category().name())
                .param("text", text);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A listed performance before availability is added. */
    public record Row(
            long id,
            long eventId,
            String eventTitle,
            EventCategory category,
            String posterRef,
            long venueId,
            String venueName,
            String city,
            String timeZone,
            Instant startsAt,
            Instant endsAt,
            Instant salesStartAt,
            Instant salesEndAt,
            PerformanceStatus storedStatus) {

        public Instant effectiveEnd() {
            return endsAt != null
                    ? endsAt
                    : startsAt.plus(dev.fengyun.catalog.Performance.DEFAULT_LENGTH);
        }
    }
}
