package dev.fengyun.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses seats for "n best available": n neighbouring seats in one row, as near the stage as
 * possible, preferring choices that do not strand a single empty seat between them and a taken seat
 * or the end of the row. When no row has n neighbours free, the n seats nearest the stage.
 */
final class BestAvailable {

    /** Any choice without an orphan beats every choice with one. */
    private static final double ORPHAN_PENALTY = 1e9;

    private BestAvailable() {}

    /** A free seat; {@code seq} counts positions in its row, an aisle being a gap. */
    record Seat(long unitId, String block, String row, int seq, double x, double y) {}

    static List<Long> choose(List<Seat> free, int n, double stageX, double stageY) {
        if (n < 1 || free.size() < n) {
            return List.of();
        }
        List<Long> best = null;
        double bestScore = Double.MAX_VALUE;
        for (List<Seat> run : runs(free)) {
            for (int start = 0; start + n <= run.size(); start++) {
                int left = start;
                int right = run.size() - start - n;
                int orphans = (left == 1 ? 1 : 0) + (right == 1 ? 1 : 0);
                List<Seat> window = run.subList(start, start + n);
                double score = distance(window, stageX, stageY) + orphans * ORPHAN_PENALTY;
                if (score < bestScore) {
                    bestScore = score;
                    best = window.stream().map(Seat::unitId).toList();
                }
            }
        }
        if (best != null) {
            return best;
        }
        return free.stream()
                .sorted(Comparator.comparingDouble(s -> Math.hypot(s.x() - stageX, s.y() - stageY)))
                .limit(n)
                .map(Seat::unitId)
                .toList();
    }

    /** How far the middle of a group of seats (at least one) is from the stage. */
    private static double distance(List<Seat> seats, double stageX, double stageY) {
        double x = 0;
        double y = 0;
        for (Seat seat : seats) {
            x += seat.x();
            y += seat.y();
        }
        return Math.hypot(x / seats.size() - stageX, y / seats.size() - stageY);
    }

    /** Maximal sequences of neighbouring free seats, row by row. */
    static List<List<Seat>> runs(List<Seat> free) {
        Map<String, List<Seat>> rows = new LinkedHashMap<>();
        for (Seat seat : free) {
            rows.computeIfAbsent(seat.block() + "\u0000" + seat.row(), k -> new ArrayList<>())
                    .add(seat);
        }
        List<List<Seat>> runs = new ArrayList<>();
        for (List<Seat> row : rows.values()) {
            row.sort(Comparator.comparingInt(Seat::seq));
            List<Seat> run = new ArrayList<>();
            for (Seat seat : row) {
                if (!run.isEmpty() && seat.seq() != run.get(run.size() - 1).seq() + 1) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                run.add(seat);
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        return runs;
    }
}
