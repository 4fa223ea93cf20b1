package dev.fengyun.inventory;

/** One unit in a hold or order: a seat (with its block, row and number) or a standing place. */
public record HeldUnit(
        long unitId, long zoneId, String seatId, String block, String row, String number) {

    /**
     * How the seat reads on a ticket, e.g. "Stalls · Row 12 · Seat 7"; null for standing places.
     */
    public String seatLabel() {
        if (seatId == null) {
            return null;
        }
        return (block == null ? "" : block + " · ") + "Row " + row + " · Seat " + number;
    }
}
