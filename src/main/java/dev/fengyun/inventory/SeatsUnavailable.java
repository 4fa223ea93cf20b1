package dev.fengyun.inventory;

import dev.fengyun.platform.Conflict;
import java.util.List;

/** Some of the chosen seats are held or sold already; {@code seats} names them. */
public class SeatsUnavailable extends Conflict {

    public SeatsUnavailable(List<String> seats) {
        super(
                "SEATS_UNAVAILABLE",
                "Someone else has "
                        + (seats.size() == 1 ? "seat " : "seats ")
                        + String.join(", ", seats)
                        + " now. Please choose others.");
        property("seats", List.copyOf(seats));
    }
}
