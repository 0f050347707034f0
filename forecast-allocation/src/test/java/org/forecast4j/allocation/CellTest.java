package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected value with capacity against the defining expectation, evaluated directly in the test. */
class CellTest {

    private static final double[] P = {0.1, 0.5, 0.9};
    private static final double[] Q = {900, 1180, 1500};

    /** v·Σ w_k [min(C, b_k(1 + L)) − min(C, b_k)]: the definition in issue 7. */
    private static double direct(BaselineDistribution d, double v, double cap, double lift) {
        double[] b = d.values();
        double[] w = d.probabilities();
        double s = 0;
        for (int k = 0; k < b.length; k++) {
            s += w[k] * (Math.min(cap, b[k] * (1 + lift)) - Math.min(cap, b[k]));
        }
        return v * s;
    }

    @Test
    void fromQuantiles_threeQuantiles_midpointWeightsAndScaledMean() {
        BaselineDistribution d = BaselineDistribution.fromQuantiles(1200, P, Q);
        // cells between midpoints 0.3 and 0.7
        assertArrayEquals(new double[] {0.3, 0.4, 0.3}, d.probabilities(), 1e-15);
        double mean = 0;
        for (int k = 0; k < 3; k++) {
            mean += d.probabilities()[k] * d.values()[k];
        }
        assertEquals(1200, mean, 1e-9);
        assertEquals(1200.0 / 1192.0 * 900, d.values()[0], 1e-9);
    }

    @Test
    void expectedValue_withCapacity_matchesDefinition() {
        BaselineDistribution d = BaselineDistribution.fromQuantiles(1200, P, Q);
        ResponseCurve curve = ResponseCurve.hill(0.35, 5000, 1);
        for (double cap : new double[] {1000, 1300, 1550, 2000, Double.POSITIVE_INFINITY}) {
            Cell c = Cell.builder("a").baseline(d).curve(curve).valuePerUnit(80).capacity(cap).build();
            for (double x : new double[] {0, 500, 3000, 12000, 60000}) {
                assertEquals(direct(d, 80, cap, curve.lift(x)), c.expectedValue(x), 1e-9, "cap " + cap + " x " + x);
            }
        }
    }

    @Test
    void marginalValue_withCapacity_matchesFiniteDifference() {
        BaselineDistribution d = BaselineDistribution.fromQuantiles(1200, P, Q);
        Cell c = Cell.builder("a").baseline(d).curve(ResponseCurve.exponential(0.4, 4000)).valuePerUnit(80)
                .capacity(1600).build();
        for (double x : new double[] {100, 1500, 2500, 7000}) {
            double h = 1e-3;
            double fd = (c.expectedValue(x + h) - c.expectedValue(x)) / h;
            assertEquals(fd, c.marginalValue(x), 1e-4 * Math.abs(fd) + 1e-9, "x " + x);
        }
    }

    @Test
    void argmax_variousCells_matchesGridMaximum() {
        BaselineDistribution d = BaselineDistribution.fromQuantiles(1200, P, Q);
        Cell[] cells = {
            Cell.builder("exp").baseline(1000).curve(ResponseCurve.exponential(0.3, 3000)).valuePerUnit(10)
                    .spendBounds(200, 20000).build(),
            Cell.builder("cap").baseline(d).curve(ResponseCurve.log(0.2, 800)).valuePerUnit(10).capacity(1500)
                    .spendBounds(0, 20000).build(),
            Cell.builder("s").baseline(d).curve(ResponseCurve.hill(0.5, 4000, 3)).valuePerUnit(10).capacity(1700)
                    .spendBounds(0, 20000).build(),
            Cell.builder("pw").baseline(1000).curve(ResponseCurve.piecewise(new double[] {2000, 4000, 9000},
                    new double[] {0.02, 0.2, 0.3})).valuePerUnit(10).spendBounds(500, 20000).build()};
        for (Cell c : cells) {
            for (double p : new double[] {0.02, 0.1, 0.3, 0.9, 3}) {
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k <= 200000; k++) {
                    double x = c.lo() + (c.hi() - c.lo()) * k / 200000.0;
                    best = Math.max(best, c.expectedValue(x) - p * x);
                }
                double x = c.argmax(p);
                double got = c.expectedValue(x) - p * x;
                // the grid step is 0.1, so the grid maximum is at most ~p·0.1 below the true maximum
                assertTrue(got >= best - 1e-9 * Math.abs(best) - 1e-9, c.id() + " p " + p + ": " + got + " < " + best);
                assertTrue(got <= best + p * 0.1 + 1e-6, c.id() + " p " + p);
            }
        }
    }

    @Test
    void builder_badArguments_throwNamingTheCell() {
        Cell.Builder b = Cell.builder("x").baseline(10).curve(ResponseCurve.log(0.1, 10));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.spendBounds(10, 5)).getMessage()
                .contains("maxSpend"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.valuePerUnit(-1)).getMessage()
                .contains("valuePerUnit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.capacity(0)).getMessage()
                .contains("capacity"));
        assertThrows(IllegalStateException.class, () -> Cell.builder("y").baseline(1).build());
        assertThrows(IllegalArgumentException.class, () -> BaselineDistribution.ofMean(-1));
        assertThrows(IllegalArgumentException.class,
                () -> BaselineDistribution.fromQuantiles(10, new double[] {0.5, 0.4}, new double[] {1, 2}));
        assertEquals(Map.of("channel", "search"), Cell.builder("z").labels(Map.of("channel", "search")).baseline(1)
                .curve(ResponseCurve.log(0.1, 10)).build().labels());
    }
}
