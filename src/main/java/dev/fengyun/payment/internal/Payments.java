package dev.fengyun.payment.internal;

import dev.fengyun.payment.Payment;
import dev.fengyun.payment.PaymentStatus;
import dev.fengyun.platform.Jdbc;
import dev.fengyun.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments and their append-only ledger. Nothing here updates or deletes a financial row. */
@Repository
public class Payments {

    private static final String INSERT =
            """
            INSERT INTO payments (code, order_id, organizer_id, method, amount_minor, currency)
            VALUES (:code, :orderId, :organizerId, :method, :amount, :currency)
            RETURNING id
            """;

    /**
     * Appends a ledger entry. A second outcome (CONFIRMED or FAILED) for the same payment hits the
     * partial unique index and inserts nothing, which makes duplicate callbacks harmless.
     */
    private static final String RECORD =
            """
            INSERT INTO payment_ledger (payment_id, kind, amount_minor, provider_reference, reason, actor)
            VALUES (:paymentId, :kind, :amount, :reference, :reason, :actor)
            ON CONFLICT DO NOTHING
            """;

    private static final String SELECT =
            """
            SELECT p.id, p.code, p.order_id, p.organizer_id, p.method, p.amount_minor, p.currency, p.created_at,
                   (SELECT kind FROM payment_ledger l WHERE l.payment_id = p.id AND l.kind IN ('CONFIRMED', 'FAILED')) AS outcome,
                   (SELECT coalesce(sum(amount_minor), 0) FROM payment_ledger l WHERE l.payment_id = p.id AND l.kind = 'REFUNDED') AS refunded
            FROM payments p
            """;

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String code, long orderId, long organizerId, String method, Money amount) {
        return jdbc.sql(INSERT)
                .param("code", code)
                .param("orderId", orderId)
                .param("organizerId", organizerId)
                .param("method", method)
                .param("amount", amount.minor())
                .param("currency", amount.currency())
                .query(Long.class)
                .single();
    }

    /** Appends to the ledger; false when it was a duplicate outcome and nothing was written. */
    public boolean record(
            long paymentId,
            String kind,
            long amountMinor,
            String reference,
            String reason,
            String actor) {
        return jdbc.sql(RECORD)
                        .param("paymentId", paymentId)
                        .param("kind", kind)
                        .param("amount", amountMinor)
                        .param("reference", reference)
                        .param("reason", reason)
                        .param("actor", actor)
                        .update()
                == 1;
    }

    public Optional<Payment> find(String code) {
        return jdbc.sql(SELECT + " WHERE p.code = :code")
                .param("code", code)
                .query(Payments::map)
                .optional();
    }

    /** The payment with its row locked, so refunds of one payment are decided one at a time. */
    public Optional<Payment> lock(String code) {
        jdbc.sql("SELECT id FROM payments WHERE code = :code FOR UPDATE")
                .param("code", code)
                .query(Long.class)
                .optional();
        return find(code);
    }

    public List<Payment> ofOrder(long orderId) {
        return jdbc.sql(SELECT + " WHERE p.order_id = :orderId ORDER BY p.id")
                .param("orderId", orderId)
                .query(Payments::map)
                .list();
    }

    private static Payment map(ResultSet rows, int n) throws SQLException {
        String currency = rows.getString("currency");
        Money amount = Money.of(rows.getLong("amount_minor"), currency);
        Money refunded = Money.of(rows.getLong("refunded"), currency);
        String outcome = rows.getString("outcome");
        PaymentStatus status;
        if (outcome == null) {
            status = PaymentStatus.PENDING;
        } else if (outcome.equals("FAILED")) {
            status = PaymentStatus.FAILED;
        } else if (refunded.isZero()) {
            status = PaymentStatus.CONFIRMED;
        } else {
            status =
                    refunded.minor() >= amount.minor()
                            ? PaymentStatus.REFUNDED
                            : PaymentStatus.PARTIALLY_REFUNDED;
        }
        return new Payment(
                rows.getLong("id"),
                rows.getString("code"),
                rows.getLong("order_id"),
                rows.getLong("organizer_id"),
                rows.getString("method"),
                amount,
                status,
                refunded,
                Jdbc.instant(rows, "created_at"));
    }
}
