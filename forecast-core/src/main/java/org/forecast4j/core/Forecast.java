package org.forecast4j.core;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Point forecasts and prediction intervals for {@code horizon} steps after a series ends: the same content as R's
 * {@code forecast} object (method, mean, lower/upper per level) plus the future time labels.
 *
 * <p>Invariants checked on construction: every value finite, {@code lower ≤ mean ≤ upper}, and intervals of
 * higher levels contain those of lower levels. Immutable; array getters return copies.
 *
 * @since 0.1.0
 */
public final class Forecast {

    private final String model;
    private final TimeSeries history;
    private final double[] mean;
    private final double[] standardErrors;
    private final List<Level> levels;
    private final double[][] lower;
    private final double[][] upper;

    private Forecast(String model, TimeSeries history, double[] mean, double[] se, List<Level> levels,
                     double[][] lower, double[][] upper) {
        this.model = model;
        this.history = history;
        this.mean = mean;
        this.standardErrors = se;
        this.levels = levels;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * Builds a forecast from explicit limits.
     *
     * @param model   description of the model, e.g. {@code "Seasonal naive (period 7)"}
     * @param history the series that was forecast (for future labels); only its metadata is used
     * @param mean    point forecasts, length h &ge; 1. Not modified.
     * @param se      forecast standard errors (length h) or null when the model has none. Not modified.
     * @param levels  interval levels, ascending, distinct
     * @param lower   lower limits, {@code lower[level][step]}. Not modified.
     * @param upper   upper limits, {@code upper[level][step]}. Not modified.
     * @return the forecast
     * @throws IllegalArgumentException on shape mismatch, non-finite values, or violated ordering
     */
    public static Forecast of(String model, TimeSeries history, double[] mean, double[] se, List<Level> levels,
                              double[][] lower, double[][] upper) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(levels, "levels");
        int h = mean.length;
        Checks.requireArgument(h >= 1, "horizon must be > 0, got %d", h);
        Checks.requireFinite(mean, "mean");
        if (se != null) {
            Checks.requireArgument(se.length == h, "se length %d != horizon %d", se.length, h);
            Checks.requireFinite(se, "se");
        }
        Checks.requireArgument(lower.length == levels.size() && upper.length == levels.size(),
                "lower/upper must have one row per level (%d), got %d and %d", levels.size(), lower.length,
                upper.length);
        List<Level> lv = new ArrayList<>(levels);
        for (int k = 1; k < lv.size(); k++) {
            Checks.requireArgument(lv.get(k - 1).compareTo(lv.get(k)) < 0, "levels must be ascending and distinct, got %s",
                    levels);
        }
        double[][] lo = new double[lv.size()][];
        double[][] hi = new double[lv.size()][];
        for (int k = 0; k < lv.size(); k++) {
            Checks.requireArgument(lower[k].length == h && upper[k].length == h,
                    "limits for level %s must have length %d", lv.get(k), h);
            lo[k] = Checks.requireFinite(lower[k].clone(), "lower[" + lv.get(k) + "]");
            hi[k] = Checks.requireFinite(upper[k].clone(), "upper[" + lv.get(k) + "]");
            for (int i = 0; i < h; i++) {
                Checks.requireArgument(lo[k][i] <= mean[i] && mean[i] <= hi[k][i],
                        "step %d level %s: need lower <= mean <= upper, got %s, %s, %s", i + 1, lv.get(k), lo[k][i],
                        mean[i], hi[k][i]);
                if (k > 0) {
                    Checks.requireArgument(lo[k][i] <= lo[k - 1][i] && hi[k][i] >= hi[k - 1][i],
                            "step %d: the %s%% interval must contain the %s%% interval", i + 1, lv.get(k),
                            lv.get(k - 1));
                }
            }
        }
        return new Forecast(model, history, mean.clone(), se == null ? null : se.clone(),
                Collections.unmodifiableList(lv), lo, hi);
    }

    /**
     * Builds a forecast with Gaussian intervals {@code mean ± z·se}, {@code z = Φ⁻¹(0.5 + level/200)}.
     *
     * @param model   description
     * @param history the forecast series
     * @param mean    point forecasts. Not modified.
     * @param se      standard errors, &ge; 0. Not modified.
     * @param levels  levels, ascending
     * @return the forecast
     */
    public static Forecast normal(String model, TimeSeries history, double[] mean, double[] se, List<Level> levels) {
        Checks.requireArgument(se.length == mean.length, "se length %d != mean length %d", se.length, mean.length);
        double[][] lo = new double[levels.size()][mean.length];
        double[][] hi = new double[levels.size()][mean.length];
        for (int k = 0; k < levels.size(); k++) {
            double z = levels.get(k).normalQuantile();
            for (int i = 0; i < mean.length; i++) {
                lo[k][i] = mean[i] - z * se[i];
                hi[k][i] = mean[i] + z * se[i];
            }
        }
        return of(model, history, mean, se, levels, lo, hi);
    }

    /**
     * Model description, e.g. {@code "ARIMA(1,1,1) with drift"}.
     *
     * @return description
     */
    public String model() {
        return model;
    }

    /**
     * Number of steps ahead.
     *
     * @return h
     */
    public int horizon() {
        return mean.length;
    }

    /**
     * Point forecasts.
     *
     * @return copy of the means
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * Forecast standard errors, if the model provides them.
     *
     * @return copy, or null
     */
    public double[] standardErrors() {
        return standardErrors == null ? null : standardErrors.clone();
    }

    /**
     * Interval levels, ascending.
     *
     * @return unmodifiable list
     */
    public List<Level> levels() {
        return levels;
    }

    /**
     * Lower limits at a level.
     *
     * @param level one of {@link #levels()}
     * @return copy of the limits
     * @throws IllegalArgumentException if the level was not computed
     */
    public double[] lower(Level level) {
        return lower[indexOf(level)].clone();
    }

    /**
     * Upper limits at a level.
     *
     * @param level one of {@link #levels()}
     * @return copy of the limits
     * @throws IllegalArgumentException if the level was not computed
     */
    public double[] upper(Level level) {
        return upper[indexOf(level)].clone();
    }

    /**
     * Lower limits at a level given in percent.
     *
     * @param percent level in percent
     * @return copy of the limits
     */
    public double[] lower(double percent) {
        return lower(new Level(percent));
    }

    /**
     * Upper limits at a level given in percent.
     *
     * @param percent level in percent
     * @return copy of the limits
     */
    public double[] upper(double percent) {
        return upper(new Level(percent));
    }

    /**
     * Labels of the forecast steps (ISO dates, date-times or indices).
     *
     * @return labels, length h
     */
    public List<String> labels() {
        return history.futureLabels(mean.length);
    }

    /**
     * Timestamps of the forecast steps.
     *
     * @return timestamps
     * @throws IllegalStateException if the series has no dates
     */
    public List<LocalDateTime> timestamps() {
        return history.futureTimestamps(mean.length);
    }

    /**
     * The forecast means as a series continuing the history.
     *
     * @return a series starting one step after the history ends
     */
    public TimeSeries meanSeries() {
        return history.window(history.length(), history.length()).withValues(mean).build();
    }

    /**
     * Name of the series that was forecast (may be null).
     *
     * @return series name
     */
    public String seriesName() {
        return history.name();
    }

    private int indexOf(Level level) {
        int k = levels.indexOf(level);
        Checks.requireArgument(k >= 0, "level %s was not computed; available: %s", level, levels);
        return k;
    }

    @Override
    public String toString() {
        return "Forecast[" + model + ", h=" + mean.length + ", levels=" + levels + ", mean=" + Arrays.toString(mean)
                + "]";
    }
}
