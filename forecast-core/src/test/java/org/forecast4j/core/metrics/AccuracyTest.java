package org.forecast4j.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    private static final List<Level> LEVELS = Level.of(80, 95);

    /** The accumulator and {@link Metrics} sum in the same order; only the final division may round differently. */
    private static final double TOL = 1e-12;

    @Property(tries = 300)
    void of_agreesWithMetricsFunctions(@ForAll("values") double[] train, @ForAll("values") double[] test) {
        int h = Math.min(test.length, 8);
        double[] y = Arrays.copyOf(test, h);
        Forecast f = forecast(train[train.length - 1], h);
        Accuracy a = Accuracy.of(y, f, TimeSeries.of(train).withPeriod(2));
        double[] mean = f.mean();
        assertClose(Metrics.mae(y, mean), a.get(Metric.MAE));
        assertClose(Metrics.mse(y, mean), a.get(Metric.MSE));
        assertClose(Metrics.rmse(y, mean), a.get(Metric.RMSE));
        assertClose(Metrics.mape(y, mean), a.get(Metric.MAPE));
        assertClose(Metrics.smape(y, mean), a.get(Metric.SMAPE));
        assertClose(Metrics.wape(y, mean), a.get(Metric.WAPE));
        assertClose(Metrics.mase(y, mean, train, 2), a.get(Metric.MASE));
        for (Level l : LEVELS) {
            double[] lo = f.lower(l);
            double[] hi = f.upper(l);
            assertClose(Metrics.coverage(y, lo, hi), a.get(Metric.COVERAGE, l));
            assertClose(Metrics.msis(y, lo, hi, l, train, 2), a.get(Metric.MSIS, l));
            assertClose(Metrics.pinball(y, lo, hi, l), a.get(Metric.PINBALL, l));
        }
        assertEquals(h, a.count());
    }

    @Test
    void accumulator_poolsStepsOfSeveralForecasts() {
        // two forecasts with the same training scale pool exactly like one concatenated forecast
        double[] train = {1, 3, 2, 6, 4};
        Forecast f1 = forecast(5, 3);
        Forecast f2 = forecast(7, 2);
        double[] y1 = {4, 8, 5};
        double[] y2 = {9, 6};
        MetricValue scale = Metrics.maseScale(train, 1);
        Accuracy pooled = Accuracy.accumulator(EnumSet.allOf(Metric.class), LEVELS).add("fold 1", y1, f1, scale)
                .add("fold 2", y2, f2, scale).result();
        double[] y = {4, 8, 5, 9, 6};
        double[] mean = {5, 5, 5, 7, 7};
        assertClose(Metrics.mae(y, mean), pooled.get(Metric.MAE));
        assertClose(Metrics.wape(y, mean), pooled.get(Metric.WAPE));
        assertClose(Metrics.mase(y, mean, train, 1), pooled.get(Metric.MASE));
        assertEquals(5, pooled.count());
    }

    @Test
    void accumulator_undefinedReasonNamesOrigin() {
        Accuracy a = Accuracy.accumulator(EnumSet.of(Metric.MAPE, Metric.MASE), List.of())
                .add("fold 2", new double[] {3, 0}, forecast(1, 2), Metrics.maseScale(new double[] {2, 2}, 1))
                .result();
        assertEquals("zero actual at fold 2, step 2", a.get(Metric.MAPE).reason().orElseThrow());
        assertTrue(a.get(Metric.MASE).reason().orElseThrow().endsWith("(fold 2)"), a.get(Metric.MASE).toString());
        assertEquals(EnumSet.of(Metric.MAPE, Metric.MASE), a.metrics());
    }

    @Test
    void get_wrongKindOrMissing_throws() {
        Accuracy a = Accuracy.of(new double[] {1, 2}, forecast(1, 2), TimeSeries.of(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> a.get(Metric.COVERAGE));
        assertThrows(IllegalArgumentException.class, () -> a.get(Metric.MAE, new Level(80)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.get(Metric.COVERAGE, new Level(90)));
        assertTrue(e.getMessage().contains("level 90"), e.getMessage());
        Accuracy noLevels = Accuracy.accumulator(EnumSet.allOf(Metric.class), List.of()).result();
        assertFalse(noLevels.metrics().contains(Metric.MSIS));
        assertFalse(noLevels.get(Metric.MAE).isDefined());
    }

    @Test
    void of_wrongActualLength_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.of(new double[] {1}, forecast(1, 2), TimeSeries.of(1, 2, 3)));
        assertEquals("actual length 1 != forecast horizon 2", e.getMessage());
    }

    /** A flat forecast {@code c} with se 1 at every step, intervals at 80 and 95. */
    private static Forecast forecast(double c, int h) {
        double[] mean = new double[h];
        double[] se = new double[h];
        Arrays.fill(mean, c);
        Arrays.fill(se, 1.0);
        return Forecast.normal("flat", TimeSeries.of(0, 0), mean, se, LEVELS);
    }

    private static void assertClose(MetricValue expected, MetricValue actual) {
        assertEquals(expected.isDefined(), actual.isDefined(), expected + " vs " + actual);
        if (expected.isDefined()) {
            assertEquals(expected.value(), actual.value(), TOL * Math.max(1, Math.abs(expected.value())));
        } else {
            assertTrue(actual.reason().orElseThrow().startsWith(expected.reason().orElseThrow()), actual.toString());
        }
    }

    @Provide
    Arbitrary<double[]> values() {
        // integers in [-5, 5] make zero actuals, zero scales and 0/0 sMAPE terms likely, so undefined cases are
        // exercised too
        return Arbitraries.integers().between(-5, 5).map(i -> (double) i).array(double[].class).ofMinSize(3)
                .ofMaxSize(12).map(a -> {
                    double[] out = a.clone();
                    out[out.length - 1] = Math.abs(out[out.length - 1]);
                    return out;
                });
    }
}
