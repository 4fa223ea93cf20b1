package dev.fengyun.checkin;

import java.time.Instant;
import java.util.List;

/**
 * What one set of gates admits for a performance: the zones ({@code zoneIds} null for all), whether
 * exits are scanned and whether a ticket may enter again after leaving.
 */
public record CheckinList(
        long id,
        long organizerId,
        long performanceId,
        String name,
        List<Long> zoneIds,
        boolean exits,
        boolean reentry,
        Instant createdAt) {

    public boolean admits(long zoneId) {
        return zoneIds == null || zoneIds.contains(zoneId);
    }
}
