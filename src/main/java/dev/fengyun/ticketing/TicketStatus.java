package dev.fengyun.ticketing;

/** A ticket admits its holder while VALID; REVOKED after a refund or transfer. */
public enum TicketStatus {
    VALID,
    REVOKED
}
