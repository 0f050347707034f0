package org.forecast4j.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.forecast4j.core.Level;
import org.forecast4j.core.ReferenceCsv;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MetricsTest {

    /** Sums of at most a few hundred terms, in a different order than R: agreement to ~1e-13, checked at 1e-10. */
    private static final double REL_TOL = 1e-10;

    private static final double[] Y = {10, 12, 8, 0.5, 20};
    private static final double[] F = {11, 12, 6, 1, 15};

    @Test
    void pointMetrics_smallExample_matchHandComputation() {
        // errors e = y - f = -1, 0, 2, -0.5, 5 (worked by hand)
        assertEquals((1 + 0 + 2 + 0.5 + 5) / 5.0, Metrics.mae(Y, F).value(), 1e-15);
        assertEquals((1 + 0 + 4 + 0.25 + 25) / 5.0, Metrics.mse(Y, F).value(), 1e-15);
        assertEquals(Math.sqrt(30.25 / 5.0), Metrics.rmse(Y, F).value(), 1e-15);
        assertEquals(100.0 / 5 * (0.1 + 0 + 0.25 + 1 + 0.25), Metrics.mape(Y, F).value(), 1e-12);
        assertEquals(200.0 / 5 * (1 / 21.0 + 0 + 2 / 14.0 + 0.5 / 1.5 + 5 / 35.0), Metrics.smape(Y, F).value(),
                1e-12);
        assertEquals(8.5 / 50.5, Metrics.wape(Y, F).value(), 1e-15);
    }

    @Test
    void maseScale_seasonal_isMeanAbsoluteSeasonalDifference() {
        // |3-1|, |4-2|, |10-3| over lag 2 (by hand)
        assertEquals((2 + 2 + 7) / 3.0, Metrics.maseScale(new double[] {1, 2, 3, 4, 10}, 2).value(), 1e-15);
        // a missing value drops the pairs it belongs to: only |10-3| remains... and |4-2|
        assertEquals((2 + 7) / 2.0, Metrics.maseScale(new double[] {Double.NaN, 2, 3, 4, 10}, 2).value(), 1e-15);
    }

    @Test
    void mape_zeroActual_isUndefinedNamingTheStep() {
        MetricValue v = Metrics.mape(new double[] {1, 2, 0, 4}, new double[] {1, 1, 1, 1});
        assertFalse(v.isDefined());
        assertEquals("zero actual at step 3", v.reason().orElseThrow());
        IllegalStateException e = assertThrows(IllegalStateException.class, v::value);
        assertEquals("MAPE undefined: zero actual at step 3", e.getMessage());
        assertTrue(v.asOptional().isEmpty());
        assertEquals(-1.0, v.orElse(-1.0));
    }

    @Test
    void smape_bothZero_isUndefined() {
        MetricValue v = Metrics.smape(new double[] {1, 0}, new double[] {2, 0});
        assertEquals("actual and forecast both zero at step 2", v.reason().orElseThrow());
        // zero actual with a non-zero forecast is defined (term = 1, i.e. 200%)
        assertEquals(100.0, Metrics.smape(new double[] {1, 0}, new double[] {1, 3}).value(), 1e-12);
    }

    @Test
    void mase_constantTraining_isUndefinedWithZeroScale() {
        MetricValue v = Metrics.mase(new double[] {1, 2}, new double[] {1, 1}, new double[] {5, 5, 5, 5}, 1);
        assertFalse(v.isDefined());
        assertTrue(v.reason().orElseThrow().contains("scale is zero"), v.toString());
        MetricValue s = Metrics.msis(new double[] {1}, new double[] {0}, new double[] {2}, new Level(95),
                new double[] {5, 5, 5}, 1);
        assertEquals(Metric.MSIS, s.metric());
        assertFalse(s.isDefined());
    }

    @Test
    void mase_trainingShorterThanPeriod_isUndefined() {
        MetricValue v = Metrics.mase(new double[] {1}, new double[] {1}, new double[] {1, 2, 3}, 7);
        assertTrue(v.reason().orElseThrow().contains("no two observed values 7 steps apart"), v.toString());
    }

    @Test
    void wape_allZeroActuals_isUndefined() {
        assertEquals("sum of absolute actuals is zero",
                Metrics.wape(new double[] {0, 0}, new double[] {1, 2}).reason().orElseThrow());
    }

    @Test
    void allMetrics_noObservedActual_areUndefined() {
        double[] nan = {Double.NaN, Double.NaN};
        double[] f = {1, 2};
        for (MetricValue v : List.of(Metrics.mae(nan, f), Metrics.rmse(nan, f), Metrics.mape(nan, f),
                Metrics.smape(nan, f), Metrics.wape(nan, f), Metrics.coverage(nan, f, f),
                Metrics.pinball(nan, f, 0.5), Metrics.mase(nan, f, new double[] {1, 2, 4}, 1))) {
            assertEquals("no observed actual values", v.reason().orElseThrow(), v.metric().toString());
        }
        assertFalse(Metrics.mae(new double[0], new double[0]).isDefined());
    }

    @Test
    void overflow_isUndefinedNotInfinite() {
        MetricValue v = Metrics.mse(new double[] {1e300}, new double[] {-1e300});
        assertFalse(v.isDefined());
        assertTrue(v.reason().orElseThrow().contains("overflow"), v.toString());
        MetricValue m = Metrics.mase(new double[] {1e300}, new double[] {0}, new double[] {0, Double.MIN_VALUE}, 1);
        assertTrue(m.reason().orElseThrow().contains("overflow"), m.toString());
    }

    @Test
    void missingActuals_areSkipped() {
        assertEquals(1.5, Metrics.mae(new double[] {1, Double.NaN, 3}, new double[] {0, 100, 1}).value(), 1e-15);
    }

    @Test
    void badInput_throwsNamingTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mae(new double[] {1, 2}, new double[] {1}));
        assertEquals("actual length 2 != forecast length 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mae(new double[] {1}, new double[] {Double.NaN}));
        assertEquals("forecast[0] must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mae(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}));
        assertEquals("actual[0] must be finite or NaN, got Infinity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.coverage(new double[] {1}, new double[] {2}, new double[] {1}));
        assertEquals("lower[0] = 2.0 must be <= upper[0] = 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.pinball(new double[] {1}, new double[] {1}, 1));
        assertEquals("tau must be in (0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.maseScale(new double[] {1, 2}, 0));
    }

    @Test
    void intervalMetrics_smallExample_matchHandComputation() {
        double[] y = {1, 5, -3};
        double[] lo = {0, 0, 0};
        double[] hi = {2, 2, 2};
        assertEquals(1.0 / 3, Metrics.coverage(y, lo, hi).value(), 1e-15);
        // alpha = 0.2 (80%): IS = 2, 2 + 10*(5-2) = 32, 2 + 10*(0-(-3)) = 32; scale of {0, 2, 4} at lag 1 = 2
        assertEquals((2 + 32 + 32) / 3.0 / 2.0,
                Metrics.msis(y, lo, hi, new Level(80), new double[] {0, 2, 4}, 1).value(), 1e-12);
        // pinball at tau 0.1 for lo (u = y - lo = 1, 5, -3): 0.1, 0.5, 0.9*3 = 2.7;
        // at tau 0.9 for hi (u = -1, 3, -5): 0.1*1 = 0.1, 0.9*3 = 2.7, 0.1*5 = 0.5
        double expected = 0.5 * ((0.1 + 0.5 + 2.7) / 3 + (0.1 + 2.7 + 0.5) / 3);
        assertEquals(expected, Metrics.pinball(y, lo, hi, new Level(80)).value(), 1e-12);
    }

    /**
     * Reference: R 4.2.2, forecast 8.20 {@code accuracy()} (MAE, RMSE, MAPE, MASE) and independent R code of the
     * M4 / textbook formulas (sMAPE, MSIS, WAPE, coverage, pinball), script
     * {@code src/test/resources/reference/metrics.R}, on R's own forecasts of four series (one with missing
     * actuals and missing training values).
     */
    @TestFactory
    List<DynamicTest> metrics_matchR() {
        ReferenceCsv ref = ReferenceCsv.load("/reference/metrics/expected.csv");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < ref.size(); i++) {
            int row = i;
            String name = ref.text(i, "case") + " " + ref.text(i, "metric") + ref.text(i, "level");
            tests.add(DynamicTest.dynamicTest(name, () -> checkReference(ref, row)));
        }
        Set<String> cases = new LinkedHashSet<>();
        for (int i = 0; i < ref.size(); i++) {
            cases.add(ref.text(i, "case"));
        }
        assertEquals(4, cases.size());
        return tests;
    }

    private static void checkReference(ReferenceCsv ref, int row) {
        String c = ref.text(row, "case");
        ReferenceCsv fc = ReferenceCsv.load("/reference/metrics/" + c + ".csv");
        String file = c.substring(0, c.lastIndexOf('_'));
        file = file.equals("airpassengers") ? "AirPassengers" : file;
        double[] series = ReferenceCsv.load("/reference/baselines/" + file + ".csv").column("y");
        double[] train = Arrays.copyOf(series, (int) ref.number(row, "train"));
        int m = (int) ref.number(row, "period");
        double[] y = fc.column("actual");
        double[] mean = fc.column("mean");
        String levelText = ref.text(row, "level");
        String suffix = levelText.isEmpty() ? "" : levelText;
        double[] lo = levelText.isEmpty() ? null : fc.column("lo" + suffix);
        double[] hi = levelText.isEmpty() ? null : fc.column("hi" + suffix);
        Level level = levelText.isEmpty() ? null : new Level(Double.parseDouble(levelText));
        MetricValue v;
        switch (ref.text(row, "metric")) {
            case "mae":
                v = Metrics.mae(y, mean);
                break;
            case "rmse":
                v = Metrics.rmse(y, mean);
                break;
            case "mse":
                v = Metrics.mse(y, mean);
                break;
            case "mape":
                v = Metrics.mape(y, mean);
                break;
            case "mase":
                v = Metrics.mase(y, mean, train, m);
                break;
            case "smape":
                v = Metrics.smape(y, mean);
                break;
            case "wape":
                v = Metrics.wape(y, mean);
                break;
            case "coverage":
                v = Metrics.coverage(y, lo, hi);
                break;
            case "msis":
                v = Metrics.msis(y, lo, hi, level, train, m);
                break;
            case "pinball":
                v = Metrics.pinball(y, lo, hi, level);
                break;
            default:
                throw new IllegalArgumentException(ref.text(row, "metric"));
        }
        double expected = ref.number(row, "value");
        assertEquals(expected, v.value(), REL_TOL * Math.max(1, Math.abs(expected)));
    }

    @Property(tries = 300)
    void mae_isNonNegative_andRmseAtLeastMae(@ForAll("pairs") double[][] p) {
        double mae = Metrics.mae(p[0], p[1]).value();
        assertTrue(mae >= 0);
        assertTrue(Metrics.rmse(p[0], p[1]).value() >= mae * (1 - 1e-12));
    }

    @Property(tries = 300)
    void mase_isScaleInvariant(@ForAll("pairs") double[][] p, @ForAll @DoubleRange(min = 0.01, max = 1000) double c) {
        double[] train = Arrays.copyOf(p[0], p[0].length);
        MetricValue base = Metrics.mase(p[0], p[1], train, 2);
        MetricValue scaled = Metrics.mase(times(p[0], c), times(p[1], c), times(train, c), 2);
        assertEquals(base.isDefined(), scaled.isDefined());
        if (base.isDefined()) {
            assertEquals(base.value(), scaled.value(), 1e-9 * Math.max(1, base.value()));
        }
    }

    @Property(tries = 300)
    void percentageMetrics_areScaleInvariantAndBounded(@ForAll("pairs") double[][] p,
                                                      @ForAll @DoubleRange(min = 0.01, max = 1000) double c) {
        double s = Metrics.smape(p[0], p[1]).value();
        assertTrue(s >= 0 && s <= 200 + 1e-9);
        assertEquals(s, Metrics.smape(times(p[0], c), times(p[1], c)).value(), 1e-9 * Math.max(1, s));
        double w = Metrics.wape(p[0], p[1]).value();
        assertEquals(w, Metrics.wape(times(p[0], c), times(p[1], c)).value(), 1e-9 * Math.max(1, w));
    }

    @Property(tries = 300)
    void pinballAtMedian_isHalfMae(@ForAll("pairs") double[][] p) {
        assertEquals(0.5 * Metrics.mae(p[0], p[1]).value(), Metrics.pinball(p[0], p[1], 0.5).value(), 1e-9);
    }

    @Property(tries = 300)
    void coverage_widerIntervalCoversAtLeastAsMuch(@ForAll("pairs") double[][] p,
                                                  @ForAll @DoubleRange(min = 0, max = 50) double w) {
        double[] lo = plus(p[1], -w);
        double[] hi = plus(p[1], w);
        double[] lo2 = plus(p[1], -2 * w - 1);
        double[] hi2 = plus(p[1], 2 * w + 1);
        double c1 = Metrics.coverage(p[0], lo, hi).value();
        assertTrue(c1 >= 0 && c1 <= 1);
        assertTrue(Metrics.coverage(p[0], lo2, hi2).value() >= c1);
    }

    /** Pairs (actual, forecast) of strictly positive values, length 4..30, so every metric is defined. */
    @Provide
    Arbitrary<double[][]> pairs() {
        return Arbitraries.integers().between(4, 30).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(1, 1000).array(double[].class).ofSize(n),
                Arbitraries.doubles().between(1, 1000).array(double[].class).ofSize(n))
                .as((a, b) -> new double[][] {a, b}));
    }

    private static double[] times(double[] x, double c) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * c;
        }
        return out;
    }

    private static double[] plus(double[] x, double c) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + c;
        }
        return out;
    }
}
