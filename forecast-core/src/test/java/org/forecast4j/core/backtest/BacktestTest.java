package org.forecast4j.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Level;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.metrics.Accuracy;
import org.forecast4j.core.metrics.Metric;
import org.junit.jupiter.api.Test;

class BacktestTest {

    @Test
    void folds_expanding_originsAdvanceByStepAndStartAtZero() {
        // origins 5, 7, 9: each needs origin + 2 <= 12; the next (11) would need 13
        Backtest bt = Backtest.builder().initialWindow(5).horizon(2).step(2).build();
        assertEquals(List.of(new Fold(0, 0, 5, 7), new Fold(1, 0, 7, 9), new Fold(2, 0, 9, 11)), bt.folds(12));
    }

    @Test
    void folds_sliding_keepTheInitialLength() {
        Backtest bt = Backtest.builder().initialWindow(5).horizon(2).step(2).window(WindowType.SLIDING).build();
        assertEquals(List.of(new Fold(0, 0, 5, 7), new Fold(1, 2, 7, 9), new Fold(2, 4, 9, 11)), bt.folds(12));
    }

    @Test
    void folds_limited_keepsTheMostRecent() {
        Backtest bt = Backtest.builder().initialWindow(5).horizon(2).step(2).folds(2).build();
        assertEquals(List.of(new Fold(0, 0, 7, 9), new Fold(1, 0, 9, 11)), bt.folds(12));
    }

    @Test
    void folds_seriesTooShort_isEmpty() {
        Backtest bt = Backtest.builder().initialWindow(5).horizon(3).build();
        assertTrue(bt.folds(7).isEmpty());
        assertEquals(1, bt.folds(8).size());
    }

    @Test
    void run_naiveOnLine_errorsAreKnown() {
        // y_t = t: the naive forecast from origin t is t-1 (0-based value y_{t-1} = t-1), so the error at step
        // j is j (theory), MAE over steps 1..3 = 2, and at step j exactly j.
        double[] y = new double[20];
        for (int i = 0; i < y.length; i++) {
            y[i] = i;
        }
        Backtest bt = Backtest.builder().initialWindow(10).horizon(3).levels().parallelism(1).build();
        BacktestResult r = bt.run(Map.of("naive", Forecasters.naive()), TimeSeries.of(y));
        assertEquals(8, r.foldCount("naive"));
        assertEquals(2.0, r.accuracy("naive").get(Metric.MAE).value(), 1e-12);
        for (int j = 1; j <= 3; j++) {
            assertEquals(j, r.accuracy("naive", j).get(Metric.MAE).value(), 1e-12);
        }
        // in-sample naive scale of a unit-slope line is 1, so MASE = MAE
        assertEquals(2.0, r.accuracy("naive").get(Metric.MASE).value(), 1e-12);
    }

    @Test
    void run_failingModel_isRecordedNotThrown() {
        Forecaster failing = new Forecaster() {
            @Override
            public FittedModel fit(TimeSeries series) {
                throw new ModelFitException("does not converge on '" + series.length() + "'");
            }

            @Override
            public String name() {
                return "failing";
            }
        };
        Map<String, Forecaster> models = new LinkedHashMap<>();
        models.put("mean", Forecasters.mean());
        models.put("bad", failing);
        BacktestResult r = Backtest.builder().initialWindow(10).horizon(2).build().run(models, series(30, 1));
        assertEquals(r.foldCount("bad"), r.failureCount("bad"));
        assertEquals(0, r.failureCount("mean"));
        FoldResult f = r.failures().get(0);
        assertEquals("ModelFitException: does not converge on '10'", f.failure().orElseThrow());
        assertFalse(r.accuracy("bad").get(Metric.MAE).isDefined());
        assertTrue(r.accuracy("mean").get(Metric.MAE).isDefined());
    }

