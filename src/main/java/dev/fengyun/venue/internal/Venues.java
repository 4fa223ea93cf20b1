package dev.fengyun.venue.internal;

import dev.fengyun.platform.Jdbc;
import dev.fengyun.venue.Venue;
import dev.fengyun.venue.VenueDraft;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Venues, each scoped to its organizer, with a summary of the current plan revision. */
@Repository
public class Venues {

    private static final String SELECT =
            """
            SELECT v.id, v.organizer_id, v.name, v.address, v.city, v.time_zone, v.version,
                   v.created_at, v.updated_at, p.revision, p.seat_count, p.standing_capacity
            FROM venues v
            LEFT JOIN LATERAL (
                SELECT revision, seat_count, standing_capacity FROM seating_plans
                WHERE venue_id = v.id ORDER BY revision DESC LIMIT 1) p ON true
            """;

    private static final String INSERT =
            """
            INSERT INTO venues (organizer_id, name, address, city, time_zone)
            VALUES (:organizerId, :name, :address, :city, :timeZone)
            RETURNING id
            """;

    private static final String UPDATE =
            """
            UPDATE venues SET name = :name, address = :address, city = :city, time_zone = :timeZone,
                   version = version + 1, updated_at = now()
            WHERE id = :id AND organizer_id = :organizerId
            """;

    /** Locks the venue row, so two plan imports cannot pick the same revision number. */
    private static final String LOCK =
            "SELECT version FROM venues WHERE id = :id AND organizer_id = :organizerId FOR UPDATE";

    private static final String TOUCH =
            "UPDATE venues SET version = version + 1, updated_at = now() WHERE id = :id";

    private static final String DELETE =
            "DELETE FROM venues WHERE id = :id AND organizer_id = :organizerId";

    private final JdbcClient jdbc;

    Venues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long organizerId, VenueDraft draft) {
        return jdbc.sql(INSERT)
                .param("organizerId", organizerId)
                .param("name", draft.name().trim())
                .param("address", draft.address() == null ? "" : draft.address().trim())
                .param("city", draft.city().trim())
                .param("timeZone", draft.timeZone())
                .query(Long.class)
                .single();
    }

    public void update(long organizerId, long id, VenueDraft draft) {
        jdbc.sql(UPDATE)
                .param("id", id)
                .param("organizerId", organizerId)
                .param("name", draft.name().trim())
                .param("address", draft.address() == null ? "" : draft.address().trim())
                .param("city", draft.city().trim())
                .param("timeZone", draft.timeZone())
                .update();
    }

    /** The current version, with the row locked until the transaction ends; empty if unknown. */
    public Optional<Integer> lockVersion(long organizerId, long id) {
        return jdbc.sql(LOCK)
                .param("id", id)
                .param("organizerId", organizerId)
                .query(Integer.class)
                .optional();
    }

    public void touch(long id) {
        jdbc.sql(TOUCH).param("id", id).update();
    }

    public void delete(long organizerId, long id) {
        jdbc.sql(DELETE).param("id", id).param("organizerId", organizerId).update();
    }

    public Optional<Venue> find(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(Venues::map).optional();
    }

    public List<Venue> ofOrganizer(long organizerId) {
        return jdbc.sql(SELECT + " WHERE v.organizer_id = :organizerId ORDER BY v.name, v.id")
                .param("organizerId", organizerId)
                .query(Venues::map)
                .list();
    }

    private static Venue map(ResultSet rows, int n) throws SQLException {
        int revision = rows.getInt("revision");
        boolean hasPlan = !rows.wasNull();
        return new Venue(
                rows.getLong("id"),
                rows.getLong("organizer_id"),
                rows.getString("name"),
                rows.getString("address"),
                rows.getString("city"),
                rows.getString("time_zone"),
                rows.getInt("version"),
                hasPlan ? revision : null,
                rows.getInt("seat_count"),
                rows.getInt("standing_capacity"),
                Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "updated_at"));
    }
}
