package dev.fengyun.venue.internal;

import dev.fengyun.platform.InvalidInput;
import dev.fengyun.venue.PlanLayout;
import dev.fengyun.venue.PlanLayout.Block;
import dev.fengyun.venue.PlanLayout.CategoryRows;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.SeatingPlan.Category;
import dev.fengyun.venue.SeatingPlan.Point;
import dev.fengyun.venue.SeatingPlan.Row;
import dev.fengyun.venue.SeatingPlan.Seat;
import dev.fengyun.venue.SeatingPlan.Shape;
import dev.fengyun.venue.SeatingPlan.Size;
import dev.fengyun.venue.SeatingPlan.StandingArea;
import dev.fengyun.venue.SeatingPlan.Zone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a {@link PlanLayout} into a full seating plan. Seat ids are {@code <block>-<row>-<number>},
 * so regenerating the same layout yields the same ids.
 */
public final class PlanGenerator {

    static final double MARGIN = 40;
    private static final String[] PALETTE = {
        "#b4232a", "#1a4fa0", "#2f7d32", "#8e44ad", "#d35400", "#00838f", "#6d4c41", "#c2185b"
    };
    private static final String DEFAULT_CATEGORY = "STANDARD";

    private final Map<String, String> colors = new LinkedHashMap<>();

    private PlanGenerator() {}

    /**
     * @throws InvalidInput when ranges or aisles do not fit the block they belong to
     */
    public static SeatingPlan generate(PlanLayout layout) {
        return new PlanGenerator().build(layout);
    }

    private SeatingPlan build(PlanLayout layout) {
        List<Zone> zones = new ArrayList<>();
        for (int b = 0; b < layout.blocks().size(); b++) {
            zones.add(block(layout.blocks().get(b), "blocks[" + b + "]", "block-" + (b + 1)));
        }
        List<StandingArea> standing = new ArrayList<>();
        for (int a = 0; a < layout.standing().size(); a++) {
            PlanLayout.Standing area = layout.standing().get(a);
            String key = area.key() != null ? area.key() : slug(area.name(), "area-" + (a + 1));
            color(area.category(), area.color());
            Shape shape =
                    new Shape(
                            "rectangle",
                            new Point(area.x(), area.y()),
                            area.width(),
                            area.height(),
                            null,
                            null,
                            null,
                            area.name(),
                            null,
                            null);
            standing.add(
                    new StandingArea(key, area.name(), area.capacity(), area.category(), shape));
        }
        List<Shape> shapes = new ArrayList<>();
        if (layout.stage() != null) {
            PlanLayout.Stage stage = layout.stage();
            shapes.add(
                    new Shape(
                            "rectangle",
                            new Point(stage.x(), stage.y()),
                            stage.width(),
                            stage.height(),
                            null,
                            null,
                            "#3c3c44",
                            stage.label() == null ? "STAGE" : stage.label(),
                            null,
                            true));
        }
        List<Category> categories = new ArrayList<>();
        colors.forEach((name, color) -> categories.add(new Category(name, color)));
        return normalise(
                new SeatingPlan(
                        layout.name(), new Size(1, 1), categories, zones, standing, shapes));
    }

