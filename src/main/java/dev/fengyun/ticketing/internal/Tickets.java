package dev.fengyun.ticketing.internal;

import dev.fengyun.platform.Jdbc;
import dev.fengyun.ticketing.NewTicket;
import dev.fengyun.ticketing.Ticket;
import dev.fengyun.ticketing.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Ticket rows. A unit has at most one VALID ticket (unique index), whatever the code does. */
@Repository
public class Tickets {

    /** All tickets of a paid order in one statement. */
    private static final String INSERT =
            """
            INSERT INTO tickets (code, order_id, order_item_id, organizer_id, performance_id, unit_id, zone_id,
                                 zone_name, seat_id, seat_label, holder_name, holder_email, qr, key_id,
                                 valid_from, valid_until)
            SELECT t.code, t.order_id, t.order_item_id, t.organizer_id, t.performance_id, t.unit_id, t.zone_id,
                   t.zone_name, t.seat_id, t.seat_label, t.holder_name, t.holder_email, t.qr, t.key_id,
                   :validFrom, :validUntil
            FROM unnest(:codes, :orderIds, :itemIds, :organizerIds, :performanceIds, :unitIds, :zoneIds,
                        :zoneNames, :seatIds, :seatLabels, :holderNames, :holderEmails, :qrs, :keyIds)
                 AS t (code, order_id, order_item_id, organizer_id, performance_id, unit_id, zone_id,
                       zone_name, seat_id, seat_label, holder_name, holder_email, qr, key_id)
            RETURNING id
            """;

    private static final String[] ARRAYS = {
        "codes:text",
        "orderIds:bigint",
        "itemIds:bigint",
        "organizerIds:bigint",
        "performanceIds:bigint",
        "unitIds:bigint",
        "zoneIds:bigint",
        "zoneNames:text",
        "seatIds:text",
        "seatLabels:text",
        "holderNames:text",
        "holderEmails:text",
        "qrs:text",
        "keyIds:bigint"
    };

    private static final String COLUMNS =
            """
            id, code, order_id, order_item_id, organizer_id, performance_id, unit_id, zone_id, zone_name, seat_id,
            seat_label, holder_name, holder_email, status, revoked_reason, issued_at, valid_from, valid_until, qr
            """;

    private static final String REVOKE =
            """
            UPDATE tickets SET status = 'REVOKED', revoked_at = now(), revoked_reason = 'REFUNDED'
            WHERE order_item_id IN (:itemIds) AND status = 'VALID'
            """;

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A ticket to insert: what it is for, its code, and its signed QR text. */
    public record Signed(NewTicket ticket, String code, String qr, long keyId) {}

    /** Inserts the tickets, all valid in one window; returns their ids in the same order. */
    public List<Long> insert(List<Signed> tickets, Instant validFrom, Instant validUntil) {
        int n = tickets.size();
        Object[][] columns = new Object[ARRAYS.length][n];
        for (int i = 0; i < n; i++) {
            Signed s = tickets.get(i);
            NewTicket t = s.ticket();
            Object[] row = {
                s.code(),
                t.orderId(),
                t.orderItemId(),
                t.organizerId(),
                t.performanceId(),
                t.unitId(),
                t.zoneId(),
                t.zoneName(),
                t.seatId(),
                t.seatLabel(),
                t.holderName(),
                t.holderEmail(),
                s.qr(),
                s.keyId()
            };
            for (int c = 0; c < ARRAYS.length; c++) {
                columns[c][i] = row[c];
            }
        }
        JdbcClient.StatementSpec statement =
                jdbc.sql(INSERT)
                        .param("validFrom", Jdbc.timestamp(validFrom))
                        .param("validUntil", Jdbc.timestamp(validUntil));
        for (int c = 0; c < ARRAYS.length; c++) {
            String[] nameAndType = ARRAYS[c].split(":");
            statement =
                    statement.param(nameAndType[0], new SqlArrayValue(nameAndType[1], columns[c]));
        }
        return statement.query(Long.class).list();
    }

