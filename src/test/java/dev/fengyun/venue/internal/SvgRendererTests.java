package dev.fengyun.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.venue.SeatingPlan;
import dev.fengyun.venue.VenueManagement;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgRendererTests {

    @Test
    void drawsOneLabelledCircleCarryingItsIdPerSeat() {
        SeatingPlan plan =
                PlanGenerator.generate(
                        PlanGeneratorTests.layout(
                                PlanGeneratorTests.block(
                                        "RECTANGLE",
                                        4,
                                        6,
                                        java.util.List.of(),
                                        "LEFT_TO_RIGHT",
                                        java.util.List.of())));
        String svg = SvgRenderer.render(plan, VenueManagement.byCategory(plan));
        assertThat(
                        Pattern.compile("<circle class=\"seat\" data-seat-id=\"")
                                .matcher(svg)
                                .results()
                                .count())
                .isEqualTo(24);
        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .endsWith("</svg>")
                .contains(
                        "data-seat-id=\"hall-1-1\"",
                        "<title>Hall, row 1, seat 1</title>",
                        "class=\"stage\"");
    }

    @Test
    void escapesNamesThatLookLikeMarkup() {
        SeatingPlan plan =
                new SeatingPlan(
                        "<script>alert(1)</script> & \"Co\"",
                        new SeatingPlan.Size(10, 10),
                        java.util.List.of(),
                        java.util.List.of(),
                        java.util.List.of(),
                        java.util.List.of());
        String svg = SvgRenderer.render(plan, seat -> "#000000");
        assertThat(svg)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;", "&amp;", "&quot;Co&quot;");
    }
}
