package dev.fengyun.reporting;

import dev.fengyun.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An organizer's sales at a glance: tickets and revenue today (in {@code timeZone}) and in total,
 * sell-through per published performance, and tickets and revenue per day for the last 30 days.
 * Revenue is confirmed payments minus refunds, one amount per currency.
 */
public record Dashboard(
        String timeZone,
        long ticketsToday,
        List<Money> revenueToday,
        long ticketsTotal,
        List<Money> revenueTotal,
        List<PerformanceSales> performances,
        List<Day> days) {

    public record PerformanceSales(
            long performanceId,
            long eventId,
            String title,
            Instant startsAt,
            String timeZone,
            String status,
            long sold,
            long capacity) {

        /** Sold share in whole percent. */
        public int percent() {
            return capacity == 0 ? 0 : (int) Math.round(100.0 * sold / capacity);
        }
    }

    public record Day(LocalDate date, long tickets, long revenueMinor) {}
}
