package dev.fengyun.ticketing.internal;

import dev.fengyun.platform.Jdbc;
import dev.fengyun.ticketing.NewTicket;
import dev.fengyun.ticketing.Ticket;
import dev.fengyun.ticketing.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
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
                                 zone_name, seat_id, seat_label, holder_name, holder_email)
            SELECT t.code, t.order_id, t.order_item_id, t.organizer_id, t.performance_id, t.unit_id, t.zone_id,
                   t.zone_name, t.seat_id, t.seat_label, t.holder_name, t.holder_email
            FROM unnest(:codes, :orderIds, :itemIds, :organizerIds, :performanceIds, :unitIds, :zoneIds,
                        :zoneNames, :seatIds, :seatLabels, :holderNames, :holderEmails)
                 AS t (code, order_id, order_item_id, organizer_id, performance_id, unit_id, zone_id,
                       zone_name, seat_id, seat_label, holder_name, holder_email)
            """;

    private static final String COLUMNS =
            """
            id, code, order_id, order_item_id, organizer_id, performance_id, unit_id, zone_id, zone_name, seat_id,
            seat_label, holder_name, holder_email, status, issued_at
            """;

    private static final String REVOKE =
            """
            UPDATE tickets SET status = 'REVOKED', revoked_at = now()
            WHERE order_item_id IN (:itemIds) AND status = 'VALID'
            """;

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the tickets; {@code codes} are their public ids, in the same order. */
    public void insert(List<String> codes, List<NewTicket> tickets) {
        int n = tickets.size();
        Object[][] columns = new Object[12][n];
        for (int i = 0; i < n; i++) {
            NewTicket t = tickets.get(i);
            Object[] row = {
                codes.get(i),
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
                t.holderEmail()
            };
            for (int c = 0; c < 12; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] names = {
            "codes",
            "orderIds",
            "itemIds",
            "organizerIds",
            "performanceIds",
            "unitIds",
            "zoneIds",
            "zoneNames",
            "seatIds",
            "seatLabels",
            "holderNames",
            "holderEmails"
        };
        String[] types = {
            "text", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "text", "text",
            "text", "text", "text"
        };
        JdbcClient.StatementSpec statement = jdbc.sql(INSERT);
        for (int c = 0; c < 12; c++) {
            statement = statement.param(names[c], new SqlArrayValue(types[c], columns[c]));
        }
        statement.update();
    }

    public int revokeItems(Collection<Long> orderItemIds) {
        return orderItemIds.isEmpty()
                ? 0
                : jdbc.sql(REVOKE).param("itemIds", orderItemIds).update();
    }

    public List<Ticket> ofOrder(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE order_id = :orderId ORDER BY id")
                .param("orderId", orderId)
                .query(Tickets::map)
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
                Jdbc.instant(rows, "issued_at"));
    }
}
