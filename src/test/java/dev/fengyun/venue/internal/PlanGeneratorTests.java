package dev.fengyun.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fengyun.platform.InvalidInput;
import dev.fengyun.venue.PlanLayout;
import dev.fengyun.venue.PlanLayout.Block;
import dev.fengyun.venue.PlanLayout.CategoryRows;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.SeatingPlan.PlacedSeat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanGeneratorTests {

    @Test
    void makesRowsTimesSeatsWithStableIdsAndCategoriesByRow() {
        SeatingPlan plan =
                PlanGenerator.generate(
                        layout(
                                block(
                                        "RECTANGLE",
                                        10,
                                        20,
                                        List.of(),
                                        "LEFT_TO_RIGHT",
                                        List.of(
                                                new CategoryRows(1, 3, "PREMIUM", "#b4232a"),
                                                new CategoryRows(4, 10, "STANDARD", null)))));
        assertThat(plan.seatCount()).isEqualTo(200);
        assertThat(PlanValidator.validate(plan)).isEmpty();
        assertThat(plan.seats().filter(s -> s.category().equals("PREMIUM")).count()).isEqualTo(60);
        assertThat(plan.seats().map(PlacedSeat::id))
                .contains("hall-1-1", "hall-10-20")
                .doesNotHaveDuplicates();
        assertThat(plan.categories())
                .extracting(SeatingPlan.Category::name)
                .containsExactly("PREMIUM", "STANDARD");
        assertThat(
                        PlanGenerator.generate(
                                        layout(
                                                block(
                                                        "RECTANGLE",
                                                        10,
                                                        20,
                                                        List.of(),
                                                        "LEFT_TO_RIGHT",
                                                        List.of())))
                                .seats()
                                .map(PlacedSeat::id)
                                .toList())
                .as("regenerating yields the same ids")
                .isEqualTo(
                        PlanGenerator.generate(
                                        layout(
                                                block(
                                                        "RECTANGLE",
                                                        10,
                                                        20,
                                                        List.of(),
                                                        "LEFT_TO_RIGHT",
                                                        List.of())))
                                .seats()
                                .map(PlacedSeat::id)
                                .toList());
    }

    @Test
    void numbersSeatsInTheChosenDirection() {
        assertThat(PlanGenerator.numbers(6, "LEFT_TO_RIGHT"))
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(PlanGenerator.numbers(6, "RIGHT_TO_LEFT"))
                .containsExactly("6", "5", "4", "3", "2", "1");
        assertThat(PlanGenerator.numbers(6, "ODD_EVEN"))
                .containsExactly("6", "4", "2", "1", "3", "5");
        assertThat(PlanGenerator.numbers(5, "ODD_EVEN")).containsExactly("4", "2", "1", "3", "5");
    }

    @Test
    void labelsRowsWithLettersBeyondZ() {
        assertThat(PlanGenerator.rowLabel(1, "LETTERS")).isEqualTo("A");
        assertThat(PlanGenerator.rowLabel(26, "LETTERS")).isEqualTo("Z");
        assertThat(PlanGenerator.rowLabel(27, "LETTERS")).isEqualTo("AA");
        assertThat(PlanGenerator.rowLabel(27, "NUMBERS")).isEqualTo("27");
    }

    @Test
    void leavesASeatWideGapAtEachAisle() {
        SeatingPlan plan =
                PlanGenerator.generate(
                        layout(block("RECTANGLE", 1, 10, List.of(5), "LEFT_TO_RIGHT", List.of())));
        List<PlacedSeat> row = plan.seats().toList();
        assertThat(row.get(1).x() - row.get(0).x()).isEqualTo(30.0);
        assertThat(row.get(5).x() - row.get(4).x()).as("gap across the aisle").isEqualTo(60.0);
    }

    @Test
    void fansRowsAroundTheStageAndRefusesARadiusTooSmallForTheRow() {
        SeatingPlan plan =
                PlanGenerator.generate(
                        layout(block("FAN", 5, 20, List.of(), "LEFT_TO_RIGHT", List.of())));
        List<PlacedSeat> firstRow = plan.seats().limit(20).toList();
        assertThat(firstRow.get(0).x())
                .as("seat 1 is on the audience's left")
                .isLessThan(firstRow.get(19).x());
        assertThat(firstRow.get(0).y())
                .as("row ends curve towards the stage")
                .isLessThan(firstRow.get(10).y());

        Block tight =
                new Block(
                        "Hall", "hall", "FAN", 5, 80, 0, 0.0, 0.0, 30.0, 32.0, 100.0, 0.0, null,
                        null, null, null);
        assertThatThrownBy(() -> PlanGenerator.generate(layout(tight)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidInput) e).errors().get(0).field())
                                        .isEqualTo("blocks[0].radius"));
    }

    @Test
    void rejectsCategoryRangesOutsideTheBlock() {
        Block block =
                block(
                        "RECTANGLE",
                        5,
                        10,
                        List.of(),
                        "LEFT_TO_RIGHT",
                        List.of(new CategoryRows(4, 9, "X", null)));
        assertThatThrownBy(() -> PlanGenerator.generate(layout(block)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("blocks[0].categories[0]");
    }

    @Test
    void givesBlocksWithoutLatinNamesDistinctKeys() {
        PlanLayout layout =
                new PlanLayout(
                        "剧院",
                        List.of(
                                new Block(
                                        "池座",
                                        null,
                                        "RECTANGLE",
                                        2,
                                        5,
                                        0,
                                        0.0,
                                        0.0,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                new Block(
                                        "楼座",
                                        null,
                                        "RECTANGLE",
                                        2,
                                        5,
                                        0,
                                        0.0,
                                        200.0,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)),
                        List.of(),
                        null);
        SeatingPlan plan = PlanGenerator.generate(layout);
        assertThat(PlanValidator.validate(plan)).isEmpty();
        assertThat(plan.seats().map(PlacedSeat::id)).contains("block-1-1-1", "block-2-1-1");
    }

    static PlanLayout layout(Block block) {
        return new PlanLayout(
                "Test hall",
                List.of(block),
                List.of(),
                new PlanLayout.Stage(0.0, -100.0, 200, 50, "STAGE"));
    }

    static Block block(
            String shape,
            int rows,
            int seats,
            List<Integer> aisles,
            String numbering,
            List<CategoryRows> categories) {
        return new Block(
                "Hall",
                "hall",
                shape,
                rows,
                seats,
                0,
                0.0,
                0.0,
                30.0,
                32.0,
                600.0,
                0.0,
                aisles,
                numbering,
                "NUMBERS",
                categories);
    }
}