    private Zone block(Block block, String path, String fallbackKey) {
        String key = block.key() != null ? block.key() : slug(block.name(), fallbackKey);
        boolean fan = "FAN".equals(block.shape());
        double seatSpacing = block.seatSpacing() != null ? block.seatSpacing() : 30;
        double rowSpacing = block.rowSpacing() != null ? block.rowSpacing() : 32;
        int extra = block.extraSeatsPerRow() != null ? block.extraSeatsPerRow() : 0;
        List<Integer> aisles = block.aislesAfter() == null ? List.of() : block.aislesAfter();
        for (int a = 0; a < aisles.size(); a++) {
            if (aisles.get(a) >= block.seatsPerRow()) {
                throw new InvalidInput(
                        path + ".aislesAfter[" + a + "]",
                        "Range",
                        "must be below seatsPerRow (" + block.seatsPerRow() + ")");
            }
        }
        List<CategoryRows> ranges = block.categories() == null ? List.of() : block.categories();
        for (int c = 0; c < ranges.size(); c++) {
            CategoryRows range = ranges.get(c);
            if (range.from() > range.to() || range.to() > block.rows()) {
                throw new InvalidInput(
                        path + ".categories[" + c + "]",
                        "Range",
                        "rows "
                                + range.from()
                                + "–"
                                + range.to()
                                + " do not lie within 1–"
                                + block.rows());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < block.rows(); r++) {
            int rowNumber = r + 1;
            String label = rowLabel(rowNumber, block.rowLabels());
            String category = categoryOf(rowNumber, ranges);
            int seatCount = block.seatsPerRow() + r * extra;
            if (fan) {
                requireRoomForFan(block, r, seatCount, seatSpacing, rowSpacing, aisles, path);
            }
            List<Point> positions =
                    fan
                            ? fanRow(block, r, seatCount, seatSpacing, rowSpacing, aisles)
                            : straightRow(block, r, seatCount, seatSpacing, rowSpacing, aisles);
            List<String> numbers = numbers(seatCount, block.numbering());
            List<Seat> seats = new ArrayList<>(seatCount);
            for (int s = 0; s < seatCount; s++) {
                String number = numbers.get(s);
                seats.add(
                        new Seat(
                                key + "-" + label + "-" + number,
                                number,
                                positions.get(s),
                                category));
            }
            rows.add(new Row(label, null, seats));
        }
        return new Zone(block.name(), null, rows);
    }

    /**
     * Seat positions left to right, as the audience sees them, with a seat-wide gap per aisle. Rows
     * run along +x and stack along +y from {@code x, y}, then the block is turned by {@code angle}
     * degrees clockwise around that point (90: rows stack towards -x, for a stand facing east).
     */
    private static List<Point> straightRow(
            Block block,
            int r,
            int seats,
            double spacing,
            double rowSpacing,
            List<Integer> aisles) {
        double turn = Math.toRadians(block.angle() != null ? block.angle() : 0);
        double cos = Math.cos(turn);
        double sin = Math.sin(turn);
        List<Point> points = new ArrayList<>(seats);
        double along = r * rowSpacing;
        double indent = (seats - block.seatsPerRow()) * spacing / 2;
        for (int s = 0; s < seats; s++) {
            double across = -indent + (s + aislesBefore(s, aisles)) * spacing;
            points.add(
                    new Point(
                            block.x() + across * cos - along * sin,
                            block.y() + across * sin + along * cos));
        }
        return points;
    }

    private static List<Point> fanRow(
            Block block,
            int r,
            int seats,
            double spacing,
            double rowSpacing,
            List<Integer> aisles) {
        double radius = (block.radius() != null ? block.radius() : 150) + r * rowSpacing;
        double step = spacing / radius;
        double span = (seats - 1 + aisleCount(seats, aisles)) * step;
        double middle = Math.toRadians(block.angle() != null ? block.angle() : 0);
        List<Point> points = new ArrayList<>(seats);
        for (int s = 0; s < seats; s++) {
            // Left to right for an audience facing the stage: angles run from +span/2 to -span/2.
            double a = middle + span / 2 - (s + aislesBefore(s, aisles)) * step;
            points.add(
                    new Point(block.x() - radius * Math.sin(a), block.y() + radius * Math.cos(a)));
        }
        return points;
    }

    /** A fanned row may span at most 240 degrees; beyond that seats would wrap around. */
    private static void requireRoomForFan(
            Block block,
            int r,
            int seats,
            double spacing,
            double rowSpacing,
            List<Integer> aisles,
            String path) {
        double radius = (block.radius() != null ? block.radius() : 150) + r * rowSpacing;
        double length = (seats - 1 + aisleCount(seats, aisles)) * spacing;
        double limit = Math.toRadians(240);
        if (length / radius > limit) {
            throw new InvalidInput(
                    path + ".radius",
                    "TooSmall",
                    "is too small for "
                            + seats
                            + " seats in row "
                            + (r + 1)
                            + "; use at least "
                            + (int) Math.ceil(length / limit));
        }
    }

    private static int aislesBefore(int seatIndex, List<Integer> aisles) {
        int count = 0;
        for (int after : aisles) {
            if (seatIndex >= after) {
                count++;
            }
        }
        return count;
    }

    private static int aisleCount(int seats, List<Integer> aisles) {
        return (int) aisles.stream().filter(after -> after < seats).count();
    }

    /** Seat numbers in left-to-right order for the given numbering direction. */
    static List<String> numbers(int seats, String numbering) {
        String[] numbers = new String[seats];
        if ("RIGHT_TO_LEFT".equals(numbering)) {
            for (int s = 0; s < seats; s++) {
                numbers[s] = Integer.toString(seats - s);
            }
        } else if ("ODD_EVEN".equals(numbering)) {
            // Centre out: odd numbers right of the centre aisle line, even numbers left of it.
            int centre = seats / 2;
            for (int s = centre, n = 1; s < seats; s++, n += 2) {
                numbers[s] = Integer.toString(n);
            }
            for (int s = centre - 1, n = 2; s >= 0; s--, n += 2) {
                numbers[s] = Integer.toString(n);
            }
        } else {
            for (int s = 0; s < seats; s++) {
                numbers[s] = Integer.toString(s + 1);
            }
        }
        return List.of(numbers);
    }

    static String rowLabel(int rowNumber, String style) {
        if (!"LETTERS".equals(style)) {
            return Integer.toString(rowNumber);
        }
        StringBuilder label = new StringBuilder();
        for (int n = rowNumber; n > 0; n = (n - 1) / 26) {
            label.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return label.toString();
    }

    private String categoryOf(int rowNumber, List<CategoryRows> ranges) {
        for (CategoryRows range : ranges) {
            if (rowNumber >= range.from() && rowNumber <= range.to()) {
                return color(range.category(), range.color());
            }
        }
        return color(DEFAULT_CATEGORY, null);
    }

    /** Registers a category (first colour given wins) and returns its name. */
    private String color(String category, String color) {
        colors.computeIfAbsent(
                category, c -> color != null ? color : PALETTE[colors.size() % PALETTE.length]);
        return category;
    }

    /** Moves everything so the drawing starts at the margin, and sizes the plan to fit. */
    private static SeatingPlan normalise(SeatingPlan plan) {
        double minX = Double.MAX_VALUE,
                minY = Double.MAX_VALUE,
                maxX = -Double.MAX_VALUE,
                maxY = -Double.MAX_VALUE;
        List<double[]> boxes = new ArrayList<>();
        plan.seats().forEach(s -> boxes.add(new double[] {s.x(), s.y(), s.x(), s.y()}));
        for (StandingArea area : plan.standing()) {
            boxes.add(box(area.shape()));
        }
        for (Shape shape : plan.shapes()) {
            boxes.add(box(shape));
        }
        for (double[] box : boxes) {
            minX = Math.min(minX, box[0]);
            minY = Math.min(minY, box[1]);
            maxX = Math.max(maxX, box[2]);
            maxY = Math.max(maxY, box[3]);
        }
        double dx = MARGIN - minX;
        double dy = MARGIN - minY;
        UnaryOperator<Point> move = p -> new Point(round(p.x() + dx), round(p.y() + dy));
        List<Zone> zones =
                plan.zones().stream()
                        .map(
                                zone ->
                                        new Zone(
                                                zone.name(),
                                                null,
                                                zone.rows().stream()
                                                        .map(
                                                                row ->
                                                                        new Row(
                                                                                row.label(),
                                                                                null,
                                                                                row.seats().stream()
                                                                                        .map(
                                                                                                seat ->
                                                                                                        new Seat(
                                                                                                                seat
                                                                                                                        .id(),
                                                                                                                seat
                                                                                                                        .number(),
                                                                                                                move
                                                                                                                        .apply(
                                                                                                                                seat
                                                                                                                                        .position()),
                                                                                                                seat
                                                                                                                        .category()))
                                                                                        .toList()))
                                                        .toList()))
                        .toList();
        List<StandingArea> standing =
                plan.standing().stream()
                        .map(
                                a ->
                                        new StandingArea(
                                                a.id(),
                                                a.name(),
                                                a.capacity(),
                                                a.category(),
                                                moved(a.shape(), move)))
                        .toList();
        List<Shape> shapes = plan.shapes().stream().map(s -> moved(s, move)).toList();
        Size size = new Size(round(maxX - minX + 2 * MARGIN), round(maxY - minY + 2 * MARGIN));
        return new SeatingPlan(plan.name(), size, plan.categories(), zones, standing, shapes);
    }

    private static double[] box(Shape shape) {
        Point at = shape.position();
        double width = shape.width() == null ? 0 : shape.width();
        double height = shape.height() == null ? 0 : shape.height();
        return new double[] {at.x(), at.y(), at.x() + width, at.y() + height};
    }

    private static Shape moved(Shape shape, UnaryOperator<Point> move) {
        return new Shape(
                shape.type(),
                move.apply(shape.position()),
                shape.width(),
                shape.height(),
                shape.radius(),
                shape.points() == null ? null : shape.points().stream().map(move).toList(),
                shape.color(),
                shape.text(),
                shape.fontSize(),
                shape.stage());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** A key from a name; names without Latin letters or digits (e.g. 池座) get the fallback. */
    static String slug(String name, String fallback) {
        String slug =
                name.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? fallback : slug.length() > 31 ? slug.substring(0, 31) : slug;
    }
}
