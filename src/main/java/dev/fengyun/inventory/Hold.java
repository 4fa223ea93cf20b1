package dev.fengyun.inventory;

import java.time.Instant;
import java.util.List;

/** Units reserved for a buyer until {@code expiresAt}. {@code code} is the buyer's proof of it. */
public record Hold(
        long id,
        String code,
        long performanceId,
        int quantity,
        String status,
        Instant expiresAt,
        List<HeldUnit> units) {}
