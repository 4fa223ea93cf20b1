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
import org.springframework.stereotype.Repository;

/** Ticket rows. A unit has at most one VALID ticket (unique index), whatever the code does. */
@Repository
public class Tickets {

    private static final String INSERT =
            """
            INSERT INTO tickets (code, order_id, order_item_id, organizer_id, performance_id, unit_id, zone_id,
                                 zone_name, seat_id, seat_label, holder_name, holder_email)
            VALUES (:code, :orderId, :orderItemId, :organizerId, :performanceId, :unitId, :zoneId,
                    :zoneName, :seatId, :seatLabel, :holderName, :holderEmail)
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

    public void insert(String code, NewTicket ticket) {
        jdbc.sql(INSERT)
                .param("code", code)
                .param("orderId", ticket.orderId())
                .param("orderItemId", ticket.orderItemId())
                .param("organizerId", ticket.organizerId())
                .param("performanceId", ticket.performanceId())
                .param("unitId", ticket.unitId())
                .param("zoneId", ticket.zoneId())
                .param("zoneName", ticket.zoneName())
                .param("seatId", ticket.seatId())
                .param("seatLabel", ticket.seatLabel())
                .param("holderName", ticket.holderName())
                .param("holderEmail", ticket.holderEmail())
                .update();
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