    @Test
    void run_resultsDoNotDependOnThreadCount() {
        Panel panel = panel(6);
        Map<String, Forecaster> models = new LinkedHashMap<>();
        models.put("snaive", Forecasters.seasonalNaive());
        models.put("drift", Forecasters.drift());
        models.put("mean", Forecasters.mean());
        Backtest.Builder b = Backtest.builder().initialWindow(40).horizon(7).step(3);
        BacktestResult serial = b.parallelism(1).build().run(models, panel);
        BacktestResult parallel = b.parallelism(4).build().run(models, panel);
        ExecutorService ex = Executors.newFixedThreadPool(3);
        BacktestResult external;
        try {
            external = b.parallelism(3).executor(ex).build().run(models, panel);
        } finally {
            ex.shutdown();
        }
        for (BacktestResult other : List.of(parallel, external)) {
            assertEquals(serial.folds().size(), other.folds().size());
            for (int i = 0; i < serial.folds().size(); i++) {
                FoldResult a = serial.folds().get(i);
                FoldResult c = other.folds().get(i);
                assertEquals(a.toString(), c.toString());
                assertEquals(a.forecast().orElseThrow().toString(), c.forecast().orElseThrow().toString());
            }
            for (String m : models.keySet()) {
                assertEquals(serial.accuracy(m).toString(), other.accuracy(m).toString());
            }
        }
    }

