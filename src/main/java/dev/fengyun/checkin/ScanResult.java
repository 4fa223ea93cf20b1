package dev.fengyun.checkin;

/** The answer to a scan. Only OK admits (or, for an exit, lets out). */
public enum ScanResult {
    OK,
    ALREADY_CHECKED_IN,
    INVALID,
    REVOKED,
    WRONG_PERFORMANCE,
    NOT_YET_VALID,
    EXPIRED,
    UNPAID
}
