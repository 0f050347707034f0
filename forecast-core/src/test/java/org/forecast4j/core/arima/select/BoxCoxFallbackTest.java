package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/**
 * Non-ARIMA outcomes of auto-ARIMA with a Box–Cox transform ({@link BoxCoxFallback}) and the positivity of
 * auto-ARIMA's log-scale forecasts. Expected values from the definition (exp of the log-scale baseline).
 */
class BoxCoxFallbackTest {

    @Test
    void forecast_naiveOnLogScale_backTransformed() {
        TimeSeries y = TimeSeries.of(2, 4, 8);
        TimeSeries logs = TimeSeries.of(Math.log(2), Math.log(4), Math.log(8));
        BoxCoxFallback m = new BoxCoxFallback(Forecasters.naive().fit(logs), 0, false, y);
        Forecast z = Forecasters.naive().fit(logs).forecast(2, 80);
        Forecast f = m.forecast(2, 80);
        assertEquals(Math.exp(z.mean()[0]), f.mean()[0], 1e-9);
        assertEquals(Math.exp(z.upper(80)[1]), f.upper(80)[1], 1e-9);
        assertEquals(Math.exp(z.lower(80)[1]), f.lower(80)[1], 1e-9);
        assertTrue(m.description().contains("Box-Cox lambda = 0"), m.description());
        assertArrayEquals(y.values(), m.series().values(), 0.0);
        // fitted values back-transformed, residuals on the log scale
        assertEquals(2, m.fitted()[1], 1e-12);
        assertEquals(Math.log(2), m.residuals()[1], 1e-12);
        // bias-adjusted: exp(mu) (1 + se^2 / 2)
        BoxCoxFallback adj = new BoxCoxFallback(Forecasters.naive().fit(logs), 0, true, y);
        double se = z.standardErrors()[0];
        assertEquals(Math.exp(z.mean()[0]) * (1 + se * se / 2), adj.forecast(2, 80).mean()[0], 1e-9);
    }

    @Test
    void fit_exponentialGrowth_logDifferencesConstantGiveDriftOnLogScale() {
        // log(2^t) has constant differences: R's deterministic ARIMA(0,1,0) with drift on the log scale, i.e.
        // forecasts continue the doubling
        double[] y = new double[20];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.pow(2, i + 1);
        }
        AutoArimaModel m = AutoArima.builder().lambda(0).build().fit(TimeSeries.of(y));
        Forecast f = m.forecast(2, 95);
        assertEquals(Math.pow(2, 21), f.mean()[0], 1e-6 * Math.pow(2, 21));
        assertEquals(Math.pow(2, 22), f.mean()[1], 1e-6 * Math.pow(2, 22));
        double[] fitted = m.fitted();
        assertEquals(Math.pow(2, 20), fitted[19], 1e-6 * Math.pow(2, 20));
    }

    @Property(tries = 5)
    void fit_lambdaZero_forecastsPositive(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                          @ForAll @DoubleRange(min = -2, max = 6) double level) {
        java.util.Random r = new java.util.Random(seed);
        double[] y = new double[40];
        double u = 0;
        for (int i = 0; i < y.length; i++) {
            u = 0.7 * u + 0.4 * r.nextGaussian();
            y[i] = Math.exp(level + u + 0.3 * Math.sin(2 * Math.PI * i / 4));
        }
        AutoArimaModel m = AutoArima.builder().lambda(0).biasAdjust(true).build()
                .fit(TimeSeries.of(y).withPeriod(4));
        Forecast f = m.forecast(12, 80, 95);
        for (int t = 0; t < 12; t++) {
            assertTrue(f.lower(95)[t] > 0 && f.mean()[t] > 0, "step " + t);
        }
    }
}
