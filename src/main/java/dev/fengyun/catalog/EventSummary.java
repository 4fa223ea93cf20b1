package dev.fengyun.catalog;

import java.time.Instant;
import java.util.List;

/** An event as buyers browse it, with when and where its upcoming performances are. */
public record EventSummary(
        long id,
        String title,
        String description,
        EventCategory category,
        String posterRef,
        Instant nextStartsAt,
        int upcomingPerformances,
        List<String> cities) {}
