package org.forecast4j.core.panel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;

/**
 * Fits and forecasts every series of a panel, or of a lazily iterated source of series, with one
 * {@link Forecaster}, in parallel, streaming the results to a consumer.
 *
 * <ul>
 * <li><b>Bounded parallelism:</b> fits run on a fixed pool of {@link Builder#threads(int)} threads (default: the
 * number of available processors), or on a caller-supplied {@link Executor}.</li>
 * <li><b>Deterministic order, bounded memory:</b> results reach the consumer in input order, one at a time. At
 * most {@link Builder#window(int)} series are held at once (read from the source but not yet delivered): the
 * source is read only as fast as results are consumed, so a source of a million series never needs to be in
 * memory. A slow consumer slows the run down rather than letting results pile up.</li>
 * <li><b>Failure isolation:</b> an exception of the forecaster on one series (too short, constant, numerical
 * failure…) is captured in that series' {@link SeriesResult} (status {@link SeriesStatus#FAILED} with the
 * reason) and the run goes on. With a {@link Builder#fallback(Forecaster) fallback}, the fallback's forecast is
 * given instead (status {@link SeriesStatus#FALLBACK}, the main failure's reason kept). Errors
 * ({@link Error}) are not captured.</li>
 * <li><b>Cancellation</b> through {@link PanelJob#cancel()}, and <b>progress</b> reports (series done / total,
 * failures, elapsed, rate) to a {@link ProgressListener}.</li>
 * </ul>
 *
 * <p>Each result depends only on its series and the (immutable) forecasters, so a run gives the same results
 * whatever the number of threads.
 *
 * <pre>{@code
 * PanelForecaster engine = PanelForecaster.builder(Forecasters.seasonalNaive())
 *         .horizon(14).levels(80, 95).fallback(Forecasters.naive())
 *         .progressListener(p -> log.info("{} / {} series, {}/s", p.done(), p.total(), p.rate()))
 *         .build();
 * PanelSummary summary = engine.forecast(panel, result -> writer.write(result));
 * }</pre>
 *
 * <p>Immutable and reusable: each {@code start}/{@code forecast} call is an independent run.
 *
 * @since 0.1.0
 */
public final class PanelForecaster {

    /** Default number of series held per worker thread (the window is this times the thread count). */
    static final int WINDOW_PER_THREAD = 32;
    /** Default minimum interval between two progress reports. */
    static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(500);

    private final Forecaster forecaster;
    private final Forecaster fallback;
    private final int horizon;
    private final List<Level> levels;
    private final int threads;
    private final int window;
    private final Executor executor;
    private final ProgressListener listener;
    private final Duration progressInterval;

    private PanelForecaster(Builder b) {
        this.forecaster = b.forecaster;
        this.fallback = b.fallback;
        this.horizon = b.horizon;
        this.levels = List.copyOf(b.levels);
        this.threads = b.threads > 0 ? b.threads : Runtime.getRuntime().availableProcessors();
        this.window = b.window > 0 ? b.window : WINDOW_PER_THREAD * this.threads;
        this.executor = b.executor;
        this.listener = b.listener;
        this.progressInterval = b.progressInterval;
    }

    /**
     * Starts a builder for a forecaster.
     *
     * @param forecaster the model fitted to every series
     * @return a builder (horizon must be set)
     */
    public static Builder builder(Forecaster forecaster) {
        return new Builder(Objects.requireNonNull(forecaster, "forecaster"));
    }

    /**
     * Runs over a panel and waits for the end.
     *
     * @param panel    the series, forecast in the panel's order
     * @param consumer receives each result, in order, one at a time
     * @return the totals
     * @throws PanelRunException if the consumer or the progress listener threw
     */
    public PanelSummary forecast(Panel panel, Consumer<? super SeriesResult> consumer) {
        return start(panel, consumer).await();
    }

    /**
     * Runs over a source of series and waits for the end.
     *
     * @param source   the series, read lazily from the calling run's dispatcher thread only
     * @param total    the number of series if known (for progress), else −1
     * @param consumer receives each result, in order, one at a time
     * @return the totals
     * @throws PanelRunException if the source, the consumer or the progress listener threw
     */
    public PanelSummary forecast(Iterator<TimeSeries> source, long total, Consumer<? super SeriesResult> consumer) {
        return start(source, total, consumer).await();
    }

    /**
     * Forecasts a panel and collects the results in order (for panels whose results fit in memory).
     *
     * @param panel the series
     * @return one result per series, in the panel's order
     */
    public List<SeriesResult> forecastAll(Panel panel) {
        List<SeriesResult> out = new ArrayList<>(panel.size());
        forecast(panel, out::add);
        return out;
    }

    /**
     * Starts a run over a panel and returns at once.
     *
     * @param panel    the series
     * @param consumer receives each result, in order, one at a time (from worker threads)
     * @return the running job
     */
    public PanelJob start(Panel panel, Consumer<? super SeriesResult> consumer) {
        Objects.requireNonNull(panel, "panel");
        return start(panel.iterator(), panel.size(), consumer);
    }

