package dev.fengyun.checkin.internal;

import dev.fengyun.checkin.CheckedInTicket;
import dev.fengyun.checkin.CheckinCounts;
import dev.fengyun.platform.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where tickets stand on lists, and the scan log. Every state change is one conditional statement,
 * so concurrent scans of one ticket at many gates have exactly one winner.
 */
@Repository
public class Checkins {

    private final JdbcClient jdbc;

    Checkins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises scans carrying the same nonce until the transaction ends. */
    public void lockNonce(long organizerId, String nonce) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:org, hashtext(:nonce))")
                .param("org", (int) organizerId)
                .param("nonce", nonce)
                .query((rows, n) -> 1)
                .list();
    }

    /** The answer a scan with this nonce got, as JSON. */
    public Optional<String> answered(long organizerId, String nonce) {
        return jdbc.sql(
                        "SELECT response::text FROM checkin_scans WHERE organizer_id = :org AND nonce = :nonce")
                .param("org", organizerId)
                .param("nonce", nonce)
                .query(String.class)
                .optional();
    }

    /** The first entry of a ticket on a list; false when it had entered before. */
    public boolean enterFirst(long listId, long ticketId, String ticketCode, Instant at) {
        return jdbc.sql(
                                """
                                INSERT INTO checkin_states (list_id, ticket_id, ticket_code, inside, first_checked_in, last_scan_at)
                                VALUES (:list, :ticket, :code, true, :at, :at)
                                ON CONFLICT (list_id, ticket_id) DO NOTHING
                                """)
                        .param("list", listId)
                        .param("ticket", ticketId)
                        .param("code", ticketCode)
                        .param("at", Jdbc.timestamp(at))
                        .update()
                == 1;
    }

    /** Moves a ticket in or out; false when it already was on that side. */
    public boolean move(long listId, long ticketId, boolean inside, Instant at) {
        return jdbc.sql(
                                """
                                UPDATE checkin_states SET inside = :inside, last_scan_at = :at
                                WHERE list_id = :list AND ticket_id = :ticket AND inside <> :inside
                                """)
                        .param("list", listId)
                        .param("ticket", ticketId)
                        .param("inside", inside)
                        .param("at", Jdbc.timestamp(at))
                        .update()
                == 1;
    }

    public Optional<Instant> firstCheckedIn(long listId, long ticketId) {
        return jdbc.sql(
                        "SELECT first_checked_in FROM checkin_states WHERE list_id = :list AND ticket_id = :ticket")
                .param("list", listId)
                .param("ticket", ticketId)
                .query((rows, n) -> Jdbc.instant(rows, "first_checked_in"))
                .optional();
    }

    public void log(
            long organizerId,
            long listId,
            Long ticketId,
            String nonce,
            String direction,
            String result,
            String deviceId,
            Instant scannedAt,
            String responseJson) {
        jdbc.sql(
                        """
                        INSERT INTO checkin_scans (organizer_id, list_id, ticket_id, nonce, direction, result, device_id,
                                                   scanned_at, response)
                        VALUES (:org, :list, :ticket, :nonce, :direction, :result, :device, :at, CAST(:response AS jsonb))
                        """)
                .param("org", organizerId)
                .param("list", listId)
                .param("ticket", ticketId)
                .param("nonce", nonce)
                .param("direction", direction)
                .param("result", result)
                .param("device", deviceId)
                .param("at", Jdbc.timestamp(scannedAt))
                .param("response", responseJson)
                .update();
    }

    public List<CheckedInTicket> entries(long listId) {
        return jdbc.sql(
                        "SELECT ticket_code, inside, first_checked_in FROM checkin_states WHERE list_id = :list ORDER BY first_checked_in")
                .param("list", listId)
                .query(
                        (rows, n) ->
                                new CheckedInTicket(
                                        rows.getString("ticket_code"),
                                        rows.getBoolean("inside"),
                                        Jdbc.instant(rows, "first_checked_in")))
                .list();
    }

    public long[] checkedInAndInside(long listId) {
        return jdbc.sql(
                        "SELECT count(*) AS checked_in, count(*) FILTER (WHERE inside) AS inside FROM checkin_states WHERE list_id = :list")
                .param("list", listId)
                .query((rows, n) -> new long[] {rows.getLong("checked_in"), rows.getLong("inside")})
                .single();
    }

    public List<CheckinCounts.Gate> gates(long listId) {
        return jdbc.sql(
                        """
                        SELECT coalesce(device_id, '') AS device_id,
                               count(*) FILTER (WHERE result = 'OK' AND direction = 'IN') AS admitted,
                               count(*) FILTER (WHERE result = 'OK' AND direction = 'OUT') AS exited,
                               count(*) FILTER (WHERE result <> 'OK') AS rejected
                        FROM checkin_scans WHERE list_id = :list
                        GROUP BY 1 ORDER BY 1
                        """)
                .param("list", listId)
                .query(
                        (rows, n) ->
                                new CheckinCounts.Gate(
                                        rows.getString("device_id"),
                                        rows.getLong("admitted"),
                                        rows.getLong("exited"),
                                        rows.getLong("rejected")))
                .list();
    }
}
