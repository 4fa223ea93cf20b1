package dev.fengyun.loadtest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency histograms and status counts per operation (hold, order, pay, …). */
final class Stats {

    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    final LongAdder ticketsSold = new LongAdder();
    final LongAdder purchases = new LongAdder();

    void record(String operation, long nanos, int status) {
        latencies.computeIfAbsent(operation, o -> new ConcurrentHistogram(3_600_000_000_000L, 3)).recordValue(Math.max(1, nanos));
        statuses.computeIfAbsent(operation + " " + status, k -> new LongAdder()).increment();
    }

    /** Counts something that happened, reported with the status counts (e.g. why holds failed). */
    void note(String what) {
        statuses.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    double percentileMillis(String operation, double percentile) {
        Histogram histogram = latencies.get(operation);
        return histogram == null ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    long count(String operation) {
        Histogram histogram = latencies.get(operation);
        return histogram == null ? 0 : histogram.getTotalCount();
    }

    /** Responses with a 5xx status, or no response at all (599). */
    long serverErrors() {
        return statuses.entrySet().stream()
                .filter(e -> e.getKey().matches(".* 5\\d\\d"))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    Map<String, Long> statusCounts() {
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    Map<String, Map<String, Object>> summary() {
        Map<String, Map<String, Object>> summary = new TreeMap<>();
        for (String operation : latencies.keySet()) {
            summary.put(operation, Map.of(
                    "count", count(operation),
                    "p50Ms", round(percentileMillis(operation, 50)),
                    "p99Ms", round(percentileMillis(operation, 99)),
                    "maxMs", round(percentileMillis(operation, 100))));
        }
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
