package org.forecast4j.core.backtest;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.metrics.Accuracy;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;

/**
 * The outcome of one model on one fold of one series: the actuals of the test window (with their timestamps), and
 * either the forecast or the reason the model failed (fit or forecast threw). Failures are recorded here rather
 * than thrown, so one bad fold does not stop a backtest.
 *
 * <p>Immutable.
 *
 * @since 0.1.0
 */
public final class FoldResult {

    private final String seriesKey;
    private final String model;
    private final Fold fold;
    private final TimeSeries actual;
    private final Forecast forecast;
    private final String failure;
    private final MetricValue scale;

    FoldResult(String seriesKey, String model, Fold fold, TimeSeries actual, Forecast forecast, String failure,
               MetricValue scale) {
        this.seriesKey = seriesKey;
        this.model = model;
        this.fold = fold;
        this.actual = actual;
        this.forecast = forecast;
        this.failure = failure;
        this.scale = scale;
    }

    /**
     * Key of the series (its name, or its panel key).
     *
     * @return series key
     */
    public String seriesKey() {
        return seriesKey;
    }

    /**
     * Name of the model, as given to {@link Backtest#run}.
     *
     * @return model name
     */
    public String model() {
        return model;
    }

    /**
     * The fold's windows.
     *
     * @return the fold
     */
    public Fold fold() {
        return fold;
    }

    /**
     * The actuals of the test window, with their timestamps (NaN where missing).
     *
     * @return test window of the series
     */
    public TimeSeries actual() {
        return actual;
    }

    /**
     * Whether the model produced a forecast on this fold.
     *
     * @return true on success
     */
    public boolean succeeded() {
        return forecast != null;
    }

    /**
     * The forecast, if the model succeeded.
     *
     * @return the forecast, or empty on failure
     */
    public Optional<Forecast> forecast() {
        return Optional.ofNullable(forecast);
    }

    /**
     * Why the model failed on this fold, e.g. {@code "IllegalArgumentException: Seasonal naive method needs at
     * least 8 observations ..."}.
     *
     * @return the reason, or empty on success
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The MASE/MSIS scale of this fold's training window (in-sample seasonal naive mean absolute error).
     *
     * @return the scale, possibly undefined with a reason
     */
    public MetricValue scale() {
        return scale;
    }

    /**
     * Every metric of this fold's forecast, interval metrics at the forecast's levels.
     *
     * @return the metrics
     * @throws IllegalStateException if the model failed on this fold
     */
    public Accuracy accuracy() {
        Checks.requireState(forecast != null, "model '%s' failed on fold %d of series '%s': %s", model,
                fold.index() + 1, seriesKey, failure);
        return Accuracy.accumulator(EnumSet.allOf(Metric.class), forecast.levels())
                .add(null, actual.values(), forecast, scale)
                .result();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FoldResult[%s, %s, fold %d, train [%d, %d), test [%d, %d), %s]", seriesKey,
                model, fold.index() + 1, fold.trainStart(), fold.trainEnd(), fold.trainEnd(), fold.testEnd(),
                forecast != null ? "ok" : "failed: " + failure);
    }
}
