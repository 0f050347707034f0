package org.forecast4j.core.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Simulated future paths against the Kalman forecast (theory: their mean and standard deviation are the forecast
 * mean and standard error). With 4000 paths the Monte-Carlo error of the mean is se/63, of the sd about 1.1%.
 */
class ArimaSimulateTest {

    private static void check(FittedArima m, int h) {
        int paths = 4000;
        double[][] sim = m.simulate(h, paths, 2024L);
        Forecast fc = m.forecast(h, Level.of(80));
        double[] se = fc.standardErrors();
        for (int t = 0; t < h; t++) {
            double mean = 0;
            for (double[] p : sim) {
                mean += p[t];
            }
            mean /= paths;
            double var = 0;
            for (double[] p : sim) {
                var += (p[t] - mean) * (p[t] - mean);
            }
            double sd = Math.sqrt(var / (paths - 1));
            assertEquals(fc.mean()[t], mean, 4 * se[t] / Math.sqrt(paths), "mean at step " + (t + 1));
            assertEquals(se[t], sd, 0.06 * se[t], "sd at step " + (t + 1));
        }
    }

    @Test
    void simulate_seasonalDriftModel_matchesForecastMoments() {
        double[] v = ReferenceData.column("reference/conformance/public_sarima100_110_7_n200.csv", "y");
        FittedArima m = Arima.of(1, 0, 0).withSeasonal(1, 1, 0, 7).withDrift(true).withMethod(ArimaMethod.ML)
                .fit(TimeSeries.of(v));
        check(m, 10);
    }

    @Test
    void simulate_stationaryMeanModel_matchesForecastMoments() {
        double[] v = ReferenceData.column("reference/conformance/public_arma21_n200.csv", "y");
        check(Arima.of(2, 0, 1).withMethod(ArimaMethod.ML).fit(TimeSeries.of(v)), 8);
    }

    @Test
    void simulate_sameSeed_samePaths() {
        double[] v = ReferenceData.column("reference/conformance/public_arima111_n200.csv", "y");
        FittedArima m = Arima.of(1, 1, 1).fit(TimeSeries.of(v));
        assertArrayEquals(m.simulate(5, 3, 7L)[2], m.simulate(5, 3, 7L)[2], 0.0);
        assertFalse(Arrays.equals(m.simulate(5, 3, 7L)[2], m.simulate(5, 3, 8L)[2]));
        assertThrows(IllegalArgumentException.class, () -> m.simulate(5, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> m.simulate(0, 5, 1L));
    }
}
