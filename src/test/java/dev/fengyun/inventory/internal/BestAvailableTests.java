package dev.fengyun.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestAvailableTests {

    /**
     * Rows 1..rows of ten seats, 30 apart, row 1 nearest a stage at (150, 0); ids are row*100+seat.
     */
    private static List<BestAvailable.Seat> hall(int rows, List<Long> taken) {
        List<BestAvailable.Seat> seats = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            for (int s = 1; s <= 10; s++) {
                long id = r * 100L + s;
                if (!taken.contains(id)) {
                    seats.add(
                            new BestAvailable.Seat(
                                    id, "Stalls", Integer.toString(r), s, s * 30.0, r * 32.0));
                }
            }
        }
        return seats;
    }

    @Test
    void choosesNeighboursInTheFrontRowClosestToTheMiddle() {
        assertThat(BestAvailable.choose(hall(5, List.of()), 2, 165, 0)).containsExactly(105L, 106L);
    }

    @Test
    void avoidsStrandingASingleSeat() {
        // Row 1 has seats 1-3 free only (4-10 taken): taking two would strand one, so pick 1 + 2?
        List<Long> taken = new ArrayList<>();
        for (long s = 4; s <= 10; s++) {
            taken.add(100 + s);
        }
        List<Long> chosen = BestAvailable.choose(hall(3, taken), 2, 60, 0);
        assertThat(chosen)
                .as("two from a run of three always strands one; the row behind has room")
                .allMatch(id -> id >= 200);
        assertThat(BestAvailable.choose(hall(3, taken), 3, 60, 0))
                .containsExactly(101L, 102L, 103L);
    }

    @Test
    void treatsAnAisleAsAGap() {
        List<BestAvailable.Seat> row =
                List.of(
                        new BestAvailable.Seat(1, "B", "1", 0, 0, 0),
                        new BestAvailable.Seat(2, "B", "1", 1, 30, 0),
                        new BestAvailable.Seat(3, "B", "1", 3, 90, 0),
                        new BestAvailable.Seat(4, "B", "1", 4, 120, 0));
        assertThat(BestAvailable.runs(row)).hasSize(2);
        assertThat(BestAvailable.choose(row, 3, 60, 0))
                .as("no three neighbours: nearest three")
                .hasSize(3);
    }

    @Test
    void fallsBackToTheNearestSeatsWhenNoRowHasRoom() {
        List<Long> taken = new ArrayList<>();
        for (long r = 1; r <= 2; r++) {
            for (long s = 1; s <= 10; s += 2) {
                taken.add(r * 100 + s);
            }
        }
        List<Long> chosen = BestAvailable.choose(hall(2, taken), 2, 165, 0);
        assertThat(chosen).hasSize(2).doesNotContainAnyElementsOf(taken);
        assertThat(BestAvailable.choose(hall(1, List.of()), 11, 165, 0)).isEmpty();
    }
}
