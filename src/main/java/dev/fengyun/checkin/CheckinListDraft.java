package dev.fengyun.checkin;

import java.util.List;

/** A new or changed check-in list; {@code zoneIds} null admits every zone. */
public record CheckinListDraft(
        long performanceId, String name, List<Long> zoneIds, boolean exits, boolean reentry) {}
