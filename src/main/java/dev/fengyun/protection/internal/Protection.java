package dev.fengyun.protection.internal;

import java.time.Instant;

/**
 * A protected performance as every instance sees it, refreshed each second ({@link
 * ProtectionState}): its settings and where its waiting room stands.
 *
 * <p>Places in the queue are ranked 1, 2, … : the shuffled pre-queue (numbers -N..-1) first, then
 * later arrivals (numbers 1, 2, … from the performance's sequence). Because both runs of numbers
 * are dense, a visitor's rank, and so their position, follows from their number alone.
 */
public record Protection(
        long performanceId,
        Instant queueStartsAt,
        int admitPerMinute,
        int admitBatch,
        int admissionMinutes,
        int challengeBits,
        boolean verifiedOnly,
        boolean shuffled,
        long prequeueSize,
        double admitted,
        long lastNumber) {

    /** A visitor's number while they wait in the pre-queue for the shuffle. */
    static final long UNNUMBERED = Long.MIN_VALUE;

    public boolean hasWaitingRoom() {
        return queueStartsAt != null;
    }

    /** Everyone who has a place in the queue so far. */
    public long total() {
        return prequeueSize + lastNumber;
    }

    /** How many places have been let in: whole batches, or everyone once the queue has run dry. */
    public long released() {
        if (admitted >= total()) {
            return total();
        }
        long whole = (long) Math.floor(admitted);
        return whole / admitBatch * admitBatch;
    }

    long rank(long number) {
        return number < 0 ? number + prequeueSize + 1 : prequeueSize + number;
    }

    /** Seconds until {@code ahead} more places have been released at the admission rate. */
    long secondsFor(long ahead) {
        if (admitPerMinute <= 0) {
            return -1;
        }
        long batches = (ahead + admitBatch - 1) / admitBatch;
        return (long) Math.ceil(batches * admitBatch * 60.0 / admitPerMinute);
    }
}
