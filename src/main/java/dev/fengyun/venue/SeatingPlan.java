package dev.fengyun.venue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A seating plan as organizers import and export it (format in docs/seating-plan.md): seat
 * categories, zones of rows of seats, standing (general-admission) areas and decorative shapes. A
 * seat's position is the sum of its zone's, its row's and its own position, so a block can be moved
 * by changing one number. Lists are never null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatingPlan(
        String name,
        Size size,
        List<Category> categories,
        List<Zone> zones,
        List<StandingArea> standing,
        List<Shape> shapes) {

    /** Plans larger than this are refused: they are not halls but data errors. */
    public static final int MAX_SEATS = 100_000;

    public SeatingPlan {
        categories = orEmpty(categories);
        zones = orEmpty(zones);
        standing = orEmpty(standing);
        shapes = orEmpty(shapes);
    }

    /** Every seat with its absolute position, in plan order. */
    public Stream<PlacedSeat> seats() {
        List<PlacedSeat> placed = new ArrayList<>();
        for (Zone zone : zones) {
            if (zone == null) {
                continue;
            }
            Point zoneAt = Point.orOrigin(zone.position());
            for (Row row : zone.rows()) {
                if (row == null) {
                    continue;
                }
                Point rowAt = zoneAt.plus(Point.orOrigin(row.position()));
                for (Seat seat : row.seats()) {
                    if (seat == null) {
                        continue;
                    }
                    Point at = rowAt.plus(Point.orOrigin(seat.position()));
                    placed.add(
                            new PlacedSeat(
                                    seat.id(),
                                    zone.name(),
                                    row.label(),
                                    seat.number(),
                                    at.x(),
                                    at.y(),
                                    seat.category()));
                }
            }
        }
        return placed.stream();
    }

    @JsonIgnore
    public int seatCount() {
        int count = 0;
        for (Zone zone : zones) {
            if (zone != null) {
                for (Row row : zone.rows()) {
                    count += row == null ? 0 : row.seats().size();
                }
            }
        }
        return count;
    }

    @JsonIgnore
    public int standingCapacity() {
        return standing.stream().filter(a -> a != null).mapToInt(StandingArea::capacity).sum();
    }

    /** The centre of the shape marked as stage, else the middle of the top edge. */
    @JsonIgnore
    public Point stageCentre() {
        for (Shape shape : shapes) {
            if (shape != null && Boolean.TRUE.equals(shape.stage())) {
                return shape.centre();
            }
        }
        double width = size == null ? 0 : size.width();
        return new Point(width / 2, 0);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }

    /** Drawing size in plan units; seat coordinates lie within it. */
    public record Size(double width, double height) {}

    public record Point(double x, double y) {
        static Point orOrigin(Point point) {
            return point == null ? new Point(0, 0) : point;
        }

        Point plus(Point other) {
            return new Point(x + other.x, y + other.y);
        }
    }

    /** A seat category (e.g. PREMIUM); price zones of a performance map categories to prices. */
    public record Category(String name, String color) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Zone(String name, Point position, List<Row> rows) {
        public Zone {
            rows = orEmpty(rows);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String label, Point position, List<Seat> seats) {
        public Row {
            seats = orEmpty(seats);
        }
    }

    /** A seat; {@code id} is stable across plan revisions and unique in the plan. */
    public record Seat(String id, String number, Point position, String category) {}

    /** A general-admission area: a capacity instead of seats. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandingArea(
            String id, String name, int capacity, String category, Shape shape) {}

    /**
     * A drawn shape: {@code rectangle} (position = top-left, width, height), {@code circle}
     * (position = centre, radius), {@code polygon} (points) or {@code text} (position, text,
     * fontSize). {@code stage: true} marks the stage, which best-available seating faces.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Shape(
            String type,
            Point position,
            Double width,
            Double height,
            Double radius,
            List<Point> points,
            String color,
            String text,
            Double fontSize,
            Boolean stage) {

        public static Shape rectangle(
                double x, double y, double width, double height, String color, String text) {
            return new Shape(
                    "rectangle",
                    new Point(x, y),
                    width,
                    height,
                    null,
                    null,
                    color,
                    text,
                    null,
                    null);
        }

        @JsonIgnore
        public Point centre() {
            Point at = Point.orOrigin(position);
            if ("rectangle".equals(type) && width != null && height != null) {
                return new Point(at.x() + width / 2, at.y() + height / 2);
            }
            if ("polygon".equals(type) && points != null && !points.isEmpty()) {
                double x = points.stream().mapToDouble(Point::x).average().orElse(0);
                double y = points.stream().mapToDouble(Point::y).average().orElse(0);
                return new Point(x, y);
            }
            return at;
        }
    }

    /** A seat with its absolute position and the names of its zone and row. */
    public record PlacedSeat(
            String id,
            String zone,
            String row,
            String number,
            double x,
            double y,
            String category) {}
}
