package org.forecast4j.core.panel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class PanelForecasterTest {

    /** A daily-like series of length n, period 7, whose values depend only on its index. */
    private static TimeSeries series(int index, int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + index + 10 * Math.sin(2 * Math.PI * t / 7) + ((index * 31 + t * 17) % 11);
        }
        return TimeSeries.of(y).withPeriod(7).withName("s" + index);
    }

    private static Panel panel(int count, int n) {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            m.put("s" + i, series(i, n));
        }
        return Panel.of(m);
    }

    /** A lazy source of {@code count} series that counts how many were pulled. */
    private static final class CountingSource implements Iterator<TimeSeries> {
        final int count;
        final int length;
        final AtomicLong pulled = new AtomicLong();

        CountingSource(int count, int length) {
            this.count = count;
            this.length = length;
        }

        @Override
        public boolean hasNext() {
            return pulled.get() < count;
        }

        @Override
        public TimeSeries next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = (int) pulled.getAndIncrement();
            return series(i, length);
        }
    }

    /** Seasonal naive that first sleeps a pseudo-random time derived from the series, to shuffle completions. */
    private static final class JitterForecaster implements Forecaster {
        @Override
        public FittedModel fit(TimeSeries s) {
            int i = Integer.parseInt(s.name().substring(1));
            try {
                TimeUnit.MICROSECONDS.sleep((i * 7919L) % 900);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Forecasters.seasonalNaive().fit(s);
        }

        @Override
        public String name() {
            return "jitter-snaive";
        }
    }

    @Test
    void forecastAll_failingSeries_isolatedWithReason() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("long", series(1, 30));
        m.put("short", series(2, 5)); // seasonal naive with period 7 needs 8 observations
        m.put("long2", series(3, 30));
        List<SeriesResult> r = PanelForecaster.builder(Forecasters.seasonalNaive()).horizon(7).threads(2).build()
                .forecastAll(Panel.of(m));
        assertEquals(3, r.size());
        assertEquals(SeriesStatus.OK, r.get(0).status());
        assertEquals(SeriesStatus.FAILED, r.get(1).status());
        assertEquals("short", r.get(1).key());
        assertEquals("IllegalArgumentException", r.get(1).failureType());
        assertTrue(r.get(1).failureReason().contains("needs at least 8 observations"), r.get(1).failureReason());
        assertFalse(r.get(1).hasForecast());
        assertThrows(IllegalStateException.class, () -> r.get(1).forecast());
        assertEquals(SeriesStatus.OK, r.get(2).status());
        assertEquals(7, r.get(2).forecast().horizon());
    }

    @Test
    void forecast_fallback_usedAndReported() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("ok", series(1, 30));
        m.put("short", series(2, 5));
        m.put("empty", TimeSeries.of());
        List<SeriesResult> out = new ArrayList<>();
        PanelSummary s = PanelForecaster.builder(Forecasters.seasonalNaive()).horizon(3).levels(80, 95)
                .fallback(Forecasters.naive()).threads(2).build().forecast(Panel.of(m), out::add);
        assertEquals(SeriesStatus.OK, out.get(0).status());
        assertEquals(SeriesStatus.FALLBACK, out.get(1).status());
        // the fallback is the naive method: the forecast repeats the last observation
        TimeSeries shortSeries = m.get("short");
        assertEquals(shortSeries.get(4), out.get(1).forecast().mean()[2], 0);
        assertTrue(out.get(1).forecast().model().startsWith("Naive"), out.get(1).forecast().model());
        assertNotNull(out.get(1).failureReason());
        // both fail on an empty series: FAILED with both reasons
        assertEquals(SeriesStatus.FAILED, out.get(2).status());
        assertTrue(out.get(2).failureReason().contains("fallback naive failed too"), out.get(2).failureReason());
        assertEquals(3, s.series());
        assertEquals(1, s.ok());
        assertEquals(1, s.fallbacks());
        assertEquals(1, s.failures());
        assertEquals(Map.of("IllegalArgumentException", 2L), s.failuresByType());
    }

    @Test
    void forecast_modelFitExceptionAndNullSeries_captured() {
        Forecaster throwing = new Forecaster() {
            @Override
            public FittedModel fit(TimeSeries s) {
                throw new ModelFitException("optimizer diverged on " + s.name());
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        List<SeriesResult> out = new ArrayList<>();
        Iterator<TimeSeries> src = java.util.Arrays.asList(series(0, 20), null).iterator();
        PanelForecaster.builder(throwing).horizon(2).threads(1).build().forecast(src, 2, out::add);
        assertEquals("ModelFitException", out.get(0).failureType());
        assertTrue(out.get(0).failureReason().contains("optimizer diverged on s0"));
        assertEquals(SeriesStatus.FAILED, out.get(1).status());
        assertEquals("NullPointerException", out.get(1).failureType());
    }

    @Test
    void forecast_manyThreadsShuffledCompletion_deliversInInputOrder() {
        int count = 2000;
        List<Long> indices = Collections.synchronizedList(new ArrayList<>());
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        PanelSummary s = PanelForecaster.builder(new JitterForecaster()).horizon(7).threads(8).window(16).build()
                .forecast(new CountingSource(count, 21), count, r -> {
                    indices.add(r.index());
                    keys.add(r.key());
                });
        assertEquals(count, s.series());
        for (int i = 0; i < count; i++) {
            assertEquals(i, indices.get(i));
            assertEquals("s" + i, keys.get(i));
        }
    }

    @Test
    void forecast_resultsIndependentOfThreadCount() {
        Panel p = panel(300, 40);
        List<SeriesResult> one = PanelForecaster.builder(Forecasters.drift()).horizon(5).levels(95).threads(1)
                .build().forecastAll(p);
        List<SeriesResult> four = PanelForecaster.builder(Forecasters.drift()).horizon(5).levels(95).threads(4)
                .window(5).build().forecastAll(p);
        assertEquals(one.size(), four.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i).forecast().mean(), four.get(i).forecast().mean(), 0);
            assertArrayEquals(one.get(i).forecast().upper(95), four.get(i).forecast().upper(95), 0);
        }
    }

    @Test
    void forecast_200kSeriesSource_holdsAtMostWindowSeries() {
        // The source is lazy and the consumer keeps nothing; the engine may read at most `window` series ahead
        // of the consumer. Checked independently of the engine's own counter: every pull compares the number
        // pulled with the number delivered.
        int count = 200_000;
        int window = 64;
        AtomicLong delivered = new AtomicLong();
        AtomicLong worstAhead = new AtomicLong();
        CountingSource base = new CountingSource(count, 10);
        Iterator<TimeSeries> src = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return base.hasNext();
            }

            @Override
            public TimeSeries next() {
                TimeSeries s = base.next();
                long ahead = base.pulled.get() - delivered.get();
                worstAhead.accumulateAndGet(ahead, Math::max);
                return s;
            }
        };
        AtomicLong checksum = new AtomicLong();
        PanelSummary s = PanelForecaster.builder(Forecasters.seasonalNaive()).horizon(2).threads(2).window(window)
                .build().forecast(src, count, r -> {
                    delivered.incrementAndGet();
                    checksum.addAndGet((long) r.forecast().mean()[0]);
                });
        assertEquals(count, s.series());
        assertEquals(count, s.ok());
        assertTrue(worstAhead.get() <= window, "read " + worstAhead.get() + " series ahead, window " + window);
        assertTrue(s.maxResultsInFlight() <= window, "in flight " + s.maxResultsInFlight());
        assertTrue(checksum.get() > 0);
    }

    @Test
    void cancel_stopsReadingAndDeliversAnInputPrefix() throws InterruptedException {
        CountingSource src = new CountingSource(1_000_000, 14);
        CountDownLatch hundred = new CountDownLatch(100);
        List<Long> indices = Collections.synchronizedList(new ArrayList<>());
        PanelJob job = PanelForecaster.builder(Forecasters.seasonalNaive()).horizon(7).threads(2).window(32).build()
                .start(src, 1_000_000, r -> {
                    indices.add(r.index());
                    hundred.countDown();
                });
        assertTrue(hundred.await(30, TimeUnit.SECONDS));
        job.cancel();
        PanelSummary s = job.await();
        assertTrue(job.isDone());
        assertTrue(job.isCancelled());
        assertTrue(s.cancelled());
        assertTrue(s.series() >= 100 && s.series() < 1_000_000, "delivered " + s.series());
        assertTrue(src.pulled.get() <= s.series() + 32, "pulled " + src.pulled.get());
        for (int i = 0; i < indices.size(); i++) {
            assertEquals(i, indices.get(i));
        }
        assertEquals(s.series(), indices.size());
    }

    @Test
    void progressListener_reportsMonotoneCountsAndFinalTotals() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            m.put("s" + i, series(i, i % 10 == 0 ? 3 : 20)); // every 10th series is too short
        }
        List<Progress> reports = Collections.synchronizedList(new ArrayList<>());
        PanelSummary s = PanelForecaster.builder(Forecasters.seasonalNaive()).horizon(7).threads(3)
                .progressInterval(Duration.ZERO).progressListener(reports::add).build()
                .forecast(Panel.of(m), r -> { });
        assertEquals(51, reports.size()); // one per series with a zero interval, plus the final one
        for (int k = 1; k < reports.size(); k++) {
            assertTrue(reports.get(k).done() >= reports.get(k - 1).done());
        }
        Progress last = reports.get(reports.size() - 1);
        assertTrue(last.finished());
        assertEquals(50, last.done());
        assertEquals(50, last.total());
        assertEquals(5, last.failures());
        assertEquals(1.0, last.fraction(), 0);
        assertTrue(last.rate() > 0);
        assertEquals(5, s.failures());
    }

    @Test
    void forecast_consumerThrows_abortsWithRunException() {
        IllegalStateException boom = new IllegalStateException("disk full");
        PanelRunException e = assertThrows(PanelRunException.class,
                () -> PanelForecaster.builder(Forecasters.naive()).horizon(1).threads(2).build()
                        .forecast(new CountingSource(10_000, 5), -1, r -> {
                            if (r.index() == 10) {
                                throw boom;
                            }
                        }));
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("consumer"), e.getMessage());
    }

    @Test
    void forecast_forecasterThrowsError_abortsInsteadOfHanging() {
        Forecaster erroring = new Forecaster() {
            @Override
            public FittedModel fit(TimeSeries s) {
                if ("s7".equals(s.name())) {
                    throw new AssertionError("kernel invariant broken");
                }
                return Forecasters.naive().fit(s);
            }

            @Override
            public String name() {
                return "erroring";
            }
        };
        List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
        PanelRunException e = assertThrows(PanelRunException.class,
                () -> PanelForecaster.builder(erroring).horizon(1).threads(2).window(4).build()
                        .forecast(new CountingSource(100, 5), 100, r -> delivered.add(r.index())));
        assertTrue(e.getCause() instanceof AssertionError);
        for (int i = 0; i < delivered.size(); i++) {
            assertEquals(i, delivered.get(i)); // an in-order prefix, never past the failing series
        }
        assertTrue(delivered.size() <= 7, "delivered " + delivered.size());
    }

    @Test
    void forecast_sourceThrows_abortsWithRunException() {
        Iterator<TimeSeries> bad = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public TimeSeries next() {
                if (i == 5) {
                    throw new IllegalArgumentException("line 7: not a number");
                }
                return series(i++, 10);
            }
        };
        PanelRunException e = assertThrows(PanelRunException.class,
                () -> PanelForecaster.builder(Forecasters.naive()).horizon(1).build().forecast(bad, -1, r -> { }));
        assertTrue(e.getCause().getMessage().contains("line 7"));
    }

    @Test
    void start_withCallerExecutorAndSpliterator_works() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Long> idx = new ArrayList<>();
            PanelJob job = PanelForecaster.builder(Forecasters.mean()).horizon(4).executor(pool).build()
                    .start(IntStream.range(0, 100).mapToObj(i -> series(i, 12)).spliterator(), r -> idx.add(r.index()));
            PanelSummary s = job.await();
            assertEquals(100, s.series());
            assertEquals(99L, idx.get(99));
            assertTrue(job.await(Duration.ofMillis(1)));
            assertFalse(pool.isShutdown(), "a caller's executor is not shut down");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forecast_autoArimaPanel_isolatesUnforecastableSeries() {
        // R 4.2.2 forecast 8.20: auto.arima(WWWusage) = ARIMA(1,1,1); an all-missing series cannot be forecast
        double[] www = org.forecast4j.core.testutil.ReferenceData.series("/reference/unitroot/WWWusage.csv");
        double[] missing = new double[12];
        java.util.Arrays.fill(missing, Double.NaN);
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("www", TimeSeries.of(www));
        m.put("empty", TimeSeries.of(missing));
        m.put("short", TimeSeries.of(3, 5, 4));
        List<SeriesResult> r = PanelForecaster.builder(Forecasters.autoArima()).horizon(5).levels(95).threads(2)
                .build().forecastAll(Panel.of(m));
        assertEquals(SeriesStatus.OK, r.get(0).status());
        assertTrue(r.get(0).forecast().model().startsWith("ARIMA(1,1,1)"), r.get(0).forecast().model());
        assertEquals(SeriesStatus.FAILED, r.get(1).status());
        assertTrue(r.get(1).failureReason().contains("auto-ARIMA cannot forecast"), r.get(1).failureReason());
        assertEquals(SeriesStatus.OK, r.get(2).status());
    }

    @Test
    void builder_badArguments_rejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PanelForecaster.builder(Forecasters.naive()).build());
        assertTrue(e.getMessage().contains("horizon"), e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> PanelForecaster.builder(Forecasters.naive()).threads(0));
        assertTrue(a.getMessage().contains("threads must be > 0, got 0"), a.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PanelForecaster.builder(Forecasters.naive()).window(0));
        assertThrows(IllegalArgumentException.class, () -> PanelForecaster.builder(Forecasters.naive()).horizon(0));
        assertThrows(IllegalArgumentException.class,
                () -> PanelForecaster.builder(Forecasters.naive()).progressInterval(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> PanelForecaster.builder(Forecasters.naive()).horizon(1)
                .build().start(new CountingSource(1, 5), -2, r -> { }));
    }
}
