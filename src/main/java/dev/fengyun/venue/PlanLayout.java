package dev.fengyun.venue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Input of the seating-plan generator (coordinates default to 0): blocks of rows × seats laid out
 * straight or fanned around the stage, with aisles, a numbering direction and categories by row
 * range, plus standing areas and the stage. Row 1 is the row nearest the stage.
 */
public record PlanLayout(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Block> blocks,
        @Size(max = 20) List<@Valid @NotNull Standing> standing,
        @Valid Stage stage) {

    public PlanLayout {
        standing = standing == null ? List.of() : standing;
    }

    /**
     * One block of seats. {@code shape} is {@code RECTANGLE} (straight rows; the first seat of row
     * 1 is at {@code x, y}, rows stack downwards, and {@code angle} turns the block clockwise
     * around that point) or {@code FAN} (arcs centred on {@code x, y}, usually the stage, the first
     * at {@code radius}, the block's middle in direction {@code angle} degrees: 0 is straight away
     * from the stage, positive to the audience's right).
     */
    public record Block(
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}") String key,
            @Pattern(regexp = "RECTANGLE|FAN") String shape,
            @Min(1) @Max(500) int rows,
            @Min(1) @Max(1000) int seatsPerRow,
            @Min(0) @Max(20) Integer extraSeatsPerRow,
            Double x,
            Double y,
            @Positive Double seatSpacing,
            @Positive Double rowSpacing,
            @Positive Double radius,
            Double angle,
            @Size(max = 20) List<@NotNull @Min(1) Integer> aislesAfter,
            @Pattern(regexp = "LEFT_TO_RIGHT|RIGHT_TO_LEFT|ODD_EVEN") String numbering,
            @Pattern(regexp = "NUMBERS|LETTERS") String rowLabels,
            @Size(max = 20) List<@Valid @NotNull CategoryRows> categories) {

        public Block {
            x = x == null ? 0 : x;
            y = y == null ? 0 : y;
        }
    }

    /** Rows {@code from}–{@code to} (1-based, inclusive) get {@code category}. */
    public record CategoryRows(
            @Min(1) int from,
            @Min(1) int to,
            @NotBlank @Size(max = 40) String category,
            @Pattern(regexp = "#[0-9a-fA-F]{6}") String color) {}

    public record Standing(
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}") String key,
            @Min(1) @Max(SeatingPlan.MAX_SEATS) int capacity,
            @NotBlank @Size(max = 40) String category,
            @Pattern(regexp = "#[0-9a-fA-F]{6}") String color,
            Double x,
            Double y,
            @Positive double width,
            @Positive double height) {

        public Standing {
            x = x == null ? 0 : x;
            y = y == null ? 0 : y;
        }
    }

    public record Stage(
            Double x,
            Double y,
            @Positive double width,
            @Positive double height,
            @Size(max = 40) String label) {

        public Stage {
            x = x == null ? 0 : x;
            y = y == null ? 0 : y;
        }
    }
}
