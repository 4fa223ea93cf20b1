package dev.fengyun.ordering.internal;

import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderItem;
import dev.fengyun.ordering.OrderStatus;
import dev.fengyun.ordering.SalesChannel;
import dev.fengyun.platform.Jdbc;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Orders and their items. */
@Repository
public class Orders {

    private static final String COLUMNS =
            """
            id, code, organizer_id, performance_id, hold_id, channel, status, email, name, phone, account_id,
            buyer_key, currency, total_minor, payment_method, payment_due_at, created_at, paid_at, closed_at
            """;

    private static final String INSERT =
            """
            INSERT INTO orders (code, access_token_hash, organizer_id, performance_id, channel, status, email, name,
                                phone, account_id, buyer_key, currency, total_minor, payment_method, payment_due_at, locale)
            VALUES (:code, :tokenHash, :organizerId, :performanceId, :channel, 'PENDING_PAYMENT', :email, :name,
                    :phone, :accountId, :buyerKey, :currency, 0, :paymentMethod, :paymentDueAt, :locale)
            RETURNING id
            """;

    private static final String SET_HOLD_AND_TOTAL =
            "UPDATE orders SET hold_id = :holdId, total_minor = :total WHERE id = :id";

    /** All items of an order in one statement. */
    private static final String INSERT_ITEMS =
            """
            INSERT INTO order_items (order_id, unit_id, zone_id, zone_name, seat_id, seat_label, price_minor)
            SELECT :orderId, i.unit_id, i.zone_id, i.zone_name, i.seat_id, i.seat_label, i.price
            FROM unnest(:unitIds, :zoneIds, :zoneNames, :seatIds, :seatLabels, :prices)
                 AS i (unit_id, zone_id, zone_name, seat_id, seat_label, price)
            """;

    private static final String SET_STATUS =
            """
            UPDATE orders SET status = :status, version = version + 1,
                   paid_at = CASE WHEN :status = 'PAID' THEN now() ELSE paid_at END,
                   closed_at = CASE WHEN :status IN ('CANCELLED', 'EXPIRED', 'REFUNDED') THEN now() ELSE closed_at END
            WHERE id = :id
            """;

    private static final String SET_ITEM_STATUS =
            "UPDATE order_items SET status = :status WHERE order_id = :orderId AND id IN (:itemIds) AND status = 'ACTIVE'";

    /**
     * Items of overdue unpaid orders whose units were just claimed by a new order. Their orders
     * lost the units when the payment window passed (expiry is lazy); the sweeper closes them.
     * Items of paid orders are never touched, so the unique index still stops a double sale.
     */
    private static final String RELEASE_LAPSED_ITEMS =
            """
            UPDATE order_items i SET status = 'RELEASED'
            FROM orders o
            WHERE o.id = i.order_id AND i.unit_id IN (:unitIds) AND i.status = 'ACTIVE'
              AND o.status = 'PENDING_PAYMENT' AND o.payment_due_at < now()
            """;

    private static final String ITEMS =
            """
            SELECT id, order_id, unit_id, zone_id, zone_name, seat_id, seat_label, price_minor, status
            FROM order_items WHERE order_id = :orderId ORDER BY id
            """;

    private static final String OVERDUE =
            """
            SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND payment_due_at < now()
            ORDER BY payment_due_at LIMIT :batch FOR UPDATE SKIP LOCKED
            """;

    private static final String LIVE_OF_PERFORMANCE =
            "SELECT id FROM orders WHERE performance_id = :performanceId AND status IN ('PENDING_PAYMENT', 'PAID') ORDER BY id";

    private static final String TOKEN_MATCHES =
            "SELECT EXISTS (SELECT 1 FROM orders WHERE code = :code AND access_token_hash = :hash)";

