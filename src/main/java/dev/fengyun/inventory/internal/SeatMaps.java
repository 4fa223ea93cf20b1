package dev.fengyun.inventory.internal;

import dev.fengyun.inventory.SeatMap;
import dev.fengyun.platform.Digests;
import dev.fengyun.platform.ExpiringCache;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seat map every buyer polls during an on-sale, served from a snapshot at most {@link #TTL}
 * old, so a crowd costs the database one query per performance per period.
 */
@Component
public class SeatMaps {

    public static final Duration TTL = Duration.ofMillis(250);

    private final Units units;
    private final JsonMapper json;
    private final ExpiringCache<Long, SeatMap> snapshots = new ExpiringCache<>(TTL, 1_000);

    SeatMaps(Units units, JsonMapper json) {
        this.units = units;
        this.json = json;
    }

    public SeatMap seatMap(long performanceId) {
        return snapshots.get(performanceId, this::build);
    }

    private SeatMap build(long performanceId) {
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
        return new SeatMap(
                body, "\"" + HexFormat.of().formatHex(Digests.sha256(body), 0, 12) + "\"");
    }

    record SeatsView(long performanceId, List<SeatView> seats) {}

    record SeatView(
            String id, long zoneId, String row, String number, float x, float y, String status) {}
}