    @Test
    void run_listener_seesEveryTaskInOrder() {
        List<Integer> seen = new ArrayList<>();
        AtomicInteger totals = new AtomicInteger();
        Backtest bt = Backtest.builder().initialWindow(20).horizon(5).parallelism(2).listener((done, total) -> {
            seen.add(done);
            totals.set(total);
        }).build();
        BacktestResult r = bt.run(Map.of("naive", Forecasters.naive()), series(40, 2));
        assertEquals(r.folds().size(), totals.get());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i));
        }
        assertEquals(totals.get(), seen.size());
    }

    @Test
    void run_perFoldAccuracy_matchesDirectComputation() {
        TimeSeries s = series(50, 3);
        BacktestResult r = Backtest.builder().initialWindow(30).horizon(4).step(5).build()
                .run(Map.of("snaive", Forecasters.seasonalNaive()), s);
        FoldResult f = r.folds().get(1);
        TimeSeries train = s.window(f.fold().trainStart(), f.fold().trainEnd());
        Forecast direct = Forecasters.seasonalNaive().fit(train).forecast(4, 80, 95);
        Accuracy expected = Accuracy.of(s.window(f.fold().trainEnd(), f.fold().testEnd()).values(), direct, train);
        assertEquals(expected.toString(), f.accuracy().toString());
        assertEquals(LocalDate.of(2024, 1, 1).plusDays(f.fold().trainEnd()).atStartOfDay(), f.actual().start());
        assertEquals(f.actual().label(0), f.forecast().orElseThrow().labels().get(0));
        assertEquals(List.of(new Level(80), new Level(95)), r.accuracy("snaive").levels());
    }

    @Test
    void run_panel_skipsShortSeriesWithReason() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("long", series(40, 4));
        m.put("short", series(12, 5));
        BacktestResult r = Backtest.builder().initialWindow(20).horizon(5).build()
                .run(Map.of("naive", Forecasters.naive()), Panel.of(m));
        assertEquals(List.of("long"), r.seriesKeys());
        assertEquals("length 12 < initial window 20 + horizon 5", r.skippedSeries().get("short"));
    }

    @Test
    void run_singleSeriesTooShort_throwsNamingLengths() {
        Backtest bt = Backtest.builder().initialWindow(20).horizon(5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bt.run(Map.of("naive", Forecasters.naive()), series(24, 6)));
        assertTrue(e.getMessage().contains("length 24 < initial window 20 + horizon 5"), e.getMessage());
    }

    @Test
    void builder_rejectsBadValuesAndMissingRequiredOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backtest.builder().horizon(0));
        assertEquals("horizon must be > 0, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backtest.builder().initialWindow(-1));
        assertThrows(IllegalArgumentException.class, () -> Backtest.builder().step(0));
        assertThrows(IllegalArgumentException.class, () -> Backtest.builder().folds(-1));
        assertThrows(IllegalArgumentException.class, () -> Backtest.builder().levels(100));
        assertThrows(IllegalArgumentException.class, () -> Backtest.builder().parallelism(0));
        assertThrows(IllegalStateException.class, () -> Backtest.builder().horizon(3).build());
        assertThrows(IllegalStateException.class, () -> Backtest.builder().initialWindow(3).build());
    }

    @Test
    void accuracyBySeries_poolsThatSeriesFolds() {
        Panel panel = panel(3);
        BacktestResult r = Backtest.builder().initialWindow(40).horizon(5).step(4).build()
                .run(Map.of("naive", Forecasters.naive()), panel);
        for (String key : panel.keys()) {
            double sum = 0;
            double sumStep2 = 0;
            int n = 0;
            for (FoldResult f : r.folds("naive", key)) {
                double[] y = f.actual().values();
                double[] m = f.forecast().orElseThrow().mean();
                for (int t = 0; t < y.length; t++) {
                    sum += Math.abs(y[t] - m[t]);
                }
                sumStep2 += Math.abs(y[1] - m[1]);
                n++;
            }
            assertEquals(sum / (5.0 * n), r.accuracy("naive", key).get(Metric.MAE).value(), 1e-12);
            assertEquals(sumStep2 / n, r.accuracy("naive", key, 2).get(Metric.MAE).value(), 1e-12);
        }
        assertEquals(r.folds().size(), r.foldCount("naive"));
        assertThrows(IllegalArgumentException.class, () -> r.accuracy("arima"));
        assertThrows(IllegalArgumentException.class, () -> r.accuracy("naive", 6));
        assertThrows(IllegalArgumentException.class, () -> r.accuracy("naive", "nope"));
    }

    @Test
    void run_missingActuals_areSkippedAndZeroActualsReported() {
        double[] y = new double[30];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + (i % 3);
        }
        y[25] = Double.NaN;
        y[27] = 0;
        BacktestResult r = Backtest.builder().initialWindow(24).horizon(2).step(2).levels(80).build()
                .run(Map.of("naive", Forecasters.naive()), TimeSeries.of(y));
        // origins 24, 26, 28 (3 folds x 2 steps), one actual missing
        assertEquals(5, r.accuracy("naive").count());
        assertEquals("zero actual at fold 2, step 2", r.accuracy("naive").get(Metric.MAPE).reason().orElseThrow());
        assertTrue(r.accuracy("naive").get(Metric.COVERAGE, new Level(80)).isDefined());
    }

    @Test
    void run_panel_undefinedReasonNamesSeriesAndFold() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("busy", series(30, 8));
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 5);
        m.put("flat", TimeSeries.of(flat));
        BacktestResult r = Backtest.builder().initialWindow(20).horizon(3).step(5).build()
                .run(Map.of("naive", Forecasters.naive()), Panel.of(m));
        assertEquals("scale is zero: training series has no in-sample seasonal naive error at lag 1 "
                + "(series 'flat', fold 1)", r.accuracy("naive").get(Metric.MASE).reason().orElseThrow());
        assertTrue(r.accuracy("naive", "busy").get(Metric.MASE).isDefined());
        assertFalse(r.accuracy("naive", "flat").get(Metric.MASE).isDefined());
    }

    @Test
    void run_interrupted_throwsCancellation() {
        Backtest bt = Backtest.builder().initialWindow(20).horizon(5).parallelism(2).build();
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class,
                    () -> bt.run(Map.of("naive", Forecasters.naive()), series(60, 7)));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void run_listenerFailure_propagates() {
        Backtest bt = Backtest.builder().initialWindow(20).horizon(5).parallelism(2).listener((done, total) -> {
            throw new IllegalStateException("listener broke at " + done);
        }).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bt.run(Map.of("naive", Forecasters.naive()), series(60, 7)));
        assertTrue(e.getMessage().startsWith("listener broke"), e.getMessage());
    }

    @Test
    void run_badModels_areRejected() {
        Backtest bt = Backtest.builder().initialWindow(20).horizon(5).build();
        assertThrows(IllegalArgumentException.class, () -> bt.run(Map.of(), series(60, 7)));
        assertThrows(IllegalArgumentException.class, () -> bt.run(Map.of(" ", Forecasters.naive()), series(60, 7)));
    }

    private static TimeSeries series(int n, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 100 + 10 * Math.sin(2 * Math.PI * i / 7) + 0.5 * i + rnd.nextGaussian() * 3;
        }
        return TimeSeries.daily(LocalDate.of(2024, 1, 1), y);
    }

    private static Panel panel(int k) {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            m.put("s" + i, series(60 + 5 * i, 100 + i));
        }
        return Panel.of(m);
    }
}
