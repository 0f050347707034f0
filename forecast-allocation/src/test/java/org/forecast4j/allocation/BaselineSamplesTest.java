package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Baselines from forecast samples (sample paths). Expected values are checked against the defining expectation of
 * issue 7 averaged directly over the raw samples in the test, {@code v/N · Σ_s [min(C, s·(1 + L)) − min(C, s)]},
 * which does not use the atoms, weights or piecewise-linear form of {@link Cell}.
 */
class BaselineSamplesTest {

    /** Right-skewed positive samples (log-normal, fixed seed), like simulated demand paths at one step. */
    private static double[] samples(int n, long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1000 * Math.exp(0.3 * r.nextGaussian());
        }
        return s;
    }

    private static double direct(double[] samples, double v, double cap, double lift) {
        double sum = 0;
        for (double s : samples) {
            sum += Math.min(cap, s * (1 + lift)) - Math.min(cap, s);
        }
        return v * sum / samples.length;
    }

    @Test
    void fromSamples_unsortedWithTies_sortedDistinctAtomsWithCountWeights() {
        BaselineDistribution d = BaselineDistribution.fromSamples(new double[] {5, 1, 3, 1, 5, 5, 0, 3});
        assertArrayEquals(new double[] {0, 1, 3, 5}, d.values(), 0);
        assertArrayEquals(new double[] {1 / 8.0, 2 / 8.0, 2 / 8.0, 3 / 8.0}, d.probabilities(), 1e-15);
        assertEquals(23 / 8.0, d.mean(), 1e-15);
    }

    @Test
    void fromSamples_statedMean_scalesAtomsToIt() {
        BaselineDistribution d = BaselineDistribution.fromSamples(120, new double[] {50, 150, 100});
        // sample average 100, scale 1.2
        assertArrayEquals(new double[] {60, 120, 180}, d.values(), 1e-12);
        assertEquals(120, d.mean(), 0);
        assertArrayEquals(new double[] {0, 0, 0}, BaselineDistribution.fromSamples(0, new double[] {1, 2, 3})
                .values(), 0);
    }

    @Test
    void expectedValue_thousandSamplesWithCapacity_matchesAverageOverSamples() {
        double[] s = samples(1000, 11);
        BaselineDistribution d = BaselineDistribution.fromSamples(s);
        assertEquals(1000, d.size());
        ResponseCurve curve = ResponseCurve.hill(0.35, 5000, 1);
        for (double cap : new double[] {700, 1000, 1300, 2000, Double.POSITIVE_INFINITY}) {
            Cell c = Cell.builder("a").baseline(d).curve(curve).valuePerUnit(80).capacity(cap).build();
            for (double x : new double[] {0, 500, 3000, 12000, 60000}) {
                double want = direct(s, 80, cap, curve.lift(x));
                assertEquals(want, c.expectedValue(x), 1e-9 * Math.max(1, want), "cap " + cap + " x " + x);
            }
        }
    }

    @Test
    void marginalValue_thousandSamplesWithCapacity_matchesFiniteDifferenceOfDirectAverage() {
        double[] s = samples(1000, 12);
        ResponseCurve curve = ResponseCurve.exponential(0.4, 4000);
        Cell c = Cell.builder("a").baseline(BaselineDistribution.fromSamples(s)).curve(curve).valuePerUnit(80)
                .capacity(1300).build();
        for (double x : new double[] {100, 1500, 2500, 7000}) {
            double h = 1e-3;
            double fd = (direct(s, 80, 1300, curve.lift(x + h)) - direct(s, 80, 1300, curve.lift(x))) / h;
            assertEquals(fd, c.marginalValue(x), 1e-4 * Math.abs(fd) + 1e-9, "x " + x);
        }
    }

    @Test
    void argmax_manySamplesWithCapacity_matchesGridMaximum() {
        double[] s = samples(300, 13);
        ResponseCurve curve = ResponseCurve.log(0.3, 800);
        Cell c = Cell.builder("a").baseline(BaselineDistribution.fromSamples(s)).curve(curve).valuePerUnit(10)
                .capacity(1200).spendBounds(100, 20000).build();
        for (double p : new double[] {0.02, 0.1, 0.3, 0.9, 3}) {
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k <= 20000; k++) {
                double x = 100 + 19900.0 * k / 20000;
                best = Math.max(best, direct(s, 10, 1200, curve.lift(x)) - p * x);
            }
            double x = c.argmax(p);
            double got = direct(s, 10, 1200, curve.lift(x)) - p * x;
            // grid step 0.995: the grid maximum is at most ~p·1 below the true maximum
            assertTrue(got >= best - 1e-9 * Math.abs(best) - 1e-9, "p " + p + ": " + got + " < " + best);
            assertTrue(got <= best + p * 1.0 + 1e-6, "p " + p);
        }
    }

    @Test
    void solve_equalSamples_samePlanAsPointMass() {
        List<Cell> point = new ArrayList<>();
        List<Cell> sampled = new ArrayList<>();
        double[] base = {1200, 800, 400};
        for (int i = 0; i < 3; i++) {
            double[] same = new double[50];
            Arrays.fill(same, base[i]);
            ResponseCurve curve = ResponseCurve.exponential(0.3 + 0.1 * i, 3000 + 1000 * i);
            point.add(Cell.builder("c" + i).baseline(base[i]).curve(curve).valuePerUnit(20).capacity(1400)
                    .spendBounds(0, 20000).build());
            sampled.add(Cell.builder("c" + i).baseline(BaselineDistribution.fromSamples(same)).curve(curve)
                    .valuePerUnit(20).capacity(1400).spendBounds(0, 20000).build());
        }
        Allocation a = Allocator.solve(Problems.problem(point, 15000));
        Allocation b = Allocator.solve(Problems.problem(sampled, 15000));
        assertEquals(a.status(), b.status());
        assertArrayEquals(a.spend(), b.spend(), 0);
        assertEquals(a.objectiveValue(), b.objectiveValue(), 0);
    }

    @Test
    void fromSamples_badSamples_throwNamingTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BaselineDistribution.fromSamples(new double[0]))
                .getMessage().contains("baselineSamples must have >= 1 value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BaselineDistribution.fromSamples(new double[] {1, -2})).getMessage()
                .contains("baselineSamples values must be finite and >= 0, got -2.0 at index 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BaselineDistribution.fromSamples(new double[] {Double.NaN})).getMessage()
                .contains("got NaN at index 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BaselineDistribution.fromSamples(10, new double[] {0, 0})).getMessage()
                .contains("baselineSamples are all 0 but baseline is 10.0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BaselineDistribution.fromSamples(-1, new double[] {1})).getMessage()
                .contains("baseline must be finite and >= 0"));
        assertThrows(NullPointerException.class, () -> BaselineDistribution.fromSamples(null));
    }

    /**
     * n cells with 20–220 log-normal samples each; {@code out[0]} with the samples as drawn, {@code out[1]} with each
     * cell's samples shuffled, {@code out[2]} as {@code out[0]} with every capacity multiplied by {@code capFactor}.
     */
    private static List<List<Cell>> sampledCells(long seed, int n, double capFactor) {
        Random r = new Random(seed);
        List<List<Cell>> out = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            double[] s = new double[20 + r.nextInt(200)];
            double base = 100 + 2000 * r.nextDouble();
            for (int k = 0; k < s.length; k++) {
                // rounded: ties occur, as with count forecasts
                s[k] = Math.rint(base * Math.exp(0.4 * r.nextGaussian()) / 10) * 10;
            }
            double[] shuffled = s.clone();
            for (int k = shuffled.length - 1; k > 0; k--) {
                int j = r.nextInt(k + 1);
                double t = shuffled[k];
                shuffled[k] = shuffled[j];
                shuffled[j] = t;
            }
            ResponseCurve curve = ResponseCurve.exponential(0.2 + 0.6 * r.nextDouble(), 1000 + 9000 * r.nextDouble());
            double v = 5 + 50 * r.nextDouble();
            double cap = base * (0.9 + 0.6 * r.nextDouble());
            double[][] which = {s, shuffled, s};
            double[] caps = {cap, cap, cap * capFactor};
            for (int w = 0; w < 3; w++) {
                out.get(w).add(Cell.builder("c" + i).baseline(BaselineDistribution.fromSamples(which[w])).curve(curve)
                        .valuePerUnit(v).capacity(caps[w]).spendBounds(0, 30000).build());
            }
        }
        return out;
    }

    @Property(tries = 60)
    void solve_permutedSamples_samePlan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int n) {
        List<List<Cell>> cells = sampledCells(seed, n, 1);
        double budget = 5000.0 * n;
        Allocation a = Allocator.solve(Problems.problem(cells.get(0), budget));
        Allocation b = Allocator.solve(Problems.problem(cells.get(1), budget));
        assertEquals(a.status(), b.status());
        // the empirical distribution does not depend on the sample order, so the solver sees identical cells
        assertArrayEquals(a.spend(), b.spend(), 0);
        assertEquals(a.objectiveValue(), b.objectiveValue(), 0);
    }

    @Property(tries = 60)
    void solve_largerCapacityWithSamples_neverLowersValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int n,
                                                          @ForAll @DoubleRange(min = 1, max = 3) double factor) {
        List<List<Cell>> cells = sampledCells(seed, n, factor);
        double budget = 5000.0 * n;
        Allocation a = Allocator.solve(Problems.problem(cells.get(0), budget));
        Allocation b = Allocator.solve(Problems.problem(cells.get(2), budget));
        assertTrue(b.objectiveValue() >= a.objectiveValue() * (1 - 1e-9) - 1e-9,
                b.objectiveValue() + " < " + a.objectiveValue());
    }
}
