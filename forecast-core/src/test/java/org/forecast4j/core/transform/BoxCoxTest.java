package org.forecast4j.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2, forecast 8.20 — {@code BoxCox}, {@code InvBoxCox(biasadj = TRUE)} and
 * {@code BoxCox.lambda(method = "guerrero")}, script src/test/resources/reference/stats_transforms.R
 * (boxcox_values.csv, boxcox_lambda.csv).
 */
class BoxCoxTest {

    /** Closed-form values against R: both evaluate the same pow/log, so only a few ulps may differ. */
    private static final double VALUE_TOL = 1e-12;
    /**
     * Guerrero's lambda: R's optimize() stops within ~1e-4 of the true minimiser, but we run the same Brent
     * iteration with the same tolerances, so we land on R's point: observed differences are ≤ 1.3e-10
     * (USAccDeaths), from last-digit differences in the objective (R's long-double means) moving a late step.
     */
    private static final double LAMBDA_TOL = 1e-8;

    @Test
    void apply_matchesRBoxCox_andInvertBiasAdjustedMatchesRInvBoxCox() {
        List<Map<String, String>> rows = ReferenceFiles.rows("boxcox_values.csv");
        assertTrue(rows.size() >= 100);
        for (Map<String, String> row : rows) {
            double lambda = ReferenceFiles.num(row, "lambda");
            double x = ReferenceFiles.num(row, "x");
            BoxCox bc = BoxCox.of(lambda);
            double w = bc.apply(new double[] {x})[0];
            double expectedW = ReferenceFiles.num(row, "boxcox");
            assertEquals(expectedW, w, VALUE_TOL * Math.max(1, Math.abs(expectedW)), row.toString());
            if (x > 0) {
                // R's bias-adjustment formula is only meaningful for x > 0 (see invertBiasAdjusted_negativeRegion)
                double adj = bc.invertBiasAdjusted(new double[] {expectedW},
                        new double[] {ReferenceFiles.num(row, "fvar")})[0];
                double expectedAdj = ReferenceFiles.num(row, "inv_biasadj");
                assertEquals(expectedAdj, adj, VALUE_TOL * Math.max(1, Math.abs(expectedAdj)), row.toString());
            }
            assertEquals(x, bc.invert(new double[] {w})[0], VALUE_TOL * Math.max(1, Math.abs(x)), row.toString());
        }
    }

    @Test
    void guerreroLambda_matchesRBoxCoxLambda() {
        for (Map<String, String> row : ReferenceFiles.rows("boxcox_lambda.csv")) {
            double[] y = ReferenceFiles.series(row.get("series"));
            switch (row.get("kind")) {
                case "na":
                    for (int i : new int[] {4, 5, 39, 99, 143}) {
                        y[i] = Double.NaN;
                    }
                    break;
                case "short":
                    y = Arrays.copyOf(y, 24);
                    break;
                default:
                    break;
            }
            double lambda = BoxCox.guerreroLambda(y, (int) ReferenceFiles.num(row, "freq"),
                    ReferenceFiles.num(row, "lower"), ReferenceFiles.num(row, "upper"));
            assertEquals(ReferenceFiles.num(row, "lambda"), lambda, LAMBDA_TOL, row.toString());
        }
    }

    @Test
    void guerrero_series_usesItsPeriod() {
        // Reference: R BoxCox.lambda(AirPassengers) = -0.2947155855593156 (boxcox_lambda.csv)
        TimeSeries air = TimeSeries.builder(ReferenceFiles.series("AirPassengers")).start(LocalDate.of(1949, 1, 1))
                .frequency(Frequency.MONTHLY).build();
        assertEquals(-0.2947155855593156, BoxCox.guerrero(air).lambda(), LAMBDA_TOL);
    }

    @Test
    void guerreroCv_atLambdaOne_isCvOfSubseriesSds() {
        // Independent computation: at lambda = 1 the ratios are the subseries sds themselves.
        // Subseries of length 2: {1, 3} sd √2, {2, 6} sd 2√2, {4, 4} sd 0 → mean √2, sd √2 → cv = 1
        double[] x = {1, 3, 2, 6, 4, 4};
        assertEquals(1.0, BoxCox.guerreroCv(x, 1, 1.0), 1e-15);
    }

