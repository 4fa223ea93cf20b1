package dev.fengyun.inventory;

import java.util.List;

/**
 * What a buyer asks to hold: either chosen {@code seatIds} (all or nothing), or {@code quantity} of
 * {@code zoneId} (best available seats, or general-admission places).
 */
public record HoldRequest(long performanceId, List<String> seatIds, Long zoneId, Integer quantity) {

    public boolean chosenSeats() {
        return seatIds != null && !seatIds.isEmpty();
    }

    public int size() {
        return chosenSeats() ? seatIds.size() : quantity == null ? 0 : quantity;
    }
}
