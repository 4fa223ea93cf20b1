package dev.fengyun.reporting;

import dev.fengyun.reporting.internal.SalesQueries;
import dev.fengyun.reporting.internal.Spreadsheets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The reporting module's entry point: the dashboard and exports. */
@Service
public class ReportingManagement {

    /** Days the dashboard's chart covers, today included. */
    public static final int CHART_DAYS = 30;

    private final SalesQueries queries;
    private final Clock clock;

    ReportingManagement(SalesQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The dashboard in the time zone of the organizer's venues (China Standard Time without any).
     */
    public Dashboard dashboard(long organizerId) {
        return dashboard(
                organizerId, ZoneId.of(queries.timeZone(organizerId).orElse("Asia/Shanghai")));
    }

    public Dashboard dashboard(long organizerId, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        LocalDate firstDay = today.minusDays(CHART_DAYS - 1);
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = firstDay; !d.isAfter(today); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        queries.daily(organizerId, firstDay.atStartOfDay(zone).toInstant(), zone.getId(), days);
        List<Dashboard.Day> series = new ArrayList<>();
        days.forEach((date, v) -> series.add(new Dashboard.Day(date, v[0], v[1])));
        return new Dashboard(
                zone.getId(),
                queries.tickets(organizerId, startOfToday),
                queries.revenue(organizerId, startOfToday),
                queries.tickets(organizerId, Instant.EPOCH),
                queries.revenue(organizerId, Instant.EPOCH),
                queries.performances(organizerId),
                series);
    }

    /** What an export contains. */
    public enum Export {
        ORDERS,
        ATTENDEES
    }

    /** Spreadsheet formats an export comes in. */
    public enum Format {
        CSV,
        XLSX
    }

    /** An export of the organizer's orders or attendees (tickets), all or of one performance. */
    public byte[] export(long organizerId, Export export, Format format, Long performanceId) {
        List<List<String>> rows =
                export == Export.ORDERS
                        ? queries.orders(organizerId, performanceId)
                        : queries.attendees(organizerId, performanceId);
        return format == Format.CSV
                ? Spreadsheets.csv(rows)
                : Spreadsheets.xlsx(export == Export.ORDERS ? "Orders" : "Attendees", rows);
    }
}
