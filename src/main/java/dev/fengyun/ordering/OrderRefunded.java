package dev.fengyun.ordering;

import dev.fengyun.platform.Money;
import java.util.List;

/**
 * Some or all tickets of a paid order were refunded; {@code performanceCancelled} when it is the
 * full refund of a cancelled performance.
 */
public record OrderRefunded(
        long orderId,
        String code,
        long organizerId,
        long performanceId,
        List<Long> itemIds,
        Money amount,
        boolean performanceCancelled) {}
