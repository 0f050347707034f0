package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import org.junit.jupiter.api.Test;

class AutoArimaTest {

    @Test
    void expand_multipliesSeasonalPolynomial() {
        // (1 - 0.5B)(1 - 0.3B^2) = 1 - 0.5B - 0.3B^2 + 0.15B^3, i.e. phi = (0.5, 0.3, -0.15)
        assertArrayEquals(new double[] {0.5, 0.3, -0.15}, AutoArima.expand(new double[] {0.5},
                new double[] {0.3}, 2, -1), 1e-15);
        // (1 + 0.4B)(1 + 0.2B^3) = 1 + 0.4B + 0.2B^3 + 0.08B^4
        assertArrayEquals(new double[] {0.4, 0, 0.2, 0.08}, AutoArima.expand(new double[] {0.4},
                new double[] {0.2}, 3, 1), 1e-15);
    }

    @Test
    void minRootModulus_matchesClosedForms() {
        // 1 - 0.5z has its root at z = 2; 1 + 0.25z^2 has roots +-2i
        assertEquals(2.0, AutoArima.minRootModulus(new double[] {0.5}, -1), 1e-12);
        assertEquals(2.0, AutoArima.minRootModulus(new double[] {0, 0.25}, 1), 1e-12);
        // (1 - 0.9z)(1 - 0.5z) = 1 - 1.4z + 0.45z^2: roots 1/0.9 and 2
        assertEquals(1 / 0.9, AutoArima.minRootModulus(new double[] {1.4, -0.45}, -1), 1e-12);
        assertEquals(2.0, AutoArima.minRootModulus(new double[0], -1), 0);
    }

    @Test
    void fit_constantSeries_usesEquivalentMeanModel() {
        // R: ARIMA(0,0,0) with the mean fixed and sigma2 = 0, i.e. constant forecasts with zero-width intervals
        double[] y = new double[30];
        java.util.Arrays.fill(y, 4.5);
        AutoArimaModel m = AutoArima.builder().build().fit(TimeSeries.of(y));
        assertTrue(m.isFallback());
        assertTrue(m.fallbackReason().contains("series is constant"), m.fallbackReason());
        Forecast f = m.forecast(5, 95);
        for (int i = 0; i < 5; i++) {
            assertEquals(4.5, f.mean()[i], 1e-12);
            assertEquals(4.5, f.upper(95)[i], 1e-12);
        }
    }

    @Test
    void fit_linearTrend_continuesLineAsRsDriftModel() {
        // R: auto.arima(ts(2 * (1:40) + 3)) is ARIMA(0,1,0) with drift fixed at the constant difference 2, which
        // forecasts y_n + 2h; the equivalent random walk with drift gives the same
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = 2 * (i + 1) + 3;
        }
        AutoArimaModel m = AutoArima.builder().build().fit(TimeSeries.of(y));
        assertTrue(m.isFallback());
        assertTrue(m.fallbackReason().contains("random walk with drift"), m.fallbackReason());
        assertEquals(1, m.differences().orElseThrow().order());
        assertEquals(2 * 41 + 3, m.forecast(3).mean()[0], 1e-9);
        assertEquals(2 * 43 + 3, m.forecast(3).mean()[2], 1e-9);
    }

    @Test
    void fit_noObservations_fallsBackWithReason() {
        double[] y = new double[10];
        java.util.Arrays.fill(y, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().build().fit(TimeSeries.of(y)));
        double[] one = {Double.NaN, Double.NaN, 5};
        AutoArimaModel m = AutoArima.builder().build().fit(TimeSeries.of(one));
        // a single observation is constant: the mean model forecasts it
        assertEquals(5, m.forecast(2).mean()[1], 1e-12);
    }

    @Test
    void fit_shortSeasonalSeries_forecastsWithoutNaN() {
        double[] y = {12, 15, 9, 20, 13, 16};
        AutoArimaModel m = AutoArima.builder().build().fit(TimeSeries.of(y).withPeriod(4));
        Forecast f = m.forecast(4, 80);
        for (double v : f.mean()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void fit_traceRecordsEveryCandidateAndChosenIsBest() {
        double[] y = ReferenceSeries.wwwUsage();
        AutoArimaModel m = AutoArima.builder().build().fit(TimeSeries.of(y));
        FittedArima chosen = m.arima().orElseThrow();
        double best = Double.POSITIVE_INFINITY;
        for (SearchCandidate c : m.trace()) {
            assertTrue(c.ic() < Double.POSITIVE_INFINITY || !c.rejection().isEmpty(), c.toString());
            best = Math.min(best, c.ic());
        }
        assertEquals(best, chosen.aicc(), 1e-6);
        assertEquals(1, m.differences().orElseThrow().order());
    }

    @Test
    void forecastersAutoArima_usesRDefaults() {
        // R 4.2.2 forecast 8.20: auto.arima(WWWusage) is ARIMA(1,1,1)
        AutoArima a = org.forecast4j.core.Forecasters.autoArima();
        assertEquals("auto-arima", a.name());
        assertArrayEquals(new int[] {1, 1, 1},
                a.fit(TimeSeries.of(ReferenceSeries.wwwUsage())).arima().orElseThrow().order());
    }

    @Test
    void builder_badArguments_rejected() {
        assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().maxOrders(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().maxDifferences(4, 1));
        assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().d(5));
        assertThrows(IllegalArgumentException.class, () -> AutoArima.builder().maxModels(2));
    }

    @Property(tries = 3)
    void fit_randomSeries_givesFiniteNestedForecasts(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        Random rnd = new Random(seed);
        double[] y = new double[30 + seed % 20];
        double level = 0;
        for (int i = 0; i < y.length; i++) {
            level += (seed % 2) * rnd.nextGaussian();
            y[i] = level + rnd.nextGaussian() + 3 * Math.sin(i * Math.PI / 2);
        }
        AutoArimaModel m = AutoArima.builder().build().fit(TimeSeries.of(y).withPeriod(4));
        Forecast f = m.forecast(8, 80, 95);
        for (int i = 0; i < 8; i++) {
            assertTrue(Double.isFinite(f.mean()[i]));
            assertTrue(f.lower(95)[i] <= f.lower(80)[i] && f.upper(80)[i] <= f.upper(95)[i]);
        }
    }
}