    public int revokeItems(Collection<Long> orderItemIds) {
        return orderItemIds.isEmpty()
                ? 0
                : jdbc.sql(REVOKE).param("itemIds", orderItemIds).update();
    }

    /** Revokes a valid ticket as transferred to {@code replacement}; false if it was not valid. */
    public boolean revokeTransferred(long ticketId) {
        return jdbc.sql(
                                """
                                UPDATE tickets SET status = 'REVOKED', revoked_at = now(), revoked_reason = 'TRANSFERRED'
                                WHERE id = :id AND status = 'VALID'
                                """)
                        .param("id", ticketId)
                        .update()
                == 1;
    }

    public void linkReplacement(long ticketId, long replacementId) {
        jdbc.sql("UPDATE tickets SET replaced_by = :replacement WHERE id = :id")
                .param("id", ticketId)
                .param("replacement", replacementId)
                .update();
    }

    /** Stores a ticket's (new) signed QR text and the validity it signs. */
    public void setSigned(
            long ticketId, String qr, long keyId, Instant validFrom, Instant validUntil) {
        jdbc.sql(
                        """
                        UPDATE tickets SET qr = :qr, key_id = :keyId, valid_from = :validFrom, valid_until = :validUntil
                        WHERE id = :id
                        """)
                .param("id", ticketId)
                .param("qr", qr)
                .param("keyId", keyId)
                .param("validFrom", Jdbc.timestamp(validFrom))
                .param("validUntil", Jdbc.timestamp(validUntil))
                .update();
    }

    public List<Ticket> ofOrder(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE order_id = :orderId ORDER BY id")
                .param("orderId", orderId)
                .query(Tickets::map)
                .list();
    }

    public Optional<Ticket> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE code = :code")
                .param("code", code)
                .query(Tickets::map)
                .optional();
    }

    /**
     * Valid tickets of an organizer still signed with {@code keyId}, to re-sign before it retires.
     */
    public List<Ticket> validSignedWith(long organizerId, long keyId) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM tickets WHERE organizer_id = :org AND key_id = :keyId AND status = 'VALID'")
                .param("org", organizerId)
                .param("keyId", keyId)
                .query(Tickets::map)
                .list();
    }

    public long countValid(long performanceId, List<Long> zoneIds) {
        return jdbc.sql(
                        "SELECT count(*) FROM tickets WHERE performance_id = :performanceId AND status = 'VALID'"
                                + (zoneIds == null ? "" : " AND zone_id = ANY(:zoneIds)"))
                .param("performanceId", performanceId)
                .param(
                        "zoneIds",
                        zoneIds == null ? null : new SqlArrayValue("bigint", zoneIds.toArray()))
                .query(Long.class)
                .single();
    }

    /** Codes of the performance's revoked tickets: what an offline scanner must turn away. */
    public List<String> revokedCodes(long performanceId) {
        return jdbc.sql(
                        "SELECT code FROM tickets WHERE performance_id = :performanceId AND status = 'REVOKED' ORDER BY id")
                .param("performanceId", performanceId)
                .query(String.class)
                .list();
    }

    static Ticket map(ResultSet rows, int n) throws SQLException {
        return new Ticket(
                rows.getLong("id"),
                rows.getString("code"),
                rows.getLong("order_id"),
                rows.getLong("order_item_id"),
                rows.getLong("organizer_id"),
                rows.getLong("performance_id"),
                rows.getLong("unit_id"),
                rows.getLong("zone_id"),
                rows.getString("zone_name"),
                rows.getString("seat_id"),
                rows.getString("seat_label"),
                rows.getString("holder_name"),
                rows.getString("holder_email"),
                TicketStatus.valueOf(rows.getString("status")),
                rows.getString("revoked_reason"),
                Jdbc.instant(rows, "issued_at"),
                Jdbc.instant(rows, "valid_from"),
                Jdbc.instant(rows, "valid_until"),
                rows.getString("qr"));
    }
}
