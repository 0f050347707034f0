package org.forecast4j.core.backtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;
import org.forecast4j.core.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling-origin evaluation ("time-series cross-validation", Hyndman &amp; Athanasopoulos, <i>Forecasting:
 * Principles and Practice</i>, 3rd ed., §5.10; R's {@code forecast::tsCV}) of several named forecasters on a
 * series or a panel.
 *
 * <p>Folds: forecast origins <code>t<sub>k</sub> = initialWindow + k·step</code>, {@code k = 0, 1, …}, as long as
 * <code>t<sub>k</sub> + horizon ≤ n</code>; if {@link Builder#folds(int) folds} is set, only the last (most recent)
 * that many origins are kept. At origin {@code t} the model is fitted on {@code [0, t)} ({@link WindowType#EXPANDING})
 * or {@code [t − initialWindow, t)} ({@link WindowType#SLIDING}) and forecasts {@code [t, t + horizon)} with
 * intervals at the configured levels; see {@link #folds(int)}.
 *
 * <p>Each (series, fold, model) is an independent task, run on a bounded pool of {@link Builder#parallelism(int)
 * parallelism} workers (default: the number of available processors), or on a caller-supplied
 * {@link ExecutorService}. The result does not depend on the number of threads: tasks write into fixed slots and
 * metrics are aggregated afterwards in a fixed order. A model that throws while fitting or forecasting a fold
 * does not stop the run; the fold is recorded as failed with the reason ({@link BacktestResult#failures()}).
 *
 * <pre>{@code
 * Backtest bt = Backtest.builder().initialWindow(365).horizon(14).step(7).levels(80, 95).build();
 * Map<String, Forecaster> models = new LinkedHashMap<>();
 * models.put("snaive", Forecasters.seasonalNaive());
 * models.put("drift", Forecasters.drift());
 * BacktestResult r = bt.run(models, series);
 * double mase = r.accuracy("snaive").get(Metric.MASE).value();
 * }</pre>
 *
 * <p>Immutable and reusable; {@link #run} may be called concurrently.
 *
 * @since 0.1.0
 */
public final class Backtest {

    private static final Logger LOG = LoggerFactory.getLogger(Backtest.class);
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final int initialWindow;
    private final int horizon;
    private final int step;
    private final WindowType window;
    private final int maxFolds;
    private final List<Level> levels;
    private final Set<Metric> metrics;
    private final int parallelism;
    private final ExecutorService executor;
    private final BacktestListener listener;

    private Backtest(Builder b) {
        this.initialWindow = b.initialWindow;
        this.horizon = b.horizon;
        this.step = b.step;
        this.window = b.window;
        this.maxFolds = b.maxFolds;
        this.levels = b.levels;
        this.metrics = Collections.unmodifiableSet(EnumSet.copyOf(b.metrics));
        this.parallelism = b.parallelism;
        this.executor = b.executor;
        this.listener = b.listener;
    }

    /**
     * Starts a builder. {@link Builder#initialWindow(int)} and {@link Builder#horizon(int)} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Training length at the first origin (and the fixed length of a sliding window).
     *
     * @return initial window, &ge; 1
     */
    public int initialWindow() {
        return initialWindow;
    }

    /**
     * Steps forecast at every origin.
     *
     * @return horizon, &ge; 1
     */
    public int horizon() {
        return horizon;
    }

    /**
     * Distance between consecutive origins.
     *
     * @return step, &ge; 1
     */
    public int step() {
        return step;
    }

    /**
     * Expanding or sliding training window.
     *
     * @return the window type
     */
    public WindowType window() {
        return window;
    }

    /**
     * Maximum number of (most recent) folds per series; 0 means all that fit.
     *
     * @return max folds, &ge; 0
     */
    public int maxFolds() {
        return maxFolds;
    }

    /**
     * Interval levels at which forecasts are made and interval metrics computed.
     *
     * @return unmodifiable ascending list, possibly empty
     */
    public List<Level> levels() {
        return levels;
    }

    /**
     * Metrics to compute.
     *
     * @return unmodifiable set
     */
    public Set<Metric> metrics() {
        return metrics;
    }

    /**
     * Number of worker tasks run at once.
     *
     * @return parallelism, &ge; 1
     */
    public int parallelism() {
        return parallelism;
    }

    /**
     * The folds for a series of length {@code n}, in time order; empty if {@code n < initialWindow + horizon}.
     *
     * @param n series length, &ge; 0
     * @return unmodifiable list of folds
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public List<Fold> folds(int n) {
        Checks.requireNonNegative(n, "n");
        List<Fold> out = new ArrayList<>();
        if ((long) initialWindow + horizon > n) {
            return Collections.emptyList();
        }
        int count = (n - horizon - initialWindow) / step + 1;
        int first = maxFolds > 0 && count > maxFolds ? count - maxFolds : 0;
        for (int k = first; k < count; k++) {
            int origin = initialWindow + k * step;
            int trainStart = window == WindowType.SLIDING ? origin - initialWindow : 0;
            out.add(new Fold(k - first, trainStart, origin, origin + horizon));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Backtests the models on one series.
     *
     * @param models forecasters by name, in the order results should list them (use a {@link LinkedHashMap})
     * @param series the series; keyed in the result by its name, or {@code "series"} if it has none
     * @return the result
     * @throws IllegalArgumentException if {@code models} is empty or has a blank name, or the series is shorter
     *                                  than {@code initialWindow + horizon}
     * @throws CancellationException    if the calling thread is interrupted while waiting
     */
    public BacktestResult run(Map<String, Forecaster> models, TimeSeries series) {
        Objects.requireNonNull(series, "series");
        String key = series.name() == null ? "series" : series.name();
        Checks.requireArgument(!folds(series.length()).isEmpty(),
                "series '%s' length %d < initial window %d + horizon %d: no fold fits", key, series.length(),
                initialWindow, horizon);
        Map<String, TimeSeries> one = new LinkedHashMap<>();
        one.put(key, series);
        return execute(models, one);
    }

    /**
     * Backtests the models on every series of a panel. Series too short for one fold are skipped and listed in
     * {@link BacktestResult#skippedSeries()}.
     *
     * @param models forecasters by name, in order
     * @param panel  the series
     * @return the result
     * @throws IllegalArgumentException if {@code models} is empty or has a blank name, or no series of the panel is
     *                                  long enough for one fold
     * @throws CancellationException    if the calling thread is interrupted while waiting
     */
    public BacktestResult run(Map<String, Forecaster> models, Panel panel) {
        Objects.requireNonNull(panel, "panel");
        return execute(models, panel.asMap());
    }

    private BacktestResult execute(Map<String, Forecaster> models, Map<String, TimeSeries> seriesByKey) {
        Objects.requireNonNull(models, "models");
        Checks.requireArgument(!models.isEmpty(), "models must not be empty");
        List<String> names = new ArrayList<>();
        List<Forecaster> forecasters = new ArrayList<>();
        for (Map.Entry<String, Forecaster> e : models.entrySet()) {
            Checks.requireArgument(e.getKey() != null && !e.getKey().isBlank(),
                    "model names must be non-blank, got '%s'",
                    e.getKey());
            names.add(e.getKey());
            forecasters.add(Objects.requireNonNull(e.getValue(), "forecaster for model " + e.getKey()));
        }
        // tasks in a fixed order: series, then fold, then model
        List<String> keys = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (Map.Entry<String, TimeSeries> e : seriesByKey.entrySet()) {
            TimeSeries s = e.getValue();
            List<Fold> fs = folds(s.length());
            if (fs.isEmpty()) {
                skipped.put(e.getKey(), String.format(java.util.Locale.ROOT,
                        "length %d < initial window %d + horizon %d", s.length(), initialWindow, horizon));
                continue;
            }
            keys.add(e.getKey());
            for (Fold f : fs) {
                for (int m = 0; m < names.size(); m++) {
                    tasks.add(new Task(e.getKey(), s, f, names.get(m), forecasters.get(m)));
                }
            }
        }
        Checks.requireArgument(!keys.isEmpty(),
                "no series is long enough for one fold (initial window %d + horizon %d)",
                initialWindow, horizon);
        FoldResult[] results = new FoldResult[tasks.size()];
        runAll(tasks, results);
        List<FoldResult> list = new ArrayList<>(results.length);
        Collections.addAll(list, results);
        return new BacktestResult(this, names, keys, skipped, list);
    }

    private void runAll(List<Task> tasks, FoldResult[] results) {
        if (Thread.currentThread().isInterrupted()) {
            // Future.get() on a task that already finished does not look at the flag, so check it up front:
            // an interrupted caller always gets a CancellationException, however fast the folds run.
            throw new CancellationException("backtest interrupted");
        }
        int total = tasks.size();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean abort = new AtomicBoolean();
        Object progressLock = new Object();
        int[] done = new int[1];
        Runnable worker = () -> {
            int i;
            while (!abort.get() && (i = next.getAndIncrement()) < total) {
                results[i] = evaluate(tasks.get(i));
                synchronized (progressLock) {
                    done[0]++;
                    listener.onProgress(done[0], total);
                }
            }
        };
        int workers = Math.min(parallelism, total);
        if (executor == null && workers <= 1) {
            worker.run();
            return;
        }
        ExecutorService ex = executor != null ? executor
                : Executors.newFixedThreadPool(workers, daemonThreads());
        List<Future<?>> futures = new ArrayList<>(workers);
        try {
            for (int w = 0; w < workers; w++) {
                futures.add(ex.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            abort.set(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("backtest interrupted");
        } catch (ExecutionException e) {
            abort.set(true);
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException("backtest worker failed", c);
        } finally {
            abort.set(true);
            if (executor == null) {
                ex.shutdownNow();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_COUNTER.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "forecast4j-backtest-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private FoldResult evaluate(Task task) {
        Fold f = task.fold;
        TimeSeries train = task.series.window(f.trainStart(), f.trainEnd());
        TimeSeries test = task.series.window(f.trainEnd(), f.testEnd());
        MetricValue scale = Metrics.maseScale(train.values(), task.series.period());
        Forecast forecast;
        try {
            forecast = task.forecaster.fit(train).forecast(horizon, levels);
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.debug("model '{}' failed on fold {} of series '{}': {}", task.model, f.index() + 1, task.key, reason);
            return new FoldResult(task.key, task.model, f, test, null, reason, scale);
        }
        if (forecast.horizon() != horizon || !forecast.levels().containsAll(levels)) {
            String reason = String.format(java.util.Locale.ROOT,
                    "model returned horizon %d and levels %s, requested horizon %d and levels %s", forecast.horizon(),
                    forecast.levels(), horizon, levels);
            return new FoldResult(task.key, task.model, f, test, null, reason, scale);
        }
        return new FoldResult(task.key, task.model, f, test, forecast, null, scale);
    }

    @Override
    public String toString() {
        return "Backtest[initialWindow=" + initialWindow + ", horizon=" + horizon + ", step=" + step + ", window="
                + window + ", maxFolds=" + maxFolds + ", levels=" + levels + ", parallelism=" + parallelism + "]";
    }

    private static final class Task {
        final String key;
        final TimeSeries series;
        final Fold fold;
        final String model;
        final Forecaster forecaster;

        Task(String key, TimeSeries series, Fold fold, String model, Forecaster forecaster) {
            this.key = key;
            this.series = series;
            this.fold = fold;
            this.model = model;
            this.forecaster = forecaster;
        }
    }

    /**
     * Builder of {@link Backtest}: setters validate their argument immediately; {@link #build()} checks that the
     * required options are set and does not change the builder.
     */
    public static final class Builder {
        private int initialWindow;
        private int horizon;
        private int step = 1;
        private WindowType window = WindowType.EXPANDING;
        private int maxFolds;
        private List<Level> levels = Level.of(80, 95);
        private Set<Metric> metrics = EnumSet.allOf(Metric.class);
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private ExecutorService executor;
        private BacktestListener listener = BacktestListener.NONE;

        private Builder() {
        }

        /**
         * Training length at the first origin (required). For a sliding window, the fixed training length.
         *
         * @param n observations, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder initialWindow(int n) {
            this.initialWindow = Checks.requirePositive(n, "initialWindow");
            return this;
        }

        /**
         * Forecast horizon of every fold (required).
         *
         * @param h steps, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code h < 1}
         */
        public Builder horizon(int h) {
            this.horizon = Checks.requirePositive(h, "horizon");
            return this;
        }

        /**
         * Distance between consecutive origins (default 1, as {@code tsCV}).
         *
         * @param s steps, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code s < 1}
         */
        public Builder step(int s) {
            this.step = Checks.requirePositive(s, "step");
            return this;
        }

        /**
         * Expanding (default) or sliding training window.
         *
         * @param type window type
         * @return this builder
         */
        public Builder window(WindowType type) {
            this.window = Objects.requireNonNull(type, "window");
            return this;
        }

        /**
         * Keeps only the last {@code n} folds of each series (default 0: all folds that fit).
         *
         * @param n maximum fold count, &ge; 0 (0 = all)
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder folds(int n) {
            this.maxFolds = Checks.requireNonNegative(n, "folds");
            return this;
        }

        /**
         * Interval levels for forecasts and interval metrics (default 80 and 95; none to skip interval metrics).
         *
         * @param percents levels in (0, 100)
         * @return this builder
         * @throws IllegalArgumentException if a level is outside (0, 100)
         */
        public Builder levels(double... percents) {
            this.levels = Level.of(percents);
            return this;
        }

        /**
         * Interval levels for forecasts and interval metrics.
         *
         * @param list levels
         * @return this builder
         */
        public Builder levels(List<Level> list) {
            Objects.requireNonNull(list, "levels");
            double[] p = new double[list.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = Objects.requireNonNull(list.get(i), "levels[" + i + "]").percent();
            }
            this.levels = Level.of(p);
            return this;
        }

        /**
         * Metrics to compute (default all).
         *
         * @param list metrics, non-empty
         * @return this builder
         * @throws IllegalArgumentException if empty
         */
        public Builder metrics(Collection<Metric> list) {
            Objects.requireNonNull(list, "metrics");
            Checks.requireArgument(!list.isEmpty(), "metrics must not be empty");
            this.metrics = EnumSet.copyOf(list);
            return this;
        }

        /**
         * Metrics to compute (default all).
         *
         * @param list metrics, at least one
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder metrics(Metric... list) {
            return metrics(java.util.Arrays.asList(list));
        }

        /**
         * Number of worker tasks run at once (default: available processors). 1 runs everything on the calling
         * thread (unless an executor is given).
         *
         * @param p workers, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code p < 1}
         */
        public Builder parallelism(int p) {
            this.parallelism = Checks.requirePositive(p, "parallelism");
            return this;
        }

        /**
         * Runs the workers on a caller-owned executor instead of an internal pool; the backtest submits
         * {@code parallelism} workers to it and never shuts it down.
         *
         * @param ex the executor, or null for the internal pool
         * @return this builder
         */
        public Builder executor(ExecutorService ex) {
            this.executor = ex;
            return this;
        }

        /**
         * Receives progress (tasks done / total).
         *
         * @param l the listener
         * @return this builder
         */
        public Builder listener(BacktestListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /**
         * Builds the backtest.
         *
         * @return the configuration
         * @throws IllegalStateException if the initial window or the horizon was not set
         */
        public Backtest build() {
            Checks.requireState(initialWindow > 0, "initialWindow must be set (> 0)");
            Checks.requireState(horizon > 0, "horizon must be set (> 0)");
            return new Backtest(this);
        }
    }
}
