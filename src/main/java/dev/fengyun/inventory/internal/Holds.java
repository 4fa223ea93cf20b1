package dev.fengyun.inventory.internal;

import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hold records: who reserved how many units of which performance until when. */
@Repository
public class Holds {

    private static final String COLUMNS = "id, code, performance_id, quantity, status, expires_at";

    private static final String SET_STATUS = "UPDATE holds SET status = :status WHERE id = :id";

    /** Tidying only: lapsed holds are already treated as released wherever it matters. */
    private static final String EXPIRE_LAPSED =
            """
            UPDATE holds SET status = 'EXPIRED'
            WHERE id IN (SELECT id FROM holds WHERE status = 'ACTIVE' AND expires_at < now() - interval '1 minute'
                         ORDER BY expires_at LIMIT :batch FOR UPDATE SKIP LOCKED)
            """;

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE code = :code")
                .param("code", code)
                .query(Holds::map)
                .optional();
    }

    /** The hold with its row locked: two orders for one hold are decided one after the other. */
    public Optional<Row> lock(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE code = :code FOR UPDATE")
                .param("code", code)
                .query(Holds::map)
                .optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holds WHERE id = :id")
                .param("id", id)
                .query(Holds::map)
                .optional();
    }

    public void setStatus(long id, String status) {
        jdbc.sql(SET_STATUS).param("id", id).param("status", status).update();
    }

    public int expireLapsed(int batch) {
        return jdbc.sql(EXPIRE_LAPSED).param("batch", batch).update();
    }

    private static Row map(ResultSet rows, int n) throws SQLException {
        return new Row(
                rows.getLong("id"),
                rows.getString("code"),
                rows.getLong("performance_id"),
                rows.getInt("quantity"),
                rows.getString("status"),
                Jdbc.instant(rows, "expires_at"));
    }

    public record Row(
            long id,
            String code,
            long performanceId,
            int quantity,
            String status,
            Instant expiresAt) {}
}
