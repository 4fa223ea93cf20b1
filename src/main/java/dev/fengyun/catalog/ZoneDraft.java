package dev.fengyun.catalog;

import dev.fengyun.platform.Money;
import java.util.List;

/** What an organizer says about a zone. */
public record ZoneDraft(
        String name,
        ZoneKind kind,
        Money price,
        List<String> categories,
        Integer capacity,
        String standingArea,
        String color,
        Integer sortOrder) {}
