package dev.fengyun.loadtest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates, through the public API as an organizer would, the performance the rush is for: a hall
 * of reserved seats (the front rows priced highest) and a general-admission floor.
 */
final class Setup {

    private Setup() {}

    record Performance(long id, long bestZone, long restZone, long floorZone, int seats, int places) {}

    static Performance create(Http http, String adminEmail, String adminPassword, int seats, int places) {
        return create(http, adminEmail, adminPassword, seats, places, 10);
    }

    static Performance create(Http http, String adminEmail, String adminPassword, int seats, int places, int holdMinutes) {
        String token = required(http.post("setup", "/api/v1/auth/tokens", Map.of("email", adminEmail, "password", adminPassword), null), 201)
                .json().get("token").asString();
        String slug = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        required(http.post("setup", "/api/v1/organizers", Map.of("id", slug, "name", "Load test " + slug), token), 201);
        String base = "/api/v1/organizers/" + slug;
        long venue = required(http.post("setup", base + "/venues",
                Map.of("name", "Rush Arena", "city", "Shanghai", "timeZone", "Asia/Shanghai"), token), 201).json().get("id").asLong();
        int rows = 50;
        int perBlock = seats / 2;
        int seatsPerRow = Math.max(1, perBlock / rows);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            blocks.add(Map.of("name", "Block " + (b + 1), "key", "b" + (b + 1), "rows", rows, "seatsPerRow", seatsPerRow,
                    "x", b * (seatsPerRow * 24 + 80), "y", 200, "seatSpacing", 24, "rowSpacing", 26,
                    "categories", List.of(Map.of("from", 1, "to", 10, "category", "BEST"), Map.of("from", 11, "to", rows, "category", "REST"))));
        }
        Map<String, Object> layout = Map.of("name", "Rush Arena", "blocks", blocks,
                "standing", List.of(Map.of("name", "Floor", "key", "floor", "capacity", places, "category", "FLOOR",
                        "x", 0, "y", 1600, "width", 1200, "height", 600)),
                "stage", Map.of("x", 300, "y", 0, "width", 600, "height", 80));
        required(http.post("setup", base + "/venues/" + venue + "/plan/generate", layout, token), 200);
        long event = required(http.post("setup", base + "/events", Map.of("title", "The Rush", "category", "CONCERT"), token), 201)
                .json().get("id").asLong();
        long performance = required(http.post("setup", base + "/events/" + event + "/performances",
                Map.of("venueId", venue, "startsAt", OffsetDateTime.now().plusDays(30).withNano(0).toString(),
                        "maxTicketsPerOrder", 4, "holdMinutes", holdMinutes, "paymentMinutes", 15), token), 201).json().get("id").asLong();
        String zones = base + "/performances/" + performance + "/zones";
        long best = zone(http, zones, token, Map.of("name", "Best rows", "kind", "SEATED", "price", price("880"), "categories", List.of("BEST")));
        long rest = zone(http, zones, token, Map.of("name", "Seats", "kind", "SEATED", "price", price("480"), "categories", List.of("REST")));
        long floor = zone(http, zones, token, Map.of("name", "Floor", "kind", "GENERAL_ADMISSION", "price", price("380"),
                "capacity", places, "standingArea", "floor"));
        required(http.post("setup", base + "/performances/" + performance + "/publish", null, token), 200);
        return new Performance(performance, best, rest, floor, seatsPerRow * rows * 2, places);
    }

    private static long zone(Http http, String path, String token, Map<String, Object> body) {
        return required(http.post("setup", path, body, token), 201).json().get("id").asLong();
    }

    private static Map<String, String> price(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static Http.Response required(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("set-up call answered " + response.status() + ": " + new String(response.body()));
        }
        return response;
    }
}
