package dev.fengyun.loadtest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * One person in the rush. Until everything is sold (or time is up) they buy again and again:
 * 60% of the time 1–4 general-admission places, 40% of the time 1–4 neighbouring seats picked
 * from the live seat map, preferring the best rows (where everyone else looks too). A refusal is
 * answered like a person would: fewer places, other seats, or a short wait.
 */
final class VirtualBuyer implements Runnable {

    /** What all buyers of one rush share: the performance, what is sold out, the seat map. */
    static final class Rush {
        final Setup.Performance show;
        final AtomicBoolean floorSoldOut = new AtomicBoolean();
        final AtomicBoolean seatsSoldOut = new AtomicBoolean();
        final SeatMap.Shared seatMap = new SeatMap.Shared();

        Rush(Setup.Performance show) {
            this.show = show;
        }
    }

    private final String base;
    private final Stats stats;
    private Http http;
    private final Rush rush;
    private final Setup.Performance show;
    private final AtomicBoolean floorSoldOut;
    private final AtomicBoolean seatsSoldOut;
    private final Random random;
    private final long deadline;
    private final int index;
    private int purchase;

    VirtualBuyer(String base, Stats stats, Rush rush, int index, long deadlineNanos) {
        this.base = base;
        this.stats = stats;
        this.rush = rush;
        this.show = rush.show;
        this.floorSoldOut = rush.floorSoldOut;
        this.seatsSoldOut = rush.seatsSoldOut;
        this.index = index;
        this.random = new Random(index);
        this.deadline = deadlineNanos;
    }

    @Override
    public void run() {
        try (Http connection = new Http(base, stats)) {
            http = connection;
            buyUntilSoldOut();
        }
    }

    private void buyUntilSoldOut() {
        while (System.nanoTime() < deadline && !(floorSoldOut.get() && seatsSoldOut.get())) {
            boolean floor = random.nextInt(100) < 60;
            if (floor && floorSoldOut.get() || !floor && seatsSoldOut.get()) {
                floor = !floor;
            }
            if (floor) {
                buyPlaces(1 + random.nextInt(4));
            } else {
                buySeats(1 + random.nextInt(4));
            }
        }
    }

    private void buyPlaces(int wanted) {
        int want = wanted;
        while (System.nanoTime() < deadline) {
            Http.Response hold = http.post("hold", "/api/v1/holds", Map.of("performanceId", show.id(), "zoneId", show.floorZone(), "quantity", want), null);
            if (hold.status() == 201) {
                checkout(hold);
                return;
            }
            if (hold.status() != 409) {
                return;
            }
            JsonNode problem = hold.json();
            if (!problem.path("code").asString().equals("SOLD_OUT")) {
                stats.note("hold refused: places " + problem.path("code").asString());
                continue;
            }
            long available = problem.path("available").asLong();
            if (available > 0) {
                stats.note("hold refused: places SOLD_OUT, fewer left");
                want = (int) Math.min(want, available);
            } else if (problem.path("held").asLong() == 0) {
                stats.note("hold refused: places SOLD_OUT, none held");
                floorSoldOut.set(true);
                return;
            } else {
                stats.note("hold refused: places SOLD_OUT, others still hold some");
                pause(200);
            }
        }
    }

    private void buySeats(int wanted) {
        Set<String> tried = new HashSet<>();
        for (int attempt = 0; attempt < 20 && System.nanoTime() < deadline; attempt++) {
            SeatMap map = rush.seatMap.fetch(http, show.id());
            List<String> seats = pick(map, wanted, tried);
            if (seats.isEmpty()) {
                if (soldOut(show.bestZone()) && soldOut(show.restZone())) {
                    seatsSoldOut.set(true);
                    return;
                }
                pause(200);
                continue;
            }
            Http.Response hold = http.post("hold", "/api/v1/holds", Map.of("performanceId", show.id(), "seatIds", seats), null);
            if (hold.status() == 201) {
                checkout(hold);
                return;
            }
            if (hold.status() != 409) {
                return;
            }
            stats.note("hold refused: seats " + hold.json().path("code").asString());
            tried.addAll(seats);
            pause(100 + random.nextInt(200)); // a person looks at the map again before clicking
        }
    }

    /**
     * Neighbouring available seats in one row, chosen among the best-placed ones with some
     * randomness, as people would click (everyone starts from the front).
     */
    /** How many of the best free groups of seats a buyer chooses among. */
    static final int CANDIDATES = 100;

    private List<String> pick(SeatMap map, int wanted, Set<String> tried) {
        List<List<String>> candidates = new ArrayList<>();
        for (SeatMap.Row row : map.rows) {
            int run = 0;
            for (int i = 0; i < row.seats().length && candidates.size() < CANDIDATES; i++) {
                run = row.available()[i] && !tried.contains(row.seats()[i]) ? run + 1 : 0;
                if (run >= wanted) {
                    candidates.add(List.of(row.seats()).subList(i - wanted + 1, i + 1));
                }
            }
            if (candidates.size() >= CANDIDATES) {
                break;
            }
        }
        if (candidates.isEmpty()) {
            return wanted > 1 ? pick(map, 1, tried) : List.of();
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private boolean soldOut(long zoneId) {
        Http.Response details = http.get("details", "/api/v1/public/performances/" + show.id(), null, null);
        if (details.status() != 200) {
            return false;
        }
        for (JsonNode zone : details.json().get("zones")) {
            if (zone.get("id").asLong() == zoneId) {
                return zone.get("available").asLong() == 0;
            }
        }
        return false;
    }

    private void checkout(Http.Response hold) {
        String holdId = hold.json().get("id").asString();
        int tickets = hold.json().get("items").size();
        String email = "buyer-" + index + "-" + (purchase++) + "@rush.example";
        Http.Response order = http.post("order", "/api/v1/orders",
                Map.of("holdId", holdId, "email", email, "name", "Buyer " + index, "paymentMethod", "demo"), null);
        if (order.status() != 201) {
            http.delete("release", "/api/v1/holds/" + holdId);
            return;
        }
        JsonNode placed = order.json();
        Http.Response paid = http.post("pay", "/demo-gateway/payments/" + placed.get("payment").get("id").asString() + "/succeed", null, null);
        if (paid.status() != 200) {
            return;
        }
        Http.Response fetched = http.get("tickets", "/api/v1/orders/" + placed.get("code").asString(), placed.get("accessToken").asString(), null);
        if (fetched.status() == 200 && fetched.json().get("status").asString().equals("PAID")) {
            stats.ticketsSold.add(fetched.json().get("tickets").size());
            stats.purchases.increment();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
