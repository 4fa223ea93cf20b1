package dev.fengyun.loadtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The seat map as buyers see it, parsed once per version (ETag) and shared by every virtual
 * buyer: seats grouped into rows, best rows first, each row left to right. Parsing a map per
 * buyer would make the driver, not the server, the bottleneck.
 */
final class SeatMap {

    /** Like the server's own snapshot, a map is reused for this long before asking again. */
    static final long REFRESH_NANOS = 250_000_000L;

    /** The map one rush's buyers share. */
    static final class Shared {
        private volatile SeatMap current = new SeatMap(null, List.of(), 0);
        private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

        /**
         * A map at most {@link #REFRESH_NANOS} old, as the server's snapshot is: a buyer that
         * finds the shared one older asks the server (with its ETag) and parses only when it
         * changed; meanwhile the others keep using the previous one.
         */
        SeatMap fetch(Http http, long performanceId) {
            SeatMap known = current;
            long now = System.nanoTime();
            if (known.etag != null && (now - known.fetchedAt < REFRESH_NANOS || !refreshing.compareAndSet(false, true))) {
                return known;
            }
            try {
                current = refresh(http, performanceId, known, now);
                return current;
            } finally {
                refreshing.set(false);
            }
        }
    }

    final String etag;
    final List<Row> rows;
    private final long fetchedAt;

    private SeatMap(String etag, List<Row> rows, long fetchedAt) {
        this.etag = etag;
        this.rows = rows;
        this.fetchedAt = fetchedAt;
    }

    record Row(int number, String[] seats, boolean[] available) {}

    private static SeatMap refresh(Http http, long performanceId, SeatMap known, long now) {
        Http.Response response = http.get("seatmap", "/api/v1/public/performances/" + performanceId + "/seats", null, known.etag);
        if (response.status() == 304) {
            return new SeatMap(known.etag, known.rows, now);
        }
        if (response.status() != 200) {
            return known;
        }
        return parse(response.etag(), response.json().get("seats"), now);
    }

    private static SeatMap parse(String etag, JsonNode seats, long fetchedAt) {
        Map<String, List<JsonNode>> byRow = new LinkedHashMap<>();
        for (JsonNode seat : seats) {
            String id = seat.get("id").asString();
            byRow.computeIfAbsent(id.substring(0, id.indexOf('-')) + ":" + seat.get("row").asString(), k -> new ArrayList<>()).add(seat);
        }
        List<Row> rows = new ArrayList<>();
        for (List<JsonNode> row : byRow.values()) {
            row.sort(Comparator.comparingDouble(s -> s.get("x").asDouble()));
            String[] ids = new String[row.size()];
            boolean[] available = new boolean[row.size()];
            for (int i = 0; i < row.size(); i++) {
                ids[i] = row.get(i).get("id").asString();
                available[i] = row.get(i).get("status").asString().equals("AVAILABLE");
            }
            rows.add(new Row(Integer.parseInt(row.get(0).get("row").asString()), ids, available));
        }
        rows.sort(Comparator.comparingInt(Row::number));
        return new SeatMap(etag, List.copyOf(rows), fetchedAt);
    }
}
