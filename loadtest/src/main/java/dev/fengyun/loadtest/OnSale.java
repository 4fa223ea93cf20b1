package dev.fengyun.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The on-sale benchmark's load driver. Sets up a performance through the API, releases a crowd
 * of virtual buyers at once, stops when everything is sold (or the time limit), checks the
 * invariants in the database and prints one JSON object with the results.
 *
 * <pre>
 * java -jar loadtest.jar --base http://127.0.0.1:8080 --admin-email … --admin-password … \
 *      --db-url jdbc:postgresql://127.0.0.1:5432/fengyun --db-user … [--db-password …] \
 *      [--buyers 2000] [--seats 5000] [--places 15000] [--max-seconds 300] [--warmup-seconds 30]
 *      [--app-pid N] [--postmaster-pid N]   (to report how the CPU was shared)
 * </pre>
 */
public final class OnSale {

    private OnSale() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int buyers = Integer.parseInt(options.getOrDefault("buyers", "2000"));
        int seats = Integer.parseInt(options.getOrDefault("seats", "5000"));
        int places = Integer.parseInt(options.getOrDefault("places", "15000"));
        long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "300"));

        long warmupSeconds = Long.parseLong(options.getOrDefault("warmup-seconds", "30"));
        String base = options.get("base");

        Stats setupStats = new Stats();
        Setup.Performance show;
        Setup.Performance warmup;
        try (Http http = new Http(base, setupStats)) {
            show = Setup.create(http, options.get("admin-email"), options.get("admin-password"), seats, places);
            warmup = Setup.create(http, options.get("admin-email"), options.get("admin-password"), seats, places);
        }
        if (warmupSeconds > 0) {
            // The JIT compiles the sale path during the first minute; a warm server is what is measured.
            System.err.printf("warming up for %d s on performance %d%n", warmupSeconds, warmup.id());
            run(base, new Stats(), new VirtualBuyer.Rush(warmup), buyers, warmupSeconds);
        }
        System.err.printf("performance %d: %d seats, %d places; %d buyers%n", show.id(), show.seats(), show.places(), buyers);
        CpuMeter cpu = new CpuMeter(
                Long.parseLong(options.getOrDefault("app-pid", "0")), Long.parseLong(options.getOrDefault("postmaster-pid", "0")));
        Stats stats = new Stats();
        double[] cpuBefore = cpu.snapshot();
        long started = System.nanoTime();
        boolean timedOut = run(base, stats, new VirtualBuyer.Rush(show), buyers, maxSeconds);
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] cpuAfter = cpu.snapshot();

        Map<String, Long> invariants =
                Invariants.check(options.get("db-url"), options.get("db-user"), options.getOrDefault("db-password", ""), show.id());

        Map<String, Object> result = new LinkedHashMap<>();
        long tickets = stats.ticketsSold.sum();
        result.put("ticketsSold", tickets);
        result.put("capacity", invariants.get("capacity"));
        result.put("seconds", Stats.round(seconds));
        result.put("ticketsPerSecond", Stats.round(tickets / seconds));
        result.put("purchasesPerSecond", Stats.round(stats.purchases.sum() / seconds));
        result.put("holdP50Ms", Stats.round(stats.percentileMillis("hold", 50)));
        result.put("holdP99Ms", Stats.round(stats.percentileMillis("hold", 99)));
        result.put("orderP99Ms", Stats.round(stats.percentileMillis("order", 99)));
        result.put("serverErrors", stats.serverErrors());
        result.put("oversold", invariants.get("oversold"));
        result.put("timedOut", timedOut);
        result.put("buyers", buyers);
        result.put("cpuCores", Map.of(
                "app", Stats.round((cpuAfter[0] - cpuBefore[0]) / seconds),
                "database", Stats.round((cpuAfter[1] - cpuBefore[1]) / seconds),
                "driver", Stats.round((cpuAfter[2] - cpuBefore[2]) / seconds)));
        result.put("invariants", invariants);
        result.put("operations", stats.summary());
        result.put("statuses", stats.statusCounts());
        System.out.println(Http.JSON.writeValueAsString(result));
        boolean ok = invariants.get("oversold") == 0
                && invariants.get("paidOrdersMissingTickets") == 0
                && invariants.get("ticketsWithoutPaidOrder") == 0
                && invariants.get("soldUnitsWithoutTicket") == 0
                && invariants.get("soldUnitsWithoutPaidOrder") == 0;
        System.exit(ok ? 0 : 1);
    }

    /** Releases the crowd on one performance; true when the time limit, not sold-out, ended it. */
    private static boolean run(String base, Stats stats, VirtualBuyer.Rush rush, int buyers, long maxSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService crowd = crowd(buyers);
        for (int i = 0; i < buyers; i++) {
            crowd.execute(new VirtualBuyer(base, stats, rush, i, deadline));
        }
        crowd.shutdown();
        if (!crowd.awaitTermination(maxSeconds + 60, TimeUnit.SECONDS)) {
            crowd.shutdownNow();
        }
        return System.nanoTime() >= deadline;
    }

    /** One thread per buyer: virtual threads where the JVM has them, platform threads otherwise. */
    static ExecutorService crowd(int buyers) {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newFixedThreadPool(buyers);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("base", "admin-email", "admin-password", "db-url", "db-user")) {
            if (!options.containsKey(required)) {
                missing.add("--" + required);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("loadtest: missing " + String.join(", ", missing));
            System.exit(2);
        }
        return options;
    }
}
