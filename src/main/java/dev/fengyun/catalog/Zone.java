package dev.fengyun.catalog;

import dev.fengyun.platform.Money;
import java.util.List;

/**
 * A price zone of a performance. SEATED zones price the plan's seats of their {@code categories};
 * GENERAL_ADMISSION zones sell {@code capacity} unnumbered places, optionally in a standing area of
 * the plan.
 */
public record Zone(
        long id,
        long performanceId,
        String name,
        ZoneKind kind,
        Money price,
        List<String> categories,
        Integer capacity,
        String standingArea,
        String color,
        int sortOrder,
        int version) {}
