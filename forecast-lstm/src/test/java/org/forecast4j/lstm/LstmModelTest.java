package org.forecast4j.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecasting, intervals, and the save/load round trip. */
class LstmModelTest {

    private static LstmModel trained(CellType cell, Strategy strategy) {
        TimeSeries y = TimeSeries.daily(LocalDate.of(2024, 1, 1), Signals.noisySine(120, 7, 0.1, 9)).withName("s");
        return Lstm.forecaster(LstmConfig.builder().cell(cell).strategy(strategy).lookback(14).horizon(7).hidden(8)
                .layers(2).epochs(4).seed(3).build()).fit(y);
    }

    @Test
    void saveLoad_roundTrip_identicalForecasts(@TempDir Path dir) {
        for (CellType cell : CellType.values()) {
            for (Strategy st : Strategy.values()) {
                LstmModel m = trained(cell, st);
                Path file = dir.resolve(cell + "-" + st + ".f4jl");
                m.save(file);
                LstmModel back = Lstm.load(file);
                Forecast a = m.forecast(10, 80, 95);
                Forecast b = back.forecast(10, 80, 95);
                assertArrayEquals(a.mean(), b.mean(), 0.0);
                assertArrayEquals(a.lower(95), b.lower(95), 0.0);
                assertArrayEquals(a.upper(80), b.upper(80), 0.0);
                assertEquals(a.labels(), b.labels());
                assertEquals(m.config(), back.config());
                assertEquals(m.series(), back.series());
                assertArrayEquals(m.fitted(), back.fitted(), 0.0);
                assertArrayEquals(m.diagnostics().trainLoss(), back.diagnostics().trainLoss(), 0.0);
                assertEquals(m.description(), back.description());
            }
        }
    }

    @Test
    void saveLoad_logTransformedModel_identicalForecasts() {
        double[] v = Signals.noisySine(120, 7, 0.1, 9);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(1 + v[i]);
        }
        LstmModel m = Lstm.forecaster(LstmConfig.builder().lookback(14).horizon(7).hidden(8).epochs(3)
                .logTransform(true).scaling(Scaling.STANDARD).seed(3).build()).fit(TimeSeries.of(v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        LstmModel back = Lstm.load(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(m.forecast(9, 80).upper(80), back.forecast(9, 80).upper(80), 0.0);
        assertTrue(back.config().logTransform());
    }

    @Test
    void load_notAModel_clearError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Lstm.load(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        assertTrue(e.getMessage().contains("not a forecast4j LSTM model"), e.getMessage());
    }

    @Test
    void saveLoad_stream_sameBytesTwice() {
        LstmModel m = trained(CellType.LSTM, Strategy.DIRECT);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        m.save(a);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Lstm.load(new ByteArrayInputStream(a.toByteArray())).save(b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
    }

    @Test
    void forecast_intervals_nestedWidenBeyondHorizonAndLabelled() {
        LstmModel m = trained(CellType.LSTM, Strategy.DIRECT);
        Forecast f = m.forecast(14, 50, 80, 95);
        assertEquals(14, f.horizon());
        assertEquals("2024-04-30", f.labels().get(0));
        double[] lo = f.lower(80);
        double[] hi = f.upper(80);
        double[] mean = f.mean();
        for (int k = 0; k < 14; k++) {
            double half = hi[k] - mean[k];
            assertEquals(half, mean[k] - lo[k], 1e-9);
            if (k < 7) {
                assertEquals(m.intervalHalfWidth(k + 1, 80), half, 1e-12);
            } else {
                // beyond the calibrated horizon H = 7: the H-step width times √(k/H)
                assertEquals(m.intervalHalfWidth(7, 80) * Math.sqrt((k + 1) / 7.0), half, 1e-9);
            }
        }
        double[] fitted = m.fitted();
        assertTrue(Double.isNaN(fitted[13]) && Double.isFinite(fitted[14]));
        assertTrue(Double.isFinite(m.residuals()[119]));
    }

    @Test
    void forecast_badArguments_clearErrors() {
        LstmModel m = trained(CellType.GRU, Strategy.RECURSIVE);
        assertEquals("horizon must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> m.forecast(0)).getMessage());
        assertEquals("context length 5 < lookback 14", assertThrows(IllegalArgumentException.class,
                () -> m.forecastFrom(TimeSeries.of(1, 2, 3, 4, 5), 3, Level.of(80))).getMessage());
        double[] ctx = new double[20];
        ctx[19] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> m.forecastFrom(TimeSeries.of(ctx), 3, Level.of())).getMessage().contains("index 19"));
    }

    @Property(tries = 200)
    void conformalQuantile_coversAtLeastTheLevelOfCalibrationPoints(@ForAll("sortedErrors") double[] e,
                                                                   @ForAll @DoubleRange(min = 1, max = 99) double p) {
        double q = LstmModel.conformalQuantile(e, p);
        long within = Arrays.stream(e).filter(v -> v <= q).count();
        int m = e.length;
        // split-conformal guarantee: q is the ⌈(m+1)p⌉-th order statistic (capped at m)
        int rank = Math.min(m, (int) Math.ceil((m + 1) * p / 100.0 - 1e-9));
        assertTrue(within >= rank, "within " + within + " rank " + rank);
        assertTrue(LstmModel.conformalQuantile(e, Math.min(99.5, p + 0.5)) >= q);
    }

    @Provide
    Arbitrary<double[]> sortedErrors() {
        return Arbitraries.doubles().between(0, 10).array(double[].class).ofMinSize(1).ofMaxSize(60)
                .map(a -> {
                    double[] s = a.clone();
                    Arrays.sort(s);
                    return s;
                });
    }
}
