package dev.fengyun.loadtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What must hold after the rush, checked directly in the database, not through the API. */
final class Invariants {

    private Invariants() {}

    static Map<String, Long> check(String url, String user, String password, long performanceId) throws SQLException {
        Map<String, Long> results = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            results.put("capacity", count(db, "SELECT count(*) FROM units WHERE performance_id = ?", performanceId));
            results.put("soldUnits", count(db, "SELECT count(*) FROM units WHERE performance_id = ? AND status = 'SOLD'", performanceId));
            results.put("unitsInTwoOrders", count(db, """
                    SELECT count(*) FROM (SELECT i.unit_id FROM order_items i JOIN orders o ON o.id = i.order_id
                    WHERE o.performance_id = ? AND i.status = 'ACTIVE' GROUP BY i.unit_id HAVING count(*) > 1) x""", performanceId));
            results.put("unitsWithTwoValidTickets", count(db, """
                    SELECT count(*) FROM (SELECT unit_id FROM tickets WHERE performance_id = ? AND status = 'VALID'
                    GROUP BY unit_id HAVING count(*) > 1) x""", performanceId));
            results.put("paidOrdersMissingTickets", count(db, """
                    SELECT count(*) FROM orders o WHERE o.performance_id = ? AND o.status = 'PAID'
                      AND (SELECT count(*) FROM tickets t WHERE t.order_id = o.id AND t.status = 'VALID')
                       <> (SELECT count(*) FROM order_items i WHERE i.order_id = o.id AND i.status = 'ACTIVE')""", performanceId));
            results.put("ticketsWithoutPaidOrder", count(db, """
                    SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
                    WHERE t.performance_id = ? AND t.status = 'VALID' AND o.status <> 'PAID'""", performanceId));
            results.put("soldUnitsWithoutTicket", count(db, """
                    SELECT count(*) FROM units u WHERE u.performance_id = ? AND u.status = 'SOLD'
                      AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.unit_id = u.id AND t.status = 'VALID')""", performanceId));
            results.put("soldUnitsWithoutPaidOrder", count(db, """
                    SELECT count(*) FROM units u WHERE u.performance_id = ? AND u.status = 'SOLD'
                      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = u.order_id AND o.status = 'PAID')""", performanceId));
            results.put("expiredHoldsStillHolding", count(db, """
                    SELECT count(*) FROM units WHERE performance_id = ? AND status = 'HELD' AND held_until < now() - interval '40 seconds'""",
                    performanceId));
            results.put("validTickets", count(db, "SELECT count(*) FROM tickets WHERE performance_id = ? AND status = 'VALID'", performanceId));
            results.put("paidOrders", count(db, "SELECT count(*) FROM orders WHERE performance_id = ? AND status = 'PAID'", performanceId));
        }
        long oversold = Math.max(0, results.get("soldUnits") - results.get("capacity"))
                + results.get("unitsInTwoOrders") + results.get("unitsWithTwoValidTickets");
        results.put("oversold", oversold);
        return results;
    }

    private static long count(Connection db, String sql, long performanceId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, performanceId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
