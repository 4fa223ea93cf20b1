package dev.fengyun.ordering.internal;

import dev.fengyun.ordering.RefundRequest;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RefundRequests {

    private static final String SELECT =
            """
            SELECT r.id, r.order_id, o.code, o.name, r.reason, r.status, r.created_at, r.decided_at, r.decided_by, r.note
            FROM refund_requests r JOIN orders o ON o.id = r.order_id
            """;

    private final JdbcClient jdbc;

    RefundRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a request; false when the order has an open one already. */
    public boolean open(long orderId, long organizerId, String reason) {
        return jdbc.sql(
                                """
                                INSERT INTO refund_requests (order_id, organizer_id, reason, status)
                                VALUES (:orderId, :org, :reason, 'REQUESTED')
                                ON CONFLICT (order_id) WHERE status = 'REQUESTED' DO NOTHING
                                """)
                        .param("orderId", orderId)
                        .param("org", organizerId)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** Decides the order's open request; false when there is none (or it was decided meanwhile). */
    public boolean decide(long orderId, String status, String actor, String note) {
        return jdbc.sql(
                                """
                                UPDATE refund_requests SET status = :status, decided_at = now(), decided_by = :actor, note = :note
                                WHERE order_id = :orderId AND status = 'REQUESTED'
                                """)
                        .param("orderId", orderId)
                        .param("status", status)
                        .param("actor", actor)
                        .param("note", note)
                        .update()
                == 1;
    }

    /** The order's latest request. */
    public Optional<RefundRequest> latest(long orderId) {
        return jdbc.sql(
                        SELECT
                                + " WHERE r.order_id = :orderId ORDER BY r.created_at DESC, r.id DESC LIMIT 1")
                .param("orderId", orderId)
                .query(RefundRequests::map)
                .optional();
    }

    public List<RefundRequest> openOf(long organizerId) {
        return jdbc.sql(
                        SELECT
                                + " WHERE r.organizer_id = :org AND r.status = 'REQUESTED' ORDER BY r.created_at, r.id")
                .param("org", organizerId)
                .query(RefundRequests::map)
                .list();
    }

    private static RefundRequest map(ResultSet rows, int n) throws SQLException {
        return new RefundRequest(
                rows.getLong("id"),
                rows.getLong("order_id"),
                rows.getString("code"),
                rows.getString("name"),
                rows.getString("reason"),
                rows.getString("status"),
                Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "decided_at"),
                rows.getString("decided_by"),
                rows.getString("note"));
    }
}
