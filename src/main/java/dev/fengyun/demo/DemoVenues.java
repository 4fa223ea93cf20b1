package dev.fengyun.demo;

import dev.fengyun.venue.PlanLayout;
import dev.fengyun.venue.PlanLayout.Block;
import dev.fengyun.venue.PlanLayout.CategoryRows;
import dev.fengyun.venue.PlanLayout.Stage;
import dev.fengyun.venue.PlanLayout.Standing;
import java.util.List;

/** Layouts of the demo venues, made with the same generator organizers use. */
final class DemoVenues {

    private DemoVenues() {}

    /** About 1,200 seats: fanned stalls (two price categories) and a balcony. */
    static PlanLayout theatre() {
        Block stalls =
                new Block(
                        "Stalls 池座",
                        "stalls",
                        "FAN",
                        20,
                        30,
                        1,
                        600.0,
                        80.0,
                        30.0,
                        32.0,
                        520.0,
                        0.0,
                        List.of(10, 21),
                        "ODD_EVEN",
                        "NUMBERS",
                        List.of(
                                new CategoryRows(1, 6, "PREMIUM", "#b4232a"),
                                new CategoryRows(7, 20, "STANDARD", "#1a4fa0")));
        Block balcony =
                new Block(
                        "Balcony 楼座",
                        "balcony",
                        "FAN",
                        10,
                        40,
                        0,
                        600.0,
                        80.0,
                        30.0,
                        32.0,
                        1220.0,
                        0.0,
                        List.of(20),
                        "ODD_EVEN",
                        "NUMBERS",
                        List.of(new CategoryRows(1, 10, "BALCONY", "#2f7d32")));
        return new PlanLayout(
                "Grand Theatre 大剧院",
                List.of(stalls, balcony),
                List.of(),
                new Stage(450.0, 440.0, 300, 70, "STAGE 舞台"));
    }

    /** 2,000 seats in two stands facing a 10,000-place standing floor, stage at its head. */
    static PlanLayout arena() {
        List<CategoryRows> tiers =
                List.of(
                        new CategoryRows(1, 8, "LOWER", "#8e44ad"),
                        new CategoryRows(9, 20, "UPPER", "#d35400"));
        // Stands run along the floor's long sides, row 1 nearest the floor, turned to face it.
        Block west =
                new Block(
                        "West stand 西看台",
                        "west",
                        "RECTANGLE",
                        20,
                        50,
                        0,
                        560.0,
                        160.0,
                        24.0,
                        26.0,
                        null,
                        90.0,
                        List.of(25),
                        "LEFT_TO_RIGHT",
                        "NUMBERS",
                        tiers);
        Block east =
                new Block(
                        "East stand 东看台",
                        "east",
                        "RECTANGLE",
                        20,
                        50,
                        0,
                        1240.0,
                        1360.0,
                        24.0,
                        26.0,
                        null,
                        -90.0,
                        List.of(25),
                        "LEFT_TO_RIGHT",
                        "NUMBERS",
                        tiers);
        Standing floor =
                new Standing(
                        "Floor 内场", "floor", 10_000, "FLOOR", "#f1c40f", 600.0, 260.0, 600, 1000);
        return new PlanLayout(
                "Fengyun Arena 风云体育馆",
                List.of(west, east),
                List.of(floor),
                new Stage(700.0, 140.0, 400, 90, "STAGE 舞台"));
    }
}
