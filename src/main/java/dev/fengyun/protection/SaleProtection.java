package dev.fengyun.protection;

import java.time.Instant;

/**
 * How one performance's sale is protected. A null {@code waitingRoom} means no waiting room; a
 * {@code challengeBits} of 0 means holds need no proof of work.
 */
public record SaleProtection(
        long performanceId, WaitingRoom waitingRoom, int challengeBits, boolean verifiedOnly) {

    /** Proof-of-work difficulty bounds: 2^bits hashes expected per solution. */
    public static final int MAX_CHALLENGE_BITS = 28;

    /**
     * A protected on-sale: visitors before {@code startsAt} are shuffled at the start, later ones
     * queue in order; {@code admitPerMinute} are admitted a minute, in groups of {@code batchSize};
     * an admitted visitor may hold seats for {@code admissionMinutes}.
     */
    public record WaitingRoom(
            Instant startsAt, int admitPerMinute, int batchSize, int admissionMinutes) {}
}
