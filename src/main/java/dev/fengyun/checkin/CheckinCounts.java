package dev.fengyun.checkin;

import java.util.List;

/**
 * Live figures of a list: valid tickets it admits, how many came in, how many are inside now (the
 * same unless exits are scanned), and per gate (device) how many it let in, let out and turned
 * away.
 */
public record CheckinCounts(
        long listId, long tickets, long checkedIn, long inside, List<Gate> gates) {

    public record Gate(String deviceId, long admitted, long exited, long rejected) {}
}
