package dev.fengyun.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A steady purchase load for the operations proofs in {@code deploy/local} (rolling restart,
 * crash, database outage): a few buyers keep buying one or two places — look at the performance,
 * hold, order, pay, read the tickets — for a fixed time, while the script restarts, kills or cuts
 * off what is behind the URL. Counts every request that failed (a 5xx, no answer at all, or a 4xx
 * other than the 409 of a taken seat) per second, so the script can line the failures up with what
 * it did, then checks the invariants in the database. Prints one JSON object.
 *
 * <pre>
 * java -cp loadtest.jar dev.fengyun.loadtest.Steady --base http://127.0.0.1:8080 \
 *      --admin-email … --admin-password … --db-url … --db-user … \
 *      [--buyers 8] [--seconds 60] [--think-millis 50] [--hold-minutes 1] [--stop-file PATH]
 * </pre>
 *
 * <p>The load ends after {@code --seconds} (at most 900), or earlier once the stop file exists.
 */
public final class Steady {

    private Steady() {}

    /** Per-second outcomes, keyed by Unix second. */
    private static final Map<Long, LongAdder[]> TIMELINE = new ConcurrentHashMap<>();

    private static final LongAccumulator SLOWEST_FAILURE_NANOS = new LongAccumulator(Math::max, 0);
    private static final LongAdder PROBLEM_503 = new LongAdder();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = OnSale.options(args);
        int buyers = Math.min(200, Integer.parseInt(options.getOrDefault("buyers", "8")));
        long seconds = Math.min(900, Long.parseLong(options.getOrDefault("seconds", "60")));
        long thinkMillis = Long.parseLong(options.getOrDefault("think-millis", "50"));
        int holdMinutes = Integer.parseInt(options.getOrDefault("hold-minutes", "1"));
        String base = options.get("base");
        Path stopFile = Path.of(options.getOrDefault("stop-file", "/nonexistent/fengyun-steady-stop"));

        Setup.Performance show;
        try (Http http = new Http(base, new Stats())) {
            show = Setup.create(http, options.get("admin-email"), options.get("admin-password"), 2000, 60_000, holdMinutes);
        }
        System.err.printf("steady load: %d buyers for %d s on performance %d%n", buyers, seconds, show.id());

        Stats stats = new Stats();
        long started = System.currentTimeMillis();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService crowd = OnSale.crowd(buyers);
        for (int i = 0; i < buyers; i++) {
            int index = i;
            crowd.execute(() -> buy(base, stats, show, index, deadline, thinkMillis, stopFile));
        }
        crowd.shutdown();
        if (!crowd.awaitTermination(seconds + 120, TimeUnit.SECONDS)) {
            crowd.shutdownNow();
        }
        long ended = System.currentTimeMillis();

        Map<String, Long> invariants =
                Invariants.check(options.get("db-url"), options.get("db-user"), options.getOrDefault("db-password", ""), show.id());
        Map<Long, long[]> timeline = new TreeMap<>();
        TIMELINE.forEach((second, counts) -> timeline.put(second, new long[] {counts[0].sum(), counts[1].sum()}));
        long requests = timeline.values().stream().mapToLong(c -> c[0] + c[1]).sum();
        long failed = timeline.values().stream().mapToLong(c -> c[1]).sum();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("performance", show.id());
        result.put("startedAt", started / 1000.0);
        result.put("endedAt", ended / 1000.0);
        result.put("requests", requests);
        result.put("failed", failed);
        result.put("problem503", PROBLEM_503.sum());
        result.put("slowestFailureMs", Stats.round(SLOWEST_FAILURE_NANOS.get() / 1e6));
        result.put("purchases", stats.purchases.sum());
        result.put("ticketsSold", stats.ticketsSold.sum());
        result.put("timeline", timeline.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
        result.put("statuses", stats.statusCounts());
        result.put("operations", stats.summary());
        result.put("invariants", invariants);
        System.out.println(Http.JSON.writeValueAsString(result));
    }

    /** One buyer: buys one or two places again and again until the time is up. */
    private static void buy(
            String base, Stats stats, Setup.Performance show, int index, long deadline, long thinkMillis, Path stopFile) {
        Random random = new Random(index);
        try (Http http = new Http(base, stats)) {
            for (int purchase = 0; System.nanoTime() < deadline && !Files.exists(stopFile); purchase++) {
                boolean ok = attempt(http, stats, show, random, "steady-" + index + "-" + purchase + "@ops.example");
                pause(ok ? thinkMillis : 250);
            }
        }
    }

    /** One purchase; false as soon as a request fails. */
    private static boolean attempt(Http http, Stats stats, Setup.Performance show, Random random, String email) {
        if (!counted(http.get("browse", "/api/v1/public/performances/" + show.id(), null, null)).ok) {
            return false;
        }
        long zone = random.nextInt(100) < 70 ? show.floorZone() : show.restZone();
        Outcome hold = counted(http.post("hold", "/api/v1/holds",
                Map.of("performanceId", show.id(), "zoneId", zone, "quantity", 1 + random.nextInt(2)), null));
        if (hold.response.status() != 201) {
            return hold.ok;
        }
        String holdId = hold.response.json().get("id").asString();
        Outcome order = counted(http.post("order", "/api/v1/orders",
                Map.of("holdId", holdId, "email", email, "name", "Steady Buyer", "paymentMethod", "demo"), null));
        if (order.response.status() != 201) {
            return order.ok;
        }
        var placed = order.response.json();
        Outcome paid = counted(http.post("pay", "/demo-gateway/payments/" + placed.get("payment").get("id").asString() + "/succeed", null, null));
        if (!paid.ok) {
            return false;
        }
        Outcome fetched = counted(http.get("tickets", "/api/v1/orders/" + placed.get("code").asString(), placed.get("accessToken").asString(), null));
        if (fetched.ok && fetched.response.json().get("status").asString().equals("PAID")) {
            stats.ticketsSold.add(fetched.response.json().get("tickets").size());
            stats.purchases.increment();
        }
        return fetched.ok;
    }

    private record Outcome(Http.Response response, boolean ok) {}

    private static Outcome counted(Http.Response response) {
        int status = response.status();
        boolean ok = status < 400 || status == 409;
        long second = System.currentTimeMillis() / 1000;
        TIMELINE.computeIfAbsent(second, s -> new LongAdder[] {new LongAdder(), new LongAdder()})[ok ? 0 : 1].increment();
        if (!ok) {
            SLOWEST_FAILURE_NANOS.accumulate(response.nanos());
            if (status == 503 && response.body().length > 0 && response.json().hasNonNull("code")) {
                PROBLEM_503.increment();
            }
        }
        return new Outcome(response, ok);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