    @Test
    void invertBiasAdjusted_lambdaHalf_isExactMeanOfSquare() {
        // Theory: lambda = 0.5 inverts as f(w) = sign(t) t², t = w/2 + 1, a quadratic, so the second-order mean is
        // exact: E[T²] = t² + v/4 for t > 0, and E[−T²] = −t² − v/4 for t < 0 (sign extension; R's formula gives
        // −t² + v/4 there). At t = 0, E[sign(T) T²] = 0 by symmetry (R gives NA).
        BoxCox bc = BoxCox.of(0.5);
        double[] adj = bc.invertBiasAdjusted(new double[] {4, -8, -2}, new double[] {0.04, 0.04, 0.04});
        assertEquals(9.01, adj[0], 1e-12);
        assertEquals(-9.01, adj[1], 1e-12);
        assertEquals(0, adj[2], 0);
        // lambda > 0.5 at x = 0: f'' is infinite
        assertThrows(IllegalArgumentException.class,
                () -> BoxCox.of(0.8).invertBiasAdjusted(new double[] {-1.25}, new double[] {0.1}));
    }

    @Test
    void lambdaZero_isLog_andInverseIsExp() {
        BoxCox bc = BoxCox.of(0);
        assertEquals(Math.log(5), bc.apply(new double[] {5})[0], 0);
        assertEquals(Math.exp(1.5), bc.invert(new double[] {1.5})[0], 0);
        // bias adjustment for the log: exp(w)(1 + v/2)
        assertEquals(Math.exp(1.5) * 1.05, bc.invertBiasAdjusted(new double[] {1.5}, new double[] {0.1})[0], 1e-12);
    }

    @Test
    void lambdaOne_isShiftByOne() {
        assertEquals(4, BoxCox.of(1).apply(new double[] {5})[0], 0);
        // no bias adjustment when lambda = 1 (the transform is linear)
        assertEquals(5, BoxCox.of(1).invertBiasAdjusted(new double[] {4}, new double[] {3})[0], 0);
    }

    @Test
    void missing_passesThrough() {
        double[] w = BoxCox.of(0.5).apply(new double[] {Double.NaN, 4});
        assertTrue(Double.isNaN(w[0]));
        assertEquals(2, w[1], 0);
        assertTrue(Double.isNaN(BoxCox.of(0).invert(new double[] {Double.NaN})[0]));
    }

