package dev.fengyun.venue.internal;

import dev.fengyun.platform.InvalidInput.FieldProblem;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.SeatingPlan.Category;
import dev.fengyun.venue.SeatingPlan.Row;
import dev.fengyun.venue.SeatingPlan.Seat;
import dev.fengyun.venue.SeatingPlan.Shape;
import dev.fengyun.venue.SeatingPlan.StandingArea;
import dev.fengyun.venue.SeatingPlan.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a seating plan and names every problem by its JSON path, e.g. {@code
 * zones[0].rows[3].seats[5].id}. Stops collecting after {@value #MAX_PROBLEMS} problems.
 */
public final class PlanValidator {

    static final int MAX_PROBLEMS = 50;
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
    private static final Set<String> SHAPES = Set.of("rectangle", "circle", "polygon", "text");

    private final List<FieldProblem> problems = new ArrayList<>();

    private PlanValidator() {}

    public static List<FieldProblem> validate(SeatingPlan plan) {
        PlanValidator validator = new PlanValidator();
        validator.check(plan);
        return validator.problems;
    }

    private void check(SeatingPlan plan) {
        if (plan.name() == null || plan.name().isBlank()) {
            problem("name", "NotBlank", "must not be blank");
        }
        if (plan.size() == null || plan.size().width() <= 0 || plan.size().height() <= 0) {
            problem("size", "Positive", "must have a positive width and height");
        }
        Set<String> categories = categories(plan.categories());
        int seats = plan.seatCount();
        if (seats > SeatingPlan.MAX_SEATS) {
            problem(
                    "zones",
                    "TooManySeats",
                    "has " + seats + " seats; at most " + SeatingPlan.MAX_SEATS + " are allowed");
            return;
        }
        if (seats == 0 && plan.standing().isEmpty()) {
            problem("zones", "Empty", "the plan has neither seats nor standing areas");
        }
        Map<String, String> ids = new HashMap<>();
        for (int z = 0; z < plan.zones().size(); z++) {
            zone(plan.zones().get(z), "zones[" + z + "]", categories, ids);
        }
        for (int a = 0; a < plan.standing().size(); a++) {
            standing(plan.standing().get(a), "standing[" + a + "]", categories, ids);
        }
        for (int s = 0; s < plan.shapes().size(); s++) {
            shape(plan.shapes().get(s), "shapes[" + s + "]");
        }
    }

    private Set<String> categories(List<Category> list) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Category category = list.get(i);
            String path = "categories[" + i + "]";
            if (category == null || category.name() == null || category.name().isBlank()) {
                problem(path + ".name", "NotBlank", "must not be blank");
                continue;
            }
            if (!names.add(category.name())) {
                problem(
                        path + ".name",
                        "Duplicate",
                        "category '" + category.name() + "' is declared twice");
            }
            if (category.color() != null && !COLOR.matcher(category.color()).matches()) {
                problem(path + ".color", "Pattern", "must be a colour like #b4232a");
            }
        }
        return names;
    }

    private void zone(Zone zone, String path, Set<String> categories, Map<String, String> ids) {
        if (zone == null) {
            problem(path, "NotNull", "must not be null");
            return;
        }
        if (zone.name() == null || zone.name().isBlank()) {
            problem(path + ".name", "NotBlank", "must not be blank");
        }
        if (zone.rows().isEmpty()) {
            problem(path + ".rows", "Empty", "a zone needs at least one row");
        }
        for (int r = 0; r < zone.rows().size(); r++) {
            Row row = zone.rows().get(r);
            String rowPath = path + ".rows[" + r + "]";
            if (row == null) {
                problem(rowPath, "NotNull", "must not be null");
                continue;
            }
            if (row.label() == null || row.label().isBlank()) {
                problem(rowPath + ".label", "NotBlank", "must not be blank");
            }
            if (row.seats().isEmpty()) {
                problem(rowPath + ".seats", "Empty", "row '" + row.label() + "' has no seats");
            }
            for (int s = 0; s < row.seats().size(); s++) {
                seat(row.seats().get(s), rowPath + ".seats[" + s + "]", categories, ids);
            }
        }
    }

    private void seat(Seat seat, String path, Set<String> categories, Map<String, String> ids) {
        if (seat == null) {
            problem(path, "NotNull", "must not be null");
            return;
        }
        uniqueId(seat.id(), path + ".id", ids);
        if (seat.number() == null || seat.number().isBlank()) {
            problem(path + ".number", "NotBlank", "must not be blank");
        }
        if (seat.position() == null) {
            problem(path + ".position", "NotNull", "must give x and y");
        }
        knownCategory(seat.category(), path + ".category", categories);
    }

    private void standing(
            StandingArea area, String path, Set<String> categories, Map<String, String> ids) {
        if (area == null) {
            problem(path, "NotNull", "must not be null");
            return;
        }
        uniqueId(area.id(), path + ".id", ids);
        if (area.name() == null || area.name().isBlank()) {
            problem(path + ".name", "NotBlank", "must not be blank");
        }
        if (area.capacity() < 1 || area.capacity() > SeatingPlan.MAX_SEATS) {
            problem(path + ".capacity", "Range", "must be between 1 and " + SeatingPlan.MAX_SEATS);
        }
        knownCategory(area.category(), path + ".category", categories);
        if (area.shape() != null) {
            shape(area.shape(), path + ".shape");
        }
    }

    private void shape(Shape shape, String path) {
        if (shape == null || shape.type() == null || !SHAPES.contains(shape.type())) {
            problem(path + ".type", "OneOf", "must be one of rectangle, circle, polygon, text");
            return;
        }
        switch (shape.type()) {
            case "rectangle" -> {
                if (shape.position() == null
                        || shape.width() == null
                        || shape.height() == null
                        || shape.width() <= 0
                        || shape.height() <= 0) {
                    problem(
                            path,
                            "Incomplete",
                            "a rectangle needs a position and a positive width and height");
                }
            }
            case "circle" -> {
                if (shape.position() == null || shape.radius() == null || shape.radius() <= 0) {
                    problem(path, "Incomplete", "a circle needs a position and a positive radius");
                }
            }
            case "polygon" -> {
                if (shape.points() == null || shape.points().size() < 3) {
                    problem(path + ".points", "Size", "a polygon needs at least three points");
                }
            }
            default -> {
                if (shape.position() == null || shape.text() == null || shape.text().isBlank()) {
                    problem(path, "Incomplete", "a text needs a position and some text");
                }
            }
        }
        if (shape.color() != null && !COLOR.matcher(shape.color()).matches()) {
            problem(path + ".color", "Pattern", "must be a colour like #b4232a");
        }
    }

    private void uniqueId(String id, String path, Map<String, String> ids) {
        if (id == null || !ID.matcher(id).matches()) {
            problem(
                    path,
                    "Pattern",
                    "must be 1–64 letters, digits or . _ : - (starting with a letter or digit)");
            return;
        }
        String first = ids.putIfAbsent(id, path);
        if (first != null) {
            problem(path, "Duplicate", "id '" + id + "' is already used at " + first);
        }
    }

    private void knownCategory(String category, String path, Set<String> categories) {
        if (category == null || category.isBlank()) {
            problem(path, "NotBlank", "must name a category");
        } else if (!categories.contains(category)) {
            problem(
                    path,
                    "UnknownCategory",
                    "category '" + category + "' is not declared in categories");
        }
    }

    private void problem(String field, String code, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FieldProblem(field, code, message));
        }
    }
}
