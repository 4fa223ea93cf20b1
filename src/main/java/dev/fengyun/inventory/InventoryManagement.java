package dev.fengyun.inventory;

import dev.fengyun.inventory.internal.Units;
import dev.fengyun.platform.ExpiringCache;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory module's entry point. The seat map every buyer polls during an on-sale is served
 * from a snapshot at most {@link #SEAT_MAP_TTL} old, so a crowd costs the database one query per
 * performance per period.
 */
@Service
public class InventoryManagement {

    public static final Duration SEAT_MAP_TTL = Duration.ofMillis(250);

    private final Units units;
    private final JsonMapper json;
    private final ExpiringCache<Long, SeatMap> seatMaps = new ExpiringCache<>(SEAT_MAP_TTL, 1_000);

    InventoryManagement(Units units, JsonMapper json) {
        this.units = units;
        this.json = json;
    }

    /**
     * Every seat of the performance with AVAILABLE or UNAVAILABLE, as the buyer's seat map needs.
     */
    public SeatMap seatMap(long performanceId) {
        return seatMaps.get(performanceId, this::buildSeatMap);
    }

    private SeatMap buildSeatMap(long performanceId) {
        List<SeatView> seats =
                units.seats(performanceId).stream()
                        .map(
                                s ->
                                        new SeatView(
                                                s.seatId(),
                                                s.zoneId(),
                                                s.row(),
                                                s.number(),
                                                s.x(),
                                                s.y(),
                                                s.available() ? "AVAILABLE" : "UNAVAILABLE"))
                        .toList();
        byte[] body = json.writeValueAsBytes(new SeatsView(performanceId, seats));
        return new SeatMap(body, etag(body));
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record SeatsView(long performanceId, List<SeatView> seats) {}

    record SeatView(
            String id, long zoneId, String row, String number, float x, float y, String status) {}
}
