package dev.fengyun.venue.internal;

import dev.fengyun.platform.Jdbc;
import dev.fengyun.venue.PlanRevision;
import dev.fengyun.venue.SeatingPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Seating-plan revisions, stored as JSON documents. */
@Repository
public class SeatingPlans {

    private static final String INSERT =
            """
            INSERT INTO seating_plans (venue_id, revision, document, seat_count, standing_capacity)
            SELECT :venueId, coalesce(max(revision), 0) + 1, CAST(:document AS jsonb), :seats, :standing
            FROM seating_plans WHERE venue_id = :venueId
            RETURNING id
            """;

    private static final String COLUMNS =
            "id, venue_id, revision, document::text AS document, seat_count, standing_capacity, created_at";

    private static final String LATEST =
            "SELECT "
                    + COLUMNS
                    + " FROM seating_plans WHERE venue_id = :venueId ORDER BY revision DESC LIMIT 1";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM seating_plans WHERE id = :id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SeatingPlans(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the plan as the venue's next revision; the caller holds the venue's row lock. */
    public long insert(long venueId, SeatingPlan plan) {
        return jdbc.sql(INSERT)
                .param("venueId", venueId)
                .param("document", json.writeValueAsString(plan))
                .param("seats", plan.seatCount())
                .param("standing", plan.standingCapacity())
                .query(Long.class)
                .single();
    }

    public Optional<PlanRevision> latest(long venueId) {
        return jdbc.sql(LATEST).param("venueId", venueId).query(this::map).optional();
    }

    public Optional<PlanRevision> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(this::map).optional();
    }

    private PlanRevision map(ResultSet rows, int n) throws SQLException {
        return new PlanRevision(
                rows.getLong("id"),
                rows.getLong("venue_id"),
                rows.getInt("revision"),
                json.readValue(rows.getString("document"), SeatingPlan.class),
                rows.getInt("seat_count"),
                rows.getInt("standing_capacity"),
                Jdbc.instant(rows, "created_at"));
    }
}
