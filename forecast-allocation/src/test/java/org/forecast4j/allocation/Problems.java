package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random cells for tests. */
final class Problems {

    private static final String[] CHANNELS = {"search", "feed", "push"};

    private Problems() {
    }

    /** Random concave cells like the CLI check's: exponential, log and Hill (shape 1), random bounds. */
    static List<Cell> concaveCells(int n, Random r) {
        List<Cell> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ResponseCurve c;
            switch (r.nextInt(4)) {
                case 0:
                    c = ResponseCurve.exponential(0.05 + 0.55 * r.nextDouble(), 500 + 19500 * r.nextDouble());
                    break;
                case 1:
                    c = ResponseCurve.log(0.01 + 0.19 * r.nextDouble(), 200 + 9800 * r.nextDouble());
                    break;
                case 2:
                    c = ResponseCurve.hill(0.05 + 0.55 * r.nextDouble(), 500 + 19500 * r.nextDouble(), 1);
                    break;
                default:
                    c = ResponseCurve.hill(0.05 + 0.55 * r.nextDouble(), 500 + 19500 * r.nextDouble(),
                            0.5 + 0.5 * r.nextDouble());
                    break;
            }
            double lo = r.nextBoolean() ? 0 : 2000 * r.nextDouble();
            out.add(Cell.builder("c" + i)
                    .labels(Map.of("channel", CHANNELS[i % 3], "day", Integer.toString(i % 7)))
                    .baseline(50 + 4950 * r.nextDouble()).curve(c).valuePerUnit(5 + 115 * r.nextDouble())
                    .spendBounds(lo, lo + 1000 + 39000 * r.nextDouble()).build());
        }
        return out;
    }

    static AllocationProblem problem(List<Cell> cells, double budget) {
        return AllocationProblem.builder().budget(budget).addCells(cells).build();
    }
}