    /**
     * Starts a run over a spliterator of series (e.g. {@code stream.spliterator()}) and returns at once.
     *
     * @param source   the series
     * @param consumer receives each result, in order, one at a time
     * @return the running job
     */
    public PanelJob start(Spliterator<TimeSeries> source, Consumer<? super SeriesResult> consumer) {
        Objects.requireNonNull(source, "source");
        long size = source.hasCharacteristics(Spliterator.SIZED) ? source.getExactSizeIfKnown() : -1;
        return start(Spliterators.iterator(source), size, consumer);
    }

    /**
     * Starts a run over an iterator of series and returns at once. The iterator is read by one dispatcher thread
     * only, at most {@link Builder#window(int)} series ahead of the consumer.
     *
     * @param source   the series; a null element gives a FAILED result
     * @param total    the number of series if known (for progress), else −1
     * @param consumer receives each result, in order, one at a time (from worker threads)
     * @return the running job
     * @throws IllegalArgumentException if {@code total < -1}
     */
    public PanelJob start(Iterator<TimeSeries> source, long total, Consumer<? super SeriesResult> consumer) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(consumer, "consumer");
        Checks.requireArgument(total >= -1, "total must be >= -1 (unknown), got %d", total);
        PanelRun run = new PanelRun(this, source, total, consumer);
        run.start();
        return run;
    }

    Forecaster forecaster() {
        return forecaster;
    }

    Forecaster fallback() {
        return fallback;
    }

    int horizon() {
        return horizon;
    }

    List<Level> levels() {
        return levels;
    }

    /**
     * The number of worker threads (when no executor was given).
     *
     * @return threads
     */
    public int threads() {
        return threads;
    }

    /**
     * The maximum number of series held at once.
     *
     * @return window
     */
    public int window() {
        return window;
    }

    Executor executor() {
        return executor;
    }

    ProgressListener listener() {
        return listener;
    }

    Duration progressInterval() {
        return progressInterval;
    }

    @Override
    public String toString() {
        return "PanelForecaster[" + forecaster.name() + (fallback == null ? "" : ", fallback " + fallback.name())
                + ", h=" + horizon + ", threads=" + threads + ", window=" + window + "]";
    }

    /** Builder of {@link PanelForecaster}; setters validate immediately. */
    public static final class Builder {
        private final Forecaster forecaster;
        private Forecaster fallback;
        private int horizon;
        private List<Level> levels = List.of();
        private int threads;
        private int window;
        private Executor executor;
        private ProgressListener listener;
        private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;

        private Builder(Forecaster forecaster) {
            this.forecaster = forecaster;
        }

        /**
         * Sets the forecast horizon (required).
         *
         * @param h steps ahead, &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if {@code h <= 0}
         */
        public Builder horizon(int h) {
            this.horizon = Checks.requirePositive(h, "horizon");
            return this;
        }

        /**
         * Sets the prediction-interval levels (default none).
         *
         * @param percent levels in (0, 100)
         * @return this builder
         * @throws IllegalArgumentException if a level is outside (0, 100)
         */
        public Builder levels(double... percent) {
            this.levels = Level.of(percent);
            return this;
        }

        /**
         * Sets a fallback forecaster, used for a series on which the main forecaster throws.
         *
         * @param f the fallback, e.g. {@code Forecasters.naive()}; null for none
         * @return this builder
         */
        public Builder fallback(Forecaster f) {
            this.fallback = f;
            return this;
        }

        /**
         * Sets the number of worker threads of the run's own pool (default: available processors). Ignored
         * when an {@link #executor(Executor)} is given, except for the default window.
         *
         * @param n threads, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder threads(int n) {
            this.threads = Checks.requirePositive(n, "threads");
            return this;
        }

        /**
         * Sets the window: the maximum number of series read from the source and not yet delivered (default
         * 32 × threads).
         *
         * @param n window, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder window(int n) {
            this.window = Checks.requirePositive(n, "window");
            return this;
        }

        /**
         * Runs the fits on a caller-managed executor instead of the run's own pool (the executor is not shut
         * down). Its parallelism bounds the run's; use a bounded one.
         *
         * @param e the executor, or null for the run's own pool
         * @return this builder
         */
        public Builder executor(Executor e) {
            this.executor = e;
            return this;
        }

        /**
         * Sets a progress listener (default none).
         *
         * @param l the listener, or null
         * @return this builder
         */
        public Builder progressListener(ProgressListener l) {
            this.listener = l;
            return this;
        }

        /**
         * Sets the minimum time between two progress reports (default 500 ms; zero reports every series). The
         * final report is always sent.
         *
         * @param interval non-negative duration
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder progressInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            Checks.requireArgument(!interval.isNegative(), "progressInterval must be >= 0, got %s", interval);
            this.progressInterval = interval;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         * @throws IllegalStateException if no horizon was set
         */
        public PanelForecaster build() {
            Checks.requireState(horizon > 0, "horizon must be set (> 0) before build()");
            return new PanelForecaster(this);
        }
    }
}
