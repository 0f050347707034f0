package org.forecast4j.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/**
 * Learning tests on signals whose best achievable error is known from theory: a noisy sine (the noise standard
 * deviation bounds the error of any forecaster) and an AR(2) process (the optimal one-step predictor has error
 * variance σ² = 1).
 */
class LstmForecasterTest {

    private static final double SINE_NOISE = 0.05;

    private static LstmConfig.Builder small() {
        return LstmConfig.builder().lookback(24).horizon(12).hidden(16).epochs(40).learningRate(0.01).seed(3);
    }

    private static double rmse(double[] f, double[] y, int from) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += (f[i] - y[from + i]) * (f[i] - y[from + i]);
        }
        return Math.sqrt(s / f.length);
    }

    @Test
    void fit_noisySineLstmDirect_forecastErrorNearNoise() {
        double[] y = Signals.noisySine(312, 12, SINE_NOISE, 1);
        TimeSeries train = TimeSeries.of(Arrays.copyOf(y, 300));
        LstmModel m = Lstm.forecaster(small().build()).fit(train);
        double[] f = m.forecast(12, 80, 95).mean();
        // The test targets carry N(0, 0.05²) noise: an exact forecaster scores RMSE ≈ 0.05. Allow 1.5× that;
        // seasonal naive scores ≈ 0.05·√2 ≈ 0.07 and the sine's amplitude is 1 (a flat forecast scores ≈ 0.7).
        assertTrue(rmse(f, y, 300) < 1.5 * SINE_NOISE, "rmse " + rmse(f, y, 300));
        assertEquals("LSTM(1x16, lookback 24, direct 12)", m.description());
    }

    @Test
    void fit_noisySineGruRecursive_forecastErrorNearNoise() {
        double[] y = Signals.noisySine(312, 12, SINE_NOISE, 2);
        TimeSeries train = TimeSeries.of(Arrays.copyOf(y, 300));
        LstmModel m = Lstm.forecaster(small().cell(CellType.GRU).strategy(Strategy.RECURSIVE).build()).fit(train);
        double[] f = m.forecast(12).mean();
        // recursive forecasts compound one-step errors over 12 steps: allow 2× the noise level
        assertTrue(rmse(f, y, 300) < 2 * SINE_NOISE, "rmse " + rmse(f, y, 300));
        assertEquals("gru", Lstm.forecaster(small().cell(CellType.GRU).build()).name());
    }

    @Test
    void fit_ar2Process_oneStepErrorNearInnovationSdAndIntervalsCover() {
        // Reference (theory): for y_t = 1.0 y_{t-1} - 0.5 y_{t-2} + ε_t, ε ~ N(0,1), the best one-step forecast
        // has RMSE 1; the sample RMSE over 300 origins has SE ≈ 1/√600 ≈ 0.04. The unconditional sd is ≈ 1.6,
        // and the naive forecast scores ≈ 1.4.
        double[] y = Signals.ar2(1300, 1.0, -0.5, 11);
        LstmConfig cfg = LstmConfig.builder().lookback(10).horizon(1).hidden(8).epochs(30).learningRate(0.01)
                .validationFraction(0.25).seed(5).build();
        LstmModel m = Lstm.forecaster(cfg).fit(TimeSeries.of(Arrays.copyOf(y, 1000)));
        double se = 0;
        int covered = 0;
        int origins = 0;
        for (int o = 1000; o < 1300; o++) {
            Forecast f = m.forecastFrom(TimeSeries.of(Arrays.copyOf(y, o)), 1, Level.of(80));
            double e = y[o] - f.mean()[0];
            se += e * e;
            if (y[o] >= f.lower(80)[0] && y[o] <= f.upper(80)[0]) {
                covered++;
            }
            origins++;
        }
        double rmse = Math.sqrt(se / origins);
        assertTrue(rmse < 1.15, "one-step rmse " + rmse);
        // Conformal 80% intervals from ~240 calibration origins: coverage is ≈ Beta-distributed around 0.8 with
        // sd ≈ 0.026, and the 300 test origins add sd ≈ 0.023; ±0.1 is about 3 combined sd.
        double coverage = covered / (double) origins;
        assertTrue(Math.abs(coverage - 0.8) < 0.1, "coverage " + coverage);
    }

    @Test
    void fit_multiplicativeSeasonalityWithLogTransform_forecastErrorNearNoise() {
        // y = exp(2 + sin(2πt/12) + ε), ε ~ N(0, 0.05²): multiplicative seasonality and noise (peaks 7× the
        // troughs) become an additive sine plus noise on the log scale, so the RMSE of log(forecast / actual)
        // should be near the noise sd 0.05; allow 1.5×
        double[] e = Signals.noisySine(262, 12, 0.05, 6);
        double[] y = new double[262];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(2 + e[i]);
        }
        LstmModel m = Lstm.forecaster(small().logTransform(true).scaling(Scaling.STANDARD).build())
                .fit(TimeSeries.of(Arrays.copyOf(y, 250)));
        double[] f = m.forecast(12).mean();
        double s = 0;
        for (int k = 0; k < 12; k++) {
            s += Math.pow(Math.log(f[k] / y[250 + k]), 2);
        }
        double rel = Math.sqrt(s / 12);
        assertTrue(rel < 1.5 * SINE_NOISE, "rmse of log errors " + rel);
    }

    @Test
    void fit_tinySetWithoutRegularisation_overfitsToNearZeroLoss() {
        double[] y = Signals.noisySine(21, 7, 0.3, 4);
        LstmConfig cfg = LstmConfig.builder().lookback(5).horizon(1).hidden(24).epochs(500).batchSize(16)
                .learningRate(0.01).clipNorm(0).validationFraction(0).scaling(Scaling.STANDARD).seed(1).build();
        LstmModel m = Lstm.forecaster(cfg).fit(TimeSeries.of(y));
        double[] loss = m.diagnostics().trainLoss();
        // 16 windows (one batch) and ~2,500 parameters: the network can memorise. Standardised targets have
        // variance 1, so a loss of 1e-4 is an RMSE of 1% of the series' sd (measured here: ~1e-7 after 500 epochs)
        assertTrue(loss[loss.length - 1] < 1e-4, "final loss " + loss[loss.length - 1]);
        assertTrue(m.diagnostics().calibratedOnTraining());
    }

    @Test
    void fit_sameSeedTwice_bitForBitIdentical() {
        double[] y = Signals.noisySine(120, 12, 0.1, 5);
        LstmConfig cfg = LstmConfig.builder().lookback(12).horizon(3).hidden(8).layers(2).dropout(0.2).epochs(5)
                .seed(99).build();
        LstmModel a = Lstm.forecaster(cfg).fit(TimeSeries.of(y));
        LstmModel b = Lstm.forecaster(cfg).fit(TimeSeries.of(y));
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        assertArrayEquals(a.forecast(6, 90).mean(), b.forecast(6, 90).mean(), 0.0);
        assertArrayEquals(a.diagnostics().trainLoss(), b.diagnostics().trainLoss(), 0.0);
        LstmModel c = Lstm.forecaster(cfg.toBuilder().seed(100).build()).fit(TimeSeries.of(y));
        assertFalse(Arrays.equals(a.parameters(), c.parameters()));
    }

    @Test
    void fit_weeklySeasonalSeries_beatsSeasonalNaive() {
        // 7-periodic pattern plus AR(1) noise: seasonal naive doubles the noise variance, a learned model need not
        double[] noise = Signals.ar2(420, 0.5, 0.0, 8);
        double[] y = new double[420];
        double[] week = {1, 3, 4, 4, 5, 8, 6};
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + week[i % 7] + 0.5 * noise[i];
        }
        TimeSeries train = TimeSeries.of(Arrays.copyOf(y, 406)).withPeriod(7);
        LstmConfig cfg = LstmConfig.builder().lookback(14).horizon(14).hidden(16).epochs(40).learningRate(0.01)
                .seed(2).build();
        double lstm = rmse(Lstm.forecaster(cfg).fit(train).forecast(14).mean(), y, 406);
        double snaive = rmse(Forecasters.seasonalNaive().fit(train).forecast(14).mean(), y, 406);
        assertTrue(lstm < snaive, "lstm " + lstm + " vs snaive " + snaive);
    }
}
