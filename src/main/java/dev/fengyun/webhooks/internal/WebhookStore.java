package dev.fengyun.webhooks.internal;

import dev.fengyun.platform.ExpiringCache;
import dev.fengyun.platform.Jdbc;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.webhooks.Webhook;
import dev.fengyun.webhooks.WebhookDelivery;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhooks} and {@code webhook_deliveries} tables. */
@Repository
public class WebhookStore {

    private static final String WEBHOOK_COLUMNS =
            "id, code, organizer_id, url, events, secret_sealed, enabled, disabled_reason, created_at, updated_at";
    private static final String DELIVERY_COLUMNS =
            "d.id, d.code, d.webhook_id, d.event, d.body, d.status, d.attempts, d.next_attempt_at, d.last_status,"
                    + " d.last_error, d.created_at, d.delivered_at";

    static final Duration SUBSCRIPTIONS_TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final ExpiringCache<Long, Set<String>> subscriptions =
            new ExpiringCache<>(SUBSCRIPTIONS_TTL, 10_000);

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A webhook with what delivering needs (the sealed secret, the internal id). */
    public record Endpoint(long id, long organizerId, Webhook view, byte[] sealedSecret) {}

    public long insert(
            String code, long organizerId, String url, List<String> events, byte[] sealedSecret) {
        long id =
                jdbc.sql(
                                """
                        INSERT INTO webhooks (code, organizer_id, url, events, secret_sealed)
                        VALUES (:code, :org, :url, :events, :secret) RETURNING id""")
                        .param("code", code)
                        .param("org", organizerId)
                        .param("url", url)
                        .param("events", events.toArray(String[]::new))
                        .param("secret", sealedSecret)
                        .query(Long.class)
                        .single();
        changed(organizerId);
        return id;
    }

    public List<Endpoint> ofOrganizer(long organizerId) {
        return jdbc.sql(
                        "SELECT "
                                + WEBHOOK_COLUMNS
                                + " FROM webhooks WHERE organizer_id = :org AND deleted_at IS NULL ORDER BY id")
                .param("org", organizerId)
                .query(WebhookStore::endpoint)
                .list();
    }

    public Optional<Endpoint> find(long organizerId, String code) {
        return jdbc.sql(
                        "SELECT "
                                + WEBHOOK_COLUMNS
                                + " FROM webhooks WHERE organizer_id = :org AND code = :code AND deleted_at IS NULL")
                .param("org", organizerId)
                .param("code", code)
                .query(WebhookStore::endpoint)
                .optional();
    }

    Optional<Endpoint> byId(long id) {
        return jdbc.sql("SELECT " + WEBHOOK_COLUMNS + " FROM webhooks WHERE id = :id")
                .param("id", id)
                .query(WebhookStore::endpoint)
                .optional();
    }

    public void update(long id, String url, List<String> events, boolean enabled) {
        jdbc.sql(
                        """
                        UPDATE webhooks SET url = :url, events = :events, enabled = :enabled,
                               disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END, updated_at = now()
                        WHERE id = :id""")
                .param("id", id)
                .param("url", url)
                .param("events", events.toArray(String[]::new))
                .param("enabled", enabled)
                .update();
        forgetOrganizerOf(id);
    }

