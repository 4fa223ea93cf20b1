package dev.fengyun.venue.internal;

import dev.fengyun.venue.SeatStyle;
import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.SeatingPlan.PlacedSeat;
import dev.fengyun.venue.SeatingPlan.Point;
import dev.fengyun.venue.SeatingPlan.Shape;
import dev.fengyun.venue.SeatingPlan.StandingArea;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a seating plan as SVG: shapes, then standing areas, then one circle per seat carrying
 * {@code data-seat-id} and a {@code <title>} for screen readers and hover.
 */
public final class SvgRenderer {

    private SvgRenderer() {}

    public static String render(SeatingPlan plan, SeatStyle style) {
        List<PlacedSeat> seats = plan.seats().toList();
        double radius = seatRadius(seats);
        StringBuilder svg = new StringBuilder(200 + seats.size() * 160);
        double width = plan.size() == null ? 100 : plan.size().width();
        double height = plan.size() == null ? 100 : plan.size().height();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"seat-map\" viewBox=\"0 0 ")
                .append(number(width))
                .append(' ')
                .append(number(height))
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(plan.name()))
                .append("\">");
        svg.append("<g class=\"shapes\">");
        for (Shape shape : plan.shapes()) {
            shape(svg, shape, Boolean.TRUE.equals(shape.stage()) ? "stage" : "shape", Map.of());
        }
        svg.append("</g><g class=\"standing\">");
        for (StandingArea area : plan.standing()) {
            Shape shape = area.shape() != null ? area.shape() : defaultArea(plan);
            shape(
                    svg,
                    withText(shape, area.name()),
                    "standing-area",
                    Map.of("data-area-id", area.id()));
        }
        svg.append("</g><g class=\"seats\">");
        for (PlacedSeat seat : seats) {
            svg.append("<circle class=\"seat\" data-seat-id=\"")
                    .append(escape(seat.id()))
                    .append("\" cx=\"")
                    .append(number(seat.x()))
                    .append("\" cy=\"")
                    .append(number(seat.y()))
                    .append("\" r=\"")
                    .append(number(radius))
                    .append("\" fill=\"")
                    .append(escape(style.fill(seat)))
                    .append('"');
            for (Map.Entry<String, String> attribute : style.attributes(seat).entrySet()) {
                svg.append(' ')
                        .append(attribute.getKey())
                        .append("=\"")
                        .append(escape(attribute.getValue()))
                        .append('"');
            }
            svg.append("><title>").append(escape(style.label(seat))).append("</title></circle>");
        }
        svg.append("</g></svg>");
        return svg.toString();
    }

    private static void shape(
            StringBuilder svg, Shape shape, String cssClass, Map<String, String> data) {
        String fill = shape.color() != null ? shape.color() : "#e4e4e8";
        svg.append("<g class=\"").append(cssClass).append('"');
        data.forEach(
                (k, v) -> svg.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        svg.append('>');
        Point at = shape.position() != null ? shape.position() : new Point(0, 0);
        switch (shape.type()) {
            case "rectangle" ->
                    svg.append("<rect x=\"")
                            .append(number(at.x()))
                            .append("\" y=\"")
                            .append(number(at.y()))
                            .append("\" width=\"")
                            .append(number(shape.width()))
                            .append("\" height=\"")
                            .append(number(shape.height()))
                            .append("\" rx=\"4\" fill=\"")
                            .append(escape(fill))
                            .append("\"/>");
            case "circle" ->
                    svg.append("<circle cx=\"")
                            .append(number(at.x()))
                            .append("\" cy=\"")
                            .append(number(at.y()))
                            .append("\" r=\"")
                            .append(number(shape.radius()))
                            .append("\" fill=\"")
                            .append(escape(fill))
                            .append("\"/>");
            case "polygon" -> {
                svg.append("<polygon points=\"");
                for (Point point : shape.points()) {
                    svg.append(number(point.x())).append(',').append(number(point.y())).append(' ');
                }
                svg.append("\" fill=\"").append(escape(fill)).append("\"/>");
            }
            default -> {}
        }
        if (shape.text() != null && !shape.text().isBlank()) {
            Point centre = "text".equals(shape.type()) ? at : shape.centre();
            double size = shape.fontSize() != null ? shape.fontSize() : 18;
            String textFill = "stage".equals(cssClass) ? "#ffffff" : "#1d1d1f";
            svg.append("<text x=\"")
                    .append(number(centre.x()))
                    .append("\" y=\"")
                    .append(number(centre.y()))
                    .append("\" font-size=\"")
                    .append(number(size))
                    .append("\" fill=\"")
                    .append(textFill)
                    .append("\" text-anchor=\"middle\" dominant-baseline=\"middle\">")
                    .append(escape(shape.text()))
                    .append("</text>");
        }
        svg.append("</g>");
    }

    private static Shape withText(Shape shape, String text) {
        return new Shape(
                shape.type(),
                shape.position(),
                shape.width(),
                shape.height(),
                shape.radius(),
                shape.points(),
                shape.color() != null ? shape.color() : "#f1e6c8",
                text,
                shape.fontSize(),
                shape.stage());
    }

    private static Shape defaultArea(SeatingPlan plan) {
        double width = plan.size() == null ? 100 : plan.size().width();
        return Shape.rectangle(width * 0.1, 10, width * 0.8, 60, null, null);
    }

    /** A radius that keeps neighbouring seats apart: 40% of the smallest gap in the first rows. */
    static double seatRadius(List<PlacedSeat> seats) {
        double smallest = Double.MAX_VALUE;
        int limit = Math.min(seats.size(), 2_000);
        for (int i = 1; i < limit; i++) {
            PlacedSeat a = seats.get(i - 1);
            PlacedSeat b = seats.get(i);
            if (a.row() != null
                    && a.row().equals(b.row())
                    && a.zone() != null
                    && a.zone().equals(b.zone())) {
                double distance = Math.hypot(a.x() - b.x(), a.y() - b.y());
                if (distance > 0) {
                    smallest = Math.min(smallest, distance);
                }
            }
        }
        return smallest == Double.MAX_VALUE ? 8 : Math.max(1, Math.round(smallest * 4) / 10.0);
    }

    private static String number(Double value) {
        return value == null ? "0" : number(value.doubleValue());
    }

    private static String number(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
