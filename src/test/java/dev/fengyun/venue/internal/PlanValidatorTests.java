package dev.fengyun.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.platform.InvalidInput.FieldProblem;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.SeatingPlan.Category;
import dev.fengyun.venue.SeatingPlan.Point;
import dev.fengyun.venue.SeatingPlan.Row;
import dev.fengyun.venue.SeatingPlan.Seat;
import dev.fengyun.venue.SeatingPlan.Size;
import dev.fengyun.venue.SeatingPlan.StandingArea;
import dev.fengyun.venue.SeatingPlan.Zone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidatorTests {

    @Test
    void acceptsAConsistentPlan() {
        assertThat(PlanValidator.validate(plan(List.of(row("A", seat("a1", "1", "GOLD"))))))
                .isEmpty();
    }

    @Test
    void namesDuplicateSeatIdsWithTheirFirstUse() {
        List<FieldProblem> problems =
                PlanValidator.validate(
                        plan(
                                List.of(
                                        row("A", seat("a1", "1", "GOLD")),
                                        row("B", seat("a1", "2", "GOLD")))));
        assertThat(problems)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.field()).isEqualTo("zones[0].rows[1].seats[0].id");
                            assertThat(p.code()).isEqualTo("Duplicate");
                            assertThat(p.message()).contains("zones[0].rows[0].seats[0].id");
                        });
    }

    @Test
    void rejectsEmptyRowsAndUnknownCategories() {
        List<FieldProblem> problems =
                PlanValidator.validate(
                        plan(
                                List.of(
                                        new Row("A", null, List.of()),
                                        row("B", seat("b1", "1", "SILVER")))));
        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactly("zones[0].rows[0].seats", "zones[0].rows[1].seats[0].category");
    }

    @Test
    void refusesMoreThanAHundredThousandSeats() {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 101; r++) {
            List<Seat> seats = new ArrayList<>();
            for (int s = 0; s < 1000; s++) {
                seats.add(seat("s" + r + "-" + s, Integer.toString(s), "GOLD"));
            }
            rows.add(new Row(Integer.toString(r), null, seats));
        }
        assertThat(PlanValidator.validate(plan(rows)))
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("TooManySeats"));
    }

    @Test
    void checksStandingAreasAndTheirIdsAgainstSeats() {
        SeatingPlan plan =
                new SeatingPlan(
                        "Club",
                        new Size(100, 100),
                        List.of(new Category("GOLD", "#b4232a")),
                        List.of(new Zone("Z", null, List.of(row("A", seat("floor", "1", "GOLD"))))),
                        List.of(new StandingArea("floor", "Floor", 0, "GOLD", null)),
                        List.of());
        assertThat(PlanValidator.validate(plan))
                .extracting(FieldProblem::field)
                .containsExactly("standing[0].id", "standing[0].capacity");
    }

    private static SeatingPlan plan(List<Row> rows) {
        return new SeatingPlan(
                "Hall",
                new Size(1000, 800),
                List.of(new Category("GOLD", "#b4232a")),
                List.of(new Zone("Stalls", new Point(0, 0), rows)),
                List.of(),
                List.of());
    }

    private static Row row(String label, Seat... seats) {
        return new Row(label, null, List.of(seats));
    }

    private static Seat seat(String id, String number, String category) {
        return new Seat(id, number, new Point(10, 10), category);
    }
}
