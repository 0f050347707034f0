package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.testutil.ReferenceData;
import org.forecast4j.core.transform.BoxCox;
import org.junit.jupiter.api.Test;

/**
 * Box–Cox ARIMA ({@link Arima#withLambda}, {@link Arima#withLambdaAuto}, {@link Arima#withBiasAdjust}): checked
 * against the same ARIMA fitted by hand to the transformed series and back-transformed by R's formulas
 * ({@code InvBoxCox}, forecast 8.20), and by invariants from theory. The R reference of the whole path is
 * {@code AutoArimaBoxCoxXregTest}.
 */
class ArimaBoxCoxTest {

    private static final List<Level> LEVELS = Level.of(80, 95);

    private static TimeSeries air() {
        return TimeSeries.of(ReferenceData.column("reference/conformance/rdatasets_AirPassengers.csv", "y"))
                .withPeriod(12);
    }

    /** A positive series: exp of an AR(1) around {@code level}. */
    private static double[] positive(long seed, int n, double phi, double level) {
        Random r = new Random(seed);
        double[] y = new double[n];
        double u = 0;
        for (int i = 0; i < n; i++) {
            u = phi * u + 0.3 * r.nextGaussian();
            y[i] = Math.exp(level + u);
        }
        return y;
    }

    @Test
    void fit_lambdaZero_equalsArimaOfLogSeriesBackTransformed() {
        TimeSeries y = air();
        Arima spec = Arima.of(0, 1, 1).withSeasonal(0, 1, 1);
        FittedArima bc = spec.withLambda(0).fit(y);
        double[] logs = y.values();
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(logs[i]);
        }
        FittedArima plain = spec.fit(y.withValues(logs).build());
        // same estimate: the Box-Cox model is the ARIMA of the log series
        assertEquals(plain.coefficients(), bc.coefficients());
        assertEquals(plain.sigma2(), bc.sigma2(), 0.0);
        assertArrayEquals(plain.residuals(), bc.residuals(), 0.0);
        assertEquals(0.0, bc.lambda().orElseThrow(), 0.0);
        assertArrayEquals(y.values(), bc.series().values(), 0.0);
        assertArrayEquals(logs, bc.modelledSeries().values(), 0.0);
        // R: mean = exp(pred), limits = exp(pred -/+ z se); fitted = exp(log(y) - res)
        Forecast z = plain.forecast(12, LEVELS);
        Forecast f = bc.forecast(12, LEVELS);
        for (int t = 0; t < 12; t++) {
            assertEquals(Math.exp(z.mean()[t]), f.mean()[t], 1e-9 * f.mean()[t]);
            assertEquals(Math.exp(z.lower(95)[t]), f.lower(95)[t], 1e-9 * f.mean()[t]);
            assertEquals(Math.exp(z.upper(80)[t]), f.upper(80)[t], 1e-9 * f.mean()[t]);
        }
        double[] fitted = bc.fitted();
        double[] res = plain.residuals();
        for (int t = 0; t < fitted.length; t++) {
            assertEquals(Math.exp(logs[t] - res[t]), fitted[t], 1e-9 * fitted[t]);
        }
        assertTrue(f.model().contains("Box-Cox lambda = 0"), f.model());
        assertTrue(bc.summary().contains("Box Cox transformation: lambda = 0"), bc.summary());
    }

    @Test
    void forecast_biasAdjusted_usesRsFormulaWithForecastVariance() {
        TimeSeries y = air();
        Arima spec = Arima.of(0, 1, 1).withSeasonal(0, 1, 1).withLambda(0.25);
        FittedArima plain = spec.fit(y);
        FittedArima adj = spec.withBiasAdjust(true).fit(y);
        assertTrue(adj.biasAdjusted());
        Forecast z = adj.forecastOnModelScale(6, LEVELS, null);
        Forecast f = adj.forecast(6, LEVELS);
        Forecast g = plain.forecast(6, LEVELS);
        for (int t = 0; t < 6; t++) {
            double x = BoxCox.inverse(z.mean()[t], 0.25);
            double v = z.standardErrors()[t] * z.standardErrors()[t];
            // R InvBoxCox(biasadj = TRUE): x (1 + 0.5 v (1 - lambda) / x^(2 lambda))
            assertEquals(x * (1 + 0.5 * v * 0.75 / Math.pow(x, 0.5)), f.mean()[t], 1e-9 * x);
            assertEquals(x, g.mean()[t], 1e-9 * x);
            // the limits do not depend on the bias adjustment
            assertEquals(g.upper(95)[t], f.upper(95)[t], 0.0);
        }
        assertTrue(adj.description().endsWith(", Box-Cox lambda = 0.25, bias-adjusted"), adj.description());
    }

    @Test
    void fit_lambdaAuto_usesGuerreroOnMinus09To2() {
        TimeSeries y = air();
        FittedArima f = Arima.of(0, 1, 1).withSeasonal(0, 1, 1).withLambdaAuto().fit(y);
        assertEquals(BoxCox.guerreroLambda(y.values(), 12, -0.9, 2), f.lambda().orElseThrow(), 0.0);
        assertTrue(Arima.of(1, 0, 0).withLambdaAuto().lambdaAuto());
        assertTrue(Arima.of(1, 0, 0).lambda().isEmpty());
        assertTrue(Arima.of(1, 0, 0).withLambda(0.5).withoutLambda().lambda().isEmpty());
    }

    @Test
    void fit_lambdaZeroWithNonPositiveValue_throwsNamingValue() {
        double[] y = positive(1, 50, 0.5, 2);
        y[7] = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Arima.of(1, 0, 0).withLambda(0).fit(TimeSeries.of(y)));
        assertTrue(e.getMessage().contains("x[7] = 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arima.of(1, 0, 0).withLambda(Double.NaN));
    }

    @Test
    void toJson_boxCoxModel_roundTripsForecastsAndLambda() {
        FittedArima f = Arima.of(0, 1, 1).withSeasonal(0, 1, 1).withLambda(0.3).withBiasAdjust(true).fit(air());
        FittedArima g = FittedArima.fromJson(f.toJson());
        assertEquals(0.3, g.lambda().orElseThrow(), 0.0);
        assertTrue(g.biasAdjusted());
        assertArrayEquals(f.forecast(10, LEVELS).mean(), g.forecast(10, LEVELS).mean(), 0.0);
        assertArrayEquals(f.forecast(10, LEVELS).upper(95), g.forecast(10, LEVELS).upper(95), 0.0);
        assertArrayEquals(f.series().values(), g.series().values(), 0.0);
        assertEquals(f.spec(), g.spec());
        assertTrue(f.toJson().contains("\"lambda\":0.3"));
    }

    @Test
    void simulate_lambdaZero_pathsPositiveAroundBiasAdjustedMean() {
        FittedArima f = Arima.of(1, 0, 0).withLambda(0).withBiasAdjust(true).fit(TimeSeries.of(positive(3, 120, 0.6,
                3)));
        double[][] paths = f.simulate(3, 4000, 11L);
        double mean = 0;
        for (double[] p : paths) {
            for (double v : p) {
                assertTrue(v > 0);
            }
            mean += p[2] / paths.length;
        }
        // the back-transformed paths' mean is the log-normal mean exp(mu + v/2); the bias-adjusted forecast is its
        // second-order approximation exp(mu)(1 + v/2): with v ~ 0.1 they agree within ~1e-3 relative, the Monte
        // Carlo error of 4000 paths is ~0.5 %
        assertEquals(f.forecast(3, LEVELS).mean()[2], mean, 0.02 * mean);
    }

    @Property(tries = 30)
    void forecast_lambdaOne_equalsUntransformedModel(@ForAll long seed,
                                                     @ForAll @DoubleRange(min = -0.8, max = 0.8) double phi,
                                                     @ForAll @DoubleRange(min = -0.8, max = 0.8) double theta,
                                                     @ForAll @DoubleRange(min = -50, max = 50) double level) {
        // BoxCox(x, 1) = x - 1: the model of x - 1 with the same (fixed) ARMA part and a differenced state forecasts
        // x - 1, and InvBoxCox(w, 1) = w + 1 shifts it back; the bias adjustment vanishes since 1 - lambda = 0
        double[] y = positive(seed, 80, 0.9, 1);
        for (int i = 0; i < y.length; i++) {
            y[i] += level;
        }
        Arima spec = Arima.of(1, 1, 1).withFixed(phi, theta);
        Forecast plain = spec.fit(TimeSeries.of(y)).forecast(8, LEVELS);
        Forecast one = spec.withLambda(1).withBiasAdjust(true).fit(TimeSeries.of(y)).forecast(8, LEVELS);
        // the diffuse prior (kappa = 1e6) of the differenced state makes the filter shift-invariant to ~1e-6
        double tol = 1e-6 * (1 + Math.abs(level));
        assertArrayEquals(plain.mean(), one.mean(), tol);
        assertArrayEquals(plain.lower(95), one.lower(95), tol);
        assertArrayEquals(plain.upper(80), one.upper(80), tol);
    }

    @Property(tries = 30)
    void forecast_lambdaZero_positiveMeansAndLimits(@ForAll long seed,
                                                    @ForAll @DoubleRange(min = -0.9, max = 0.95) double phi,
                                                    @ForAll @DoubleRange(min = -3, max = 8) double level,
                                                    @ForAll @IntRange(min = 0, max = 1) int d) {
        double[] y = positive(seed, 60, phi, level);
        FittedArima f = Arima.of(1, d, 0).withFixed(d == 0 ? new double[] {phi, Double.NaN} : new double[] {phi})
                .withLambda(0).fit(TimeSeries.of(y));
        Forecast fc = f.forecast(24, LEVELS);
        for (int t = 0; t < 24; t++) {
            assertTrue(fc.lower(95)[t] > 0, "lower limit must be positive");
            assertTrue(fc.mean()[t] > 0, "mean must be positive");
        }
        for (double v : f.fitted()) {
            assertTrue(v > 0);
        }
    }

    @Property(tries = 30)
    void forecast_biasAdjustedMean_atLeastMedianForLambdaBelowOne(@ForAll long seed,
                                                                 @ForAll @DoubleRange(min = 0, max = 0.99) double lambda,
                                                                 @ForAll @DoubleRange(min = 0, max = 5) double level) {
        // for lambda < 1 the inverse transform is convex on its domain, so E f(W) >= f(E W) (Jensen) and R's
        // second-order adjustment 0.5 v (1 - lambda) x^(1 - 2 lambda) is >= 0
        double[] y = positive(seed, 60, 0.5, level);
        Arima spec = Arima.of(0, 1, 1).withFixed(-0.4).withLambda(lambda);
        Forecast median = spec.fit(TimeSeries.of(y)).forecast(10, LEVELS);
        Forecast mean = spec.withBiasAdjust(true).fit(TimeSeries.of(y)).forecast(10, LEVELS);
        for (int t = 0; t < 10; t++) {
            assertTrue(mean.mean()[t] >= median.mean()[t], "bias-adjusted mean below the median at step " + t);
        }
        assertFalse(median.mean()[0] == mean.mean()[0] && lambda < 0.99, "the adjustment must not vanish");
    }
}
