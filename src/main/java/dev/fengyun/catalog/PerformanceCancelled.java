package dev.fengyun.catalog;

/** An organizer cancelled a performance; its sales stop and its orders are to be refunded. */
public record PerformanceCancelled(long performanceId, long organizerId) {}