    @Test
    void nonPositive_withLambdaAtMostZero_isRejectedNamingIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxCox.of(0).apply(new double[] {1, 0}));
        assertTrue(e.getMessage().contains("x[1] = 0.0") && e.getMessage().contains("x > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoxCox.of(-0.5).apply(new double[] {-2}));
    }

    @Test
    void inverse_outsideRangeForNegativeLambda_isRejected() {
        // lambda = -0.5: the transform is < -1/lambda = 2, so 2.5 has no preimage
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxCox.of(-0.5).invert(new double[] {2.5}));
        assertTrue(e.getMessage().contains("y[0] = 2.5"), e.getMessage());
    }

    @Test
    void overflow_isRejectedNotInfinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxCox.of(2).apply(new double[] {1e200}));
        assertTrue(e.getMessage().contains("overflows at x[0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoxCox.of(0).invert(new double[] {1000}));
    }

    @Test
    void badArguments_throw() {
        assertThrows(IllegalArgumentException.class, () -> BoxCox.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BoxCox.guerreroLambda(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> BoxCox.guerreroLambda(new double[] {1, 2, 3, 4, 5}, 1, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> BoxCox.of(1).invertBiasAdjusted(new double[] {1}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class,
                () -> BoxCox.of(1).invertBiasAdjusted(new double[] {1}, new double[0]));
    }

    @Test
    void guerrero_shortSeries_isOne_asR() {
        // R: length(x) <= 2 * frequency(x) returns 1
        assertEquals(1, BoxCox.guerreroLambda(new double[] {1, 2}, 1), 0);
        assertEquals(1, BoxCox.guerreroLambda(new double[14], 7), 0);
    }

    @Test
    void guerrero_constantSeries_isRejectedWithMessage() {
        double[] x = new double[30];
        Arrays.fill(x, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxCox.guerreroLambda(x, 4));
        assertTrue(e.getMessage().contains("every subseries is constant"), e.getMessage());
    }

    @Test
    void guerrero_tooFewSubseries_isRejected() {
        // n = 3, period 1: one subseries of length 2 only (R's optimize fails on the NA objective)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxCox.guerreroLambda(new double[] {1, 2, 3}, 1));
        assertTrue(e.getMessage().contains("at least 2 subseries"), e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------- properties

    @Property
    void roundTrip_positiveData_anyLambda(@ForAll("positive") double[] x,
                                          @ForAll @DoubleRange(min = -1, max = 2) double lambda) {
        BoxCox bc = BoxCox.of(lambda);
        double[] back = bc.invert(bc.apply(x));
        for (int i = 0; i < x.length; i++) {
            // pow then root: relative error of a few ulps times the conditioning 1/|lambda·w + 1|, bounded here
            assertEquals(x[i], back[i], 1e-9 * x[i], "lambda " + lambda + " index " + i);
        }
    }

    @Property
    void transform_isIncreasing(@ForAll @DoubleRange(min = 0.01, max = 1e4) double a,
                                @ForAll @DoubleRange(min = -1, max = 2) double lambda) {
        assertTrue(BoxCox.transform(a * 1.01, lambda) > BoxCox.transform(a, lambda));
    }

    @Property
    void guerreroLambda_staysInBounds(@ForAll("positive") double[] x) {
        if (x.length < 8) {
            return;
        }
        double lambda = BoxCox.guerreroLambda(x, 2);
        assertTrue(lambda >= -1 && lambda <= 2, "lambda " + lambda);
    }

    @Provide
    Arbitrary<double[]> positive() {
        return Arbitraries.doubles().between(1e-3, 1e5).ofScale(6).array(double[].class).ofMinSize(0).ofMaxSize(60);
    }

    // ------------------------------------------------------------------------------------ invertForecast

    @Test
    void invertForecast_lambdaNegative_limitBeyondRangeIsUnbounded() {
        // lambda = -0.5: the transform's range is w < 2; a limit at or above 2 has no finite inverse (R: NA)
        TimeSeries y = TimeSeries.of(1, 2, 3);
        org.forecast4j.core.Forecast z = org.forecast4j.core.Forecast.normal("m", y, new double[] {1.0, 1.5},
                new double[] {0.1, 0.4}, org.forecast4j.core.Level.of(95));
        org.forecast4j.core.Forecast f = BoxCox.of(-0.5).invertForecast("m", y, z, false);
        // InvBoxCox(1, -0.5) = (1 - 0.5)^(-2) = 4; InvBoxCox(1.5) = 0.25^(-2) = 16
        assertEquals(4.0, f.mean()[0], 1e-12);
        assertEquals(16.0, f.mean()[1], 1e-12);
        assertEquals(Double.MAX_VALUE, f.upper(95)[1], 0.0);
        assertEquals(Math.pow(1 - 0.5 * (1.5 - 1.959963984540054 * 0.4), -2), f.lower(95)[1], 1e-9);
        assertTrue(f.standardErrors() == null);
    }

    @Test
    void invertForecast_biasAdjustWithoutStandardErrors_throws() {
        TimeSeries y = TimeSeries.of(1, 2, 3);
        org.forecast4j.core.Forecast z = org.forecast4j.core.Forecast.of("m", y, new double[] {1.0}, null,
                List.of(), new double[0][], new double[0][]);
        assertThrows(IllegalArgumentException.class, () -> BoxCox.of(0).invertForecast("m", y, z, true));
        assertEquals(Math.E, BoxCox.of(0).invertForecast("m", y, z, false).mean()[0], 1e-12);
    }

    @Test
    void invertForecast_biasAdjustedMeanOutsideNarrowInterval_throwsNamingStep() {
        // lambda = 0, se = 2: the mean exp(0)(1 + 2) = 3 lies above the 10% interval's upper limit exp(0.126*2)
        TimeSeries y = TimeSeries.of(1, 2, 3);
        org.forecast4j.core.Forecast z = org.forecast4j.core.Forecast.normal("m", y, new double[] {0.0},
                new double[] {2.0}, org.forecast4j.core.Level.of(10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxCox.of(0).invertForecast("m", y, z, true));
        assertTrue(e.getMessage().contains("step 1"), e.getMessage());
    }

    @Test
    void autoLambda_isGuerreroOnMinus09To2() {
        double[] x = {1, 3, 2, 6, 4, 12, 8, 24, 16, 48, 32, 96};
        assertEquals(BoxCox.guerreroLambda(x, 2, -0.9, 2), BoxCox.autoLambda(x, 2), 0.0);
        assertEquals(-0.9, BoxCox.AUTO_LOWER, 0.0);
    }
}
