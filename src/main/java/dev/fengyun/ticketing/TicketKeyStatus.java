package dev.fengyun.ticketing;

/** SIGNING signs new tickets; VERIFYING (after a rotation) still verifies; RETIRED does neither. */
public enum TicketKeyStatus {
    SIGNING,
    VERIFYING,
    RETIRED
}
