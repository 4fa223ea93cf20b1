package dev.fengyun.catalog.internal;

import dev.fengyun.catalog.Event;
import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.EventDraft;
import dev.fengyun.catalog.EventStatus;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Events of organizers. */
@Repository
public class Events {

    private static final String COLUMNS =
            "id, organizer_id, title, description, category, poster_ref, status, version, created_at, updated_at";

    private static final String INSERT =
            """
            INSERT INTO events (organizer_id, title, description, category)
            VALUES (:organizerId, :title, :description, :category)
            RETURNING id
            """;

    private static final String UPDATE =
            """
            UPDATE events SET title = :title, description = :description, category = :category,
                   version = version + 1, updated_at = now()
            WHERE id = :id
            """;

    private static final String SET_STATUS =
            "UPDATE events SET status = :status, version = version + 1, updated_at = now() WHERE id = :id";

    private static final String LOCK =
            "SELECT version FROM events WHERE id = :id AND organizer_id = :organizerId FOR UPDATE";

    private final JdbcClient jdbc;

    Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long organizerId, EventDraft draft) {
        return jdbc.sql(INSERT)
                .param("organizerId", organizerId)
                .param("title", draft.title().trim())
                .param("description", draft.description() == null ? "" : draft.description())
                .param("category", draft.category().name())
                .query(Long.class)
                .single();
    }

    public void update(long id, EventDraft draft) {
        jdbc.sql(UPDATE)
                .param("id", id)
                .param("title", draft.title().trim())
                .param("description", draft.description() == null ? "" : draft.description())
                .param("category", draft.category().name())
                .update();
    }

    /** The poster's object key prefix (set by an upload, cleared by its removal). */
    public void setPoster(long id, String posterRef) {
        jdbc.sql(
                        "UPDATE events SET poster_ref = :ref, version = version + 1, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("ref", posterRef)
                .update();
    }

    public void setStatus(long id, EventStatus status) {
        jdbc.sql(SET_STATUS).param("id", id).param("status", status.name()).update();
    }

    /** The version, with the row locked until the transaction ends. */
    public Optional<Integer> lockVersion(long organizerId, long id) {
        return jdbc.sql(LOCK)
                .param("id", id)
                .param("organizerId", organizerId)
                .query(Integer.class)
                .optional();
    }

    public Optional<Event> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM events WHERE id = :id")
                .param("id", id)
                .query(Events::map)
                .optional();
    }

    public List<Event> ofOrganizer(long organizerId) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM events WHERE organizer_id = :organizerId ORDER BY id DESC")
                .param("organizerId", organizerId)
                .query(Events::map)
                .list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM events WHERE id = :id").param("id", id).update();
    }

    static Event map(ResultSet rows, int n) throws SQLException {
        return new Event(
                rows.getLong("id"),
                rows.getLong("organizer_id"),
                rows.getString("title"),
                rows.getString("description"),
                EventCategory.valueOf(rows.getString("category")),
                rows.getString("poster_ref"),
                EventStatus.valueOf(rows.getString("status")),
                rows.getInt("version"),
                Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "updated_at"));
    }
}
