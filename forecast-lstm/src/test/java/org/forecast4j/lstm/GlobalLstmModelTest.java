package org.forecast4j.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** One network across a panel: per-series scaling, pooled calibration, equivalence with single-series training. */
class GlobalLstmModelTest {

    private static final double NOISE = 0.05;

    @Test
    void fitGlobal_sinesOnDifferentScales_eachForecastNearNoise() {
        // six series: level + scale·(sin(2πt/12 + phase) + N(0, 0.05²)); scales span four orders of magnitude
        double[] levels = {0, 100, 5000, -20, 1e5, 3};
        double[] scales = {1, 10, 1000, 0.5, 2e4, 2};
        Map<String, TimeSeries> byKey = new LinkedHashMap<>();
        double[][] full = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            double[] e = Signals.noisySine(312 + i, 12, NOISE, 20 + i);
            double[] y = Arrays.copyOfRange(e, i, i + 312);
            for (int t = 0; t < y.length; t++) {
                y[t] = levels[i] + scales[i] * y[t];
            }
            full[i] = y;
            byKey.put("s" + i, TimeSeries.of(Arrays.copyOf(y, 300)));
        }
        LstmConfig cfg = LstmConfig.builder().lookback(24).horizon(12).hidden(16).epochs(25).learningRate(0.01)
                .seed(4).build();
        GlobalLstmModel g = Lstm.forecaster(cfg).fitGlobal(Panel.of(byKey));
        Map<String, Forecast> all = g.forecastAll(12, Level.of(80));
        assertEquals(g.keys(), java.util.List.copyOf(all.keySet()));
        double ratio = Double.NaN;
        for (int i = 0; i < levels.length; i++) {
            double[] f = all.get("s" + i).mean();
            double se = 0;
            for (int k = 0; k < 12; k++) {
                se += (f[k] - full[i][300 + k]) * (f[k] - full[i][300 + k]);
            }
            double rel = Math.sqrt(se / 12) / scales[i];
            // in units of each series' scale the noise sd is 0.05: allow 1.5× (an exact forecaster scores 0.05)
            assertTrue(rel < 1.5 * NOISE, "s" + i + " relative rmse " + rel);
            // pooled scale-free calibration: half-width / MIN_MAX range is the same for every series
            LstmModel m = g.model("s" + i);
            double r = m.intervalHalfWidth(1, 80) / m.scalingScale();
            if (i == 0) {
                ratio = r;
            } else {
                assertEquals(ratio, r, 1e-9 * ratio);
            }
        }
        // per series: 265 origins, V = round(0.1·265) = 27 held out, tail 27 + 12 - 1 = 38, training part 262,
        // training windows 262 - 24 - 12 + 1 = 227
        assertEquals(6 * 227, g.diagnostics().trainWindows());
        assertEquals(6 * 27, g.diagnostics().calibrationOrigins());
    }

    @Test
    void fitGlobal_singleSeries_identicalToSingleSeriesTraining() {
        // with one series the global path builds the same windows from the same seed, so it must agree exactly
        TimeSeries y = TimeSeries.of(Signals.noisySine(150, 10, 0.1, 7));
        LstmConfig cfg = LstmConfig.builder().lookback(10).horizon(5).hidden(6).epochs(3).seed(9).build();
        LstmModel single = Lstm.forecaster(cfg).fit(y);
        LstmModel global = Lstm.forecaster(cfg).fitGlobal(Panel.of(Map.of("only", y))).model("only");
        assertArrayEquals(single.parameters(), global.parameters(), 0.0);
        assertArrayEquals(single.forecast(5, 90).upper(90), global.forecast(5, 90).upper(90), 1e-9);
    }

    @Test
    void fitGlobal_badSeries_errorNamesTheKey() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("a", TimeSeries.of(Signals.noisySine(80, 8, 0.1, 1)));
        double[] b = Signals.noisySine(80, 8, 0.1, 2);
        b[5] = Double.NaN;
        m.put("b", TimeSeries.of(b));
        LstmForecaster f = Lstm.forecaster(LstmConfig.builder().lookback(8).horizon(2).hidden(4).epochs(1).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.fitGlobal(Panel.of(m)));
        assertTrue(e.getMessage().startsWith("series 'b': series value at index 5 is missing"), e.getMessage());
        m.put("b", TimeSeries.of(new double[5]));
        e = assertThrows(IllegalArgumentException.class, () -> f.fitGlobal(Panel.of(m)));
        assertTrue(e.getMessage().startsWith("series 'b': series length 5 is too short"), e.getMessage());
    }
}
