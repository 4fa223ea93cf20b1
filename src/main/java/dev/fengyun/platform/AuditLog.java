package dev.fengyun.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, and when. Entries are written in the caller's transaction, so an audit entry
 * exists exactly when the change it describes was committed.
 */
@Component
public class AuditLog {

    private static final String INSERT =
            """
            INSERT INTO audit_log (actor, subject_type, subject_id, action, details)
            VALUES (:actor, :subjectType, :subjectId, :action, CAST(:details AS jsonb))
            """;

    private static final String OF_SUBJECT =
            """
            SELECT occurred_at, actor, action, details::text AS details FROM audit_log
            WHERE subject_type = :subjectType AND subject_id = :subjectId ORDER BY id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(
            String actor,
            String subjectType,
            long subjectId,
            String action,
            Map<String, ?> details) {
        jdbc.sql(INSERT)
                .param("actor", actor)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("action", action)
                .param("details", json.writeValueAsString(details))
                .update();
    }

    public List<Entry> entries(String subjectType, long subjectId) {
        return jdbc.sql(OF_SUBJECT)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .query(
                        (rows, n) ->
                                new Entry(
                                        Jdbc.instant(rows, "occurred_at"),
                                        rows.getString("actor"),
                                        rows.getString("action"),
                                        json.readValue(rows.getString("details"), Map.class)))
                .list();
    }

    /** One audit entry. */
    public record Entry(Instant at, String actor, String action, Map<?, ?> details) {}
}