    public void rotate(long id, byte[] sealedSecret) {
        jdbc.sql("UPDATE webhooks SET secret_sealed = :secret, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("secret", sealedSecret)
                .update();
    }

    /** Deleted webhooks stay for their delivery log; their pending deliveries are dropped. */
    public void delete(long id) {
        jdbc.sql(
                        "UPDATE webhooks SET deleted_at = now(), enabled = false, updated_at = now() WHERE id = :id")
                .param("id", id)
                .update();
        jdbc.sql(
                        "UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'webhook deleted' WHERE webhook_id = :id AND status = 'PENDING'")
                .param("id", id)
                .update();
        forgetOrganizerOf(id);
    }

    void disable(long id, String reason) {
        jdbc.sql(
                        "UPDATE webhooks SET enabled = false, disabled_reason = :reason, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("reason", reason)
                .update();
        forgetOrganizerOf(id);
    }

    private void forgetOrganizerOf(long webhookId) {
        jdbc.sql("SELECT organizer_id FROM webhooks WHERE id = :id")
                .param("id", webhookId)
                .query(Long.class)
                .optional()
                .ifPresent(this::changed);
    }

    /** One delivery of an event to every enabled webhook of the organizer that subscribes to it. */
    void enqueue(long organizerId, String event, Function<String, String> bodyForDelivery) {
        if (!subscribed(organizerId, event)) {
            return;
        }
        List<Long> subscribers =
                jdbc.sql(
                                """
                        SELECT id FROM webhooks WHERE organizer_id = :org AND enabled AND deleted_at IS NULL
                          AND :event = ANY (events)""")
                        .param("org", organizerId)
                        .param("event", event)
                        .query(Long.class)
                        .list();
        for (long webhookId : subscribers) {
            String code = "DL" + RandomCodes.code(18);
            jdbc.sql(
                            "INSERT INTO webhook_deliveries (code, webhook_id, event, body) VALUES (:code, :webhook, :event, :body)")
                    .param("code", code)
                    .param("webhook", webhookId)
                    .param("event", event)
                    .param("body", bodyForDelivery.apply(code))
                    .update();
        }
    }

    /** Claims due deliveries of enabled webhooks for {@code lease}. */
    List<Claimed> claimDue(int batch, Duration lease) {
        return jdbc.sql(
                        """
                        UPDATE webhook_deliveries d SET next_attempt_at = now() + CAST(:lease AS interval), attempts = attempts + 1
                        FROM webhooks w
                        WHERE w.id = d.webhook_id AND d.id IN (
                            SELECT d2.id FROM webhook_deliveries d2 JOIN webhooks w2 ON w2.id = d2.webhook_id
                            WHERE d2.status = 'PENDING' AND d2.next_attempt_at <= now() AND w2.enabled
                            ORDER BY d2.next_attempt_at LIMIT :batch FOR UPDATE OF d2 SKIP LOCKED)
                        RETURNING d.id, d.code, d.event, d.body, d.attempts, d.created_at, w.id AS webhook_id, w.code AS webhook_code,
                                  w.url, w.secret_sealed""")
                .param("lease", lease.toSeconds() + " seconds")
                .param("batch", batch)
                .query(
                        (rows, n) ->
                                new Claimed(
                                        rows.getLong("id"),
                                        rows.getString("code"),
                                        rows.getString("event"),
                                        rows.getString("body"),
                                        rows.getInt("attempts"),
                                        Jdbc.instant(rows, "created_at"),
                                        rows.getLong("webhook_id"),
                                        rows.getString("webhook_code"),
                                        rows.getString("url"),
                                        rows.getBytes("secret_sealed")))
                .list();
    }

    record Claimed(
            long id,
            String code,
            String event,
            String body,
            int attempts,
            Instant createdAt,
            long webhookId,
            String webhookCode,
            String url,
            byte[] sealedSecret) {}

    void delivered(long id, int status) {
        jdbc.sql(
                        "UPDATE webhook_deliveries SET status = 'DELIVERED', last_status = :status, last_error = NULL, delivered_at = now() WHERE id = :id")
                .param("id", id)
                .param("status", status)
                .update();
    }

    /** A failed attempt: due again at {@code retryAt}, or given up on when it is null. */
    void failed(long id, Integer status, String error, Instant retryAt) {
        jdbc.sql(
                        """
                        UPDATE webhook_deliveries SET last_status = :status, last_error = :error,
                               status = CASE WHEN CAST(:retryAt AS timestamptz) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                               next_attempt_at = coalesce(CAST(:retryAt AS timestamptz), next_attempt_at)
                        WHERE id = :id""")
                .param("id", id)
                .param("status", status)
                .param(
                        "error",
                        error == null
                                ? null
                                : error.length() > 500 ? error.substring(0, 500) : error)
                .param("retryAt", retryAt == null ? null : Jdbc.timestamp(retryAt))
                .update();
    }

    public List<WebhookDelivery> deliveries(long webhookId, int limit) {
        return jdbc.sql(
                        "SELECT "
                                + DELIVERY_COLUMNS
                                + " FROM webhook_deliveries d WHERE d.webhook_id = :id ORDER BY d.id DESC LIMIT :limit")
                .param("id", webhookId)
                .param("limit", limit)
                .query(WebhookStore::delivery)
                .list();
    }

    /** Sends a delivery again, now, whatever became of it. */
    public Optional<WebhookDelivery> redeliver(long webhookId, String code) {
        int updated =
                jdbc.sql(
                                """
                        UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = now(), delivered_at = NULL
                        WHERE webhook_id = :id AND code = :code""")
                        .param("id", webhookId)
                        .param("code", code)
                        .update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "SELECT "
                                + DELIVERY_COLUMNS
                                + " FROM webhook_deliveries d WHERE d.code = :code")
                .param("code", code)
                .query(WebhookStore::delivery)
                .optional();
    }

    /**
     * Whether an enabled webhook of the organizer subscribes to the event. Asked in every paying
     * transaction, so answered from a cache of each organizer's subscribed events: changes made on
     * this instance apply at once, changes made on another within {@link #SUBSCRIPTIONS_TTL}.
     */
    boolean subscribed(long organizerId, String event) {
        return subscriptions.get(organizerId, this::loadSubscriptions).contains(event);
    }

    /** Forgets the cached subscriptions of an organizer after a change to its webhooks. */
    void changed(long organizerId) {
        subscriptions.invalidate(organizerId);
    }

    private Set<String> loadSubscriptions(long organizerId) {
        return Set.copyOf(
                jdbc.sql(
                                """
                        SELECT DISTINCT unnest(events) FROM webhooks
                        WHERE organizer_id = :org AND enabled AND deleted_at IS NULL""")
                        .param("org", organizerId)
                        .query(String.class)
                        .list());
    }

    /** Records that a performance sold out; false when it was reported already. */
    boolean markSoldOut(long performanceId) {
        return jdbc.sql(
                                "INSERT INTO webhook_sold_out (performance_id) VALUES (:id) ON CONFLICT DO NOTHING")
                        .param("id", performanceId)
                        .update()
                == 1;
    }

    /** Whether nothing of the performance is left to buy or held (everything sold or blocked). */
    boolean soldOut(long performanceId) {
        return jdbc.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM units WHERE performance_id = :id)
                           AND NOT EXISTS (SELECT 1 FROM units WHERE performance_id = :id AND status IN ('AVAILABLE', 'HELD'))""")
                .param("id", performanceId)
                .query(Boolean.class)
                .single();
    }

    /** Performances on sale that sold out without being reported yet (the sweep's safety net). */
    List<long[]> unreportedSoldOut() {
        return jdbc.sql(
                        """
                        SELECT p.id, p.organizer_id FROM performances p
                        WHERE p.status = 'ON_SALE'
                          AND NOT EXISTS (SELECT 1 FROM webhook_sold_out s WHERE s.performance_id = p.id)
                          AND EXISTS (SELECT 1 FROM webhooks w WHERE w.organizer_id = p.organizer_id AND w.enabled
                                      AND w.deleted_at IS NULL AND 'performance.sold_out' = ANY (w.events))
                          AND EXISTS (SELECT 1 FROM units u WHERE u.performance_id = p.id)
                          AND NOT EXISTS (SELECT 1 FROM units u WHERE u.performance_id = p.id AND u.status IN ('AVAILABLE', 'HELD'))""")
                .query((rows, n) -> new long[] {rows.getLong(1), rows.getLong(2)})
                .list();
    }

    private static Endpoint endpoint(ResultSet rows, int n) throws SQLException {
        Array events = rows.getArray("events");
        return new Endpoint(
                rows.getLong("id"),
                rows.getLong("organizer_id"),
                new Webhook(
                        rows.getString("code"),
                        rows.getString("url"),
                        Arrays.asList((String[]) events.getArray()),
                        rows.getBoolean("enabled"),
                        rows.getString("disabled_reason"),
                        Jdbc.instant(rows, "created_at"),
                        Jdbc.instant(rows, "updated_at")),
                rows.getBytes("secret_sealed"));
    }

    private static WebhookDelivery delivery(ResultSet rows, int n) throws SQLException {
        return new WebhookDelivery(
                rows.getString("code"),
                rows.getString("event"),
                rows.getString("status"),
                rows.getInt("attempts"),
                rows.getObject("last_status", Integer.class),
                rows.getString("last_error"),
                Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "next_attempt_at"),
                Jdbc.instant(rows, "delivered_at"),
                rows.getString("body"));
    }
}