    private static final String SEARCH =
            """
            FROM orders WHERE organizer_id = :organizerId
              AND (CAST(:performanceId AS bigint) IS NULL OR performance_id = :performanceId)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:text AS text) IS NULL OR code = upper(:text) OR email ILIKE '%' || :text || '%'
                   OR name ILIKE '%' || :text || '%')
            """;

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewOrder order) {
        return jdbc.sql(INSERT)
                .param("code", order.code())
                .param("tokenHash", order.tokenHash())
                .param("organizerId", order.organizerId())
                .param("performanceId", order.performanceId())
                .param("channel", order.channel().name())
                .param("email", order.email())
                .param("name", order.name())
                .param("phone", order.phone())
                .param("accountId", order.accountId())
                .param("buyerKey", order.buyerKey())
                .param("currency", order.currency())
                .param("paymentMethod", order.paymentMethod())
                .param("paymentDueAt", Jdbc.timestamp(order.paymentDueAt()))
                // the language of the request that placed it: messages about the order use it
                .param(
                        "locale",
                        LocaleContextHolder.getLocale().getLanguage().equals("zh") ? "zh-CN" : "en")
                .query(Long.class)
                .single();
    }

    public void setHoldAndTotal(long orderId, long holdId, long totalMinor) {
        jdbc.sql(SET_HOLD_AND_TOTAL)
                .param("id", orderId)
                .param("holdId", holdId)
                .param("total", totalMinor)
                .update();
    }

    public void insertItems(long orderId, List<NewItem> items) {
        int n = items.size();
        Long[] unitIds = new Long[n];
        Long[] zoneIds = new Long[n];
        String[] zoneNames = new String[n];
        String[] seatIds = new String[n];
        String[] seatLabels = new String[n];
        Long[] prices = new Long[n];
        for (int i = 0; i < n; i++) {
            NewItem item = items.get(i);
            unitIds[i] = item.unitId();
            zoneIds[i] = item.zoneId();
            zoneNames[i] = item.zoneName();
            seatIds[i] = item.seatId();
            seatLabels[i] = item.seatLabel();
            prices[i] = item.priceMinor();
        }
        jdbc.sql(INSERT_ITEMS)
                .param("orderId", orderId)
                .param("unitIds", new SqlArrayValue("bigint", (Object[]) unitIds))
                .param("zoneIds", new SqlArrayValue("bigint", (Object[]) zoneIds))
                .param("zoneNames", new SqlArrayValue("text", (Object[]) zoneNames))
                .param("seatIds", new SqlArrayValue("text", (Object[]) seatIds))
                .param("seatLabels", new SqlArrayValue("text", (Object[]) seatLabels))
                .param("prices", new SqlArrayValue("bigint", (Object[]) prices))
                .update();
    }

    public int releaseLapsedItems(Collection<Long> unitIds) {
        return unitIds.isEmpty()
                ? 0
                : jdbc.sql(RELEASE_LAPSED_ITEMS).param("unitIds", unitIds).update();
    }

    public void setStatus(long orderId, OrderStatus status) {
        jdbc.sql(SET_STATUS).param("id", orderId).param("status", status.name()).update();
    }

    public void setItemStatus(long orderId, Collection<Long> itemIds, String status) {
        if (!itemIds.isEmpty()) {
            jdbc.sql(SET_ITEM_STATUS)
                    .param("orderId", orderId)
                    .param("itemIds", itemIds)
                    .param("status", status)
                    .update();
        }
    }

    public Optional<Order> find(String code) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE code = :code", "code", code);
    }

    public Optional<Order> find(long id) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE id = :id", "id", id);
    }

    /** The order with its row locked: payment, cancellation and expiry of one order serialise. */
    public Optional<Order> lock(long id) {
        return one("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE", "id", id);
    }

    public Optional<Order> lock(String code) {
        return one(
                "SELECT " + COLUMNS + " FROM orders WHERE code = :code FOR UPDATE", "code", code);
    }

    public boolean tokenMatches(String code, byte[] tokenHash) {
        return jdbc.sql(TOKEN_MATCHES)
                .param("code", code)
                .param("hash", tokenHash)
                .query(Boolean.class)
                .single();
    }

    /** Overdue unpaid orders, locked; others working on the same job skip them. */
    public List<Long> lockOverdue(int batch) {
        return jdbc.sql(OVERDUE).param("batch", batch).query(Long.class).list();
    }

    public List<Long> liveOfPerformance(long performanceId) {
        return jdbc.sql(LIVE_OF_PERFORMANCE)
                .param("performanceId", performanceId)
                .query(Long.class)
                .list();
    }

    public List<Order> ofAccount(long accountId) {
        return withItems(
                jdbc.sql(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM orders WHERE account_id = :accountId ORDER BY id DESC LIMIT 200")
                        .param("accountId", accountId)
                        .query(Orders::map)
                        .list());
    }

    public Page<Order> search(
            long organizerId,
            Long performanceId,
            OrderStatus status,
            String text,
            int page,
            int size) {
        String query =
                text == null || text.isBlank()
                        ? null
                        : text.trim().replace("%", "").replace("_", "");
        long total =
                bindSearch(
                                jdbc.sql("SELECT count(*) " + SEARCH),
                                organizerId,
                                performanceId,
                                status,
                                query)
                        .query(Long.class)
                        .single();
        List<Order> orders =
                bindSearch(
                                jdbc.sql(
                                        "SELECT "
                                                + COLUMNS
                                                + SEARCH
                                                + " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
                                organizerId,
                                performanceId,
                                status,
                                query)
                        .param("limit", size)
                        .param("offset", Page.offset(page, size))
                        .query(Orders::map)
                        .list();
        return new Page<>(withItems(orders), page, size, total);
    }

    private static JdbcClient.StatementSpec bindSearch(
            JdbcClient.StatementSpec statement,
            long organizerId,
            Long performanceId,
            OrderStatus status,
            String text) {
        return statement
                .param("organizerId", organizerId)
                .param("performanceId", performanceId)
                .param("status", status == null ? null : status.name())
                .param("text", text);
    }

    private Optional<Order> one(String sql, String name, Object value) {
        return jdbc.sql(sql)
                .param(name, value)
                .query(Orders::map)
                .optional()
                .map(o -> withItems(List.of(o)).get(0));
    }

    private List<Order> withItems(List<Order> orders) {
        return orders.stream()
                .map(
                        o -> {
                            List<OrderItem> items =
                                    jdbc.sql(ITEMS)
                                            .param("orderId", o.id())
                                            .query(
                                                    (rows, n) ->
                                                            new OrderItem(
                                                                    rows.getLong("id"),
                                                                    rows.getLong("unit_id"),
                                                                    rows.getLong("zone_id"),
                                                                    rows.getString("zone_name"),
                                                                    rows.getString("seat_id"),
                                                                    rows.getString("seat_label"),
                                                                    Money.of(
                                                                            rows.getLong(
                                                                                    "price_minor"),
                                                                            o.total().currency()),
                                                                    rows.getString("status")))
                                            .list();
                            return new Order(
                                    o.id(),
                                    o.code(),
                                    o.organizerId(),
                                    o.performanceId(),
                                    o.holdId(),
                                    o.channel(),
                                    o.status(),
                                    o.email(),
                                    o.name(),
                                    o.phone(),
                                    o.accountId(),
                                    o.buyerKey(),
                                    o.total(),
                                    o.paymentMethod(),
                                    o.paymentDueAt(),
                                    o.createdAt(),
                                    o.paidAt(),
                                    o.closedAt(),
                                    items);
                        })
                .toList();
    }

    private static Order map(ResultSet rows, int n) throws SQLException {
        long holdId = rows.getLong("hold_id");
        Long hold = rows.wasNull() ? null : holdId;
        long accountId = rows.getLong("account_id");
        Long account = rows.wasNull() ? null : accountId;
        return new Order(
                rows.getLong("id"),
                rows.getString("code"),
                rows.getLong("organizer_id"),
                rows.getLong("performance_id"),
                hold,
                SalesChannel.valueOf(rows.getString("channel")),
                OrderStatus.valueOf(rows.getString("status")),
                rows.getString("email"),
                rows.getString("name"),
                rows.getString("phone"),
                account,
                rows.getString("buyer_key"),
                Money.of(rows.getLong("total_minor"), rows.getString("currency")),
                rows.getString("payment_method"),
                Jdbc.instant(rows, "payment_due_at"),
                Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "paid_at"),
                Jdbc.instant(rows, "closed_at"),
                List.of());
    }

    /** One seat or place of a new order. */
    public record NewItem(
            long unitId,
            long zoneId,
            String zoneName,
            String seatId,
            String seatLabel,
            long priceMinor) {}

    /** The fields of a new order. */
    public record NewOrder(
            String code,
            byte[] tokenHash,
            long organizerId,
            long performanceId,
            SalesChannel channel,
            String email,
            String name,
            String phone,
            Long accountId,
            String buyerKey,
            String currency,
            String paymentMethod,
            Instant paymentDueAt) {}
}
