package dev.fengyun.venue;

import dev.fengyun.venue.SeatingPlan.PlacedSeat;
import java.util.Map;

/**
 * How the SVG renderer draws each seat: its fill, extra attributes (e.g. {@code data-zone-id}) and
 * its accessible label. The default colours seats by category.
 */
public interface SeatStyle {

    String fill(PlacedSeat seat);

    default Map<String, String> attributes(PlacedSeat seat) {
        return Map.of();
    }

    default String label(PlacedSeat seat) {
        return seat.zone() + ", row " + seat.row() + ", seat " + seat.number();
    }
}
