package dev.fengyun.messaging.internal;

import dev.fengyun.messaging.MailDelivery;
import dev.fengyun.messaging.MailKind;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code mail_outbox} table. Messages are added in the caller's transaction; the worker claims
 * due ones (verification codes first: someone is waiting for them) with a lease ({@code
 * next_attempt_at} pushed into the future, {@code SKIP LOCKED}), so two instances never send the
 * same message at once, and one that dies mid-send leaves the message due again when the lease runs
 * out.
 */
@Repository
public class MailOutbox {

    /**
     * A message about an order, to its buyer unless another recipient is named, in the order's
     * language (orders placed by older releases have none: English, as the web's default). Box
     * office sales without an e-mail carry a reserved {@code .invalid} address: nothing is sent.
     */
    private static final String ADD =
            """
            INSERT INTO mail_outbox (kind, recipient, locale, organizer_id, order_id, params)
            SELECT :kind, coalesce(CAST(:recipient AS text), email), coalesce(locale, 'en'), organizer_id, id,
                   CAST(:params AS jsonb)
            FROM orders WHERE id = :orderId AND coalesce(CAST(:recipient AS text), email) NOT LIKE '%.invalid'
            """;

    private static final String CLAIM_DUE =
            """
            UPDATE mail_outbox SET next_attempt_at = now() + CAST(:lease AS interval), attempts = attempts + 1
            WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
                         ORDER BY kind = 'VERIFICATION_CODE' DESC, next_attempt_at
                         LIMIT :batch FOR UPDATE SKIP LOCKED)
            RETURNING id, kind, recipient, locale, organizer_id, order_id, params, attempts
            """;

    private static final String COLUMNS =
            "id, kind, recipient, status, attempts, last_error, created_at, sent_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MailOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds a message about an order to the outbox, in the caller's transaction. */
    void add(MailKind kind, long orderId, String recipient, Map<String, Object> params) {
        jdbc.sql(ADD)
                .param("kind", kind.name())
                .param("recipient", recipient)
                .param("orderId", orderId)
                .param("params", json.writeValueAsString(params))
                .update();
    }

    /** Adds a message that is about no order (a verification code), in the caller's transaction. */
    void addDirect(MailKind kind, String recipient, String locale, Map<String, Object> params) {
        jdbc.sql(
                        "INSERT INTO mail_outbox (kind, recipient, locale, params) VALUES (:kind, :recipient, :locale, CAST(:params AS jsonb))")
                .param("kind", kind.name())
                .param("recipient", recipient)
                .param("locale", locale)
                .param("params", json.writeValueAsString(params))
                .update();
    }

    /** Claims up to {@code batch} due messages for {@code lease}. */
    List<Claimed> claimDue(int batch, Duration lease) {
        return jdbc.sql(CLAIM_DUE)
                .param("batch", batch)
                .param("lease", lease.toSeconds() + " seconds")
                .query(
                        (ResultSet rows, int n) ->
                                new Claimed(
                                        rows.getLong("id"),
                                        MailKind.valueOf(rows.getString("kind")),
                                        rows.getString("recipient"),
                                        rows.getString("locale"),
                                        rows.getObject("order_id", Long.class),
                                        json.readValue(rows.getString("params"), Map.class),
                                        rows.getInt("attempts")))
                .list();
    }

    void sent(long id) {
        // a verification code is not kept once it went out
        jdbc.sql(
                        """
                        UPDATE mail_outbox SET status = 'SENT', sent_at = now(), last_error = NULL,
                               params = CASE WHEN kind = 'VERIFICATION_CODE' THEN '{}' ELSE params END
                        WHERE id = :id""")
                .param("id", id)
                .update();
    }

    /** A failed attempt: due again at {@code retryAt}, or given up on when that is null. */
    void failed(long id, String error, Instant retryAt) {
        jdbc.sql(
                        """
                        UPDATE mail_outbox SET last_error = :error,
                               status = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                               next_attempt_at = coalesce(CAST(:retryAt AS timestamptz), next_attempt_at)
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("retryAt", retryAt == null ? null : Jdbc.timestamp(retryAt))
                .update();
    }

    public List<MailDelivery> ofOrder(long orderId) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM mail_outbox WHERE order_id = :orderId ORDER BY id")
                .param("orderId", orderId)
                .query(MailOutbox::delivery)
                .list();
    }

    private static MailDelivery delivery(ResultSet rows, int n) throws SQLException {
        return new MailDelivery(
                rows.getLong("id"),
                MailKind.valueOf(rows.getString("kind")),
                rows.getString("recipient"),
                rows.getString("status"),
                rows.getInt("attempts"),
                rows.getString("last_error"),
                Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "sent_at"));
    }

    /** A message claimed for sending. */
    record Claimed(
            long id,
            MailKind kind,
            String recipient,
            String locale,
            Long orderId,
            Map<String, Object> params,
            int attempts) {}
}
