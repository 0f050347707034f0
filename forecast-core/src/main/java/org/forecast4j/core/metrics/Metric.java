package org.forecast4j.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.forecast4j.core.Level;

/**
 * The accuracy metrics forecast4j computes, with a short id (for command lines and JSON) and a display label.
 * Point metrics compare the point forecast with the actuals; interval metrics ({@link #isInterval()}) are
 * computed at a prediction-interval {@link Level}. Formulas are in {@link Metrics}.
 *
 * @since 0.1.0
 */
public enum Metric {
    /** Mean absolute error. */
    MAE("mae", "MAE", false),
    /** Mean squared error. */
    MSE("mse", "MSE", false),
    /** Root mean squared error. */
    RMSE("rmse", "RMSE", false),
    /** Mean absolute percentage error, in percent. */
    MAPE("mape", "MAPE", false),
    /** Symmetric mean absolute percentage error (M4 definition), in percent, in [0, 200]. */
    SMAPE("smape", "sMAPE", false),
    /** Mean absolute scaled error (seasonal-naive in-sample scaling). */
    MASE("mase", "MASE", false),
    /** Weighted absolute percentage error, as a fraction: sum of absolute errors over sum of absolute actuals. */
    WAPE("wape", "WAPE", false),
    /** Share of actuals inside the prediction interval, as a fraction in [0, 1]. */
    COVERAGE("coverage", "Coverage", true),
    /** Mean scaled interval score (M4 definition). */
    MSIS("msis", "MSIS", true),
    /** Pinball (quantile) loss of the interval's two limits, averaged. */
    PINBALL("pinball", "Pinball", true);

    private final String id;
    private final String label;
    private final boolean interval;

    Metric(String id, String label, boolean interval) {
        this.id = id;
        this.label = label;
        this.interval = interval;
    }

    /**
     * The lower-case identifier, e.g. {@code "smape"}.
     *
     * @return id
     */
    public String id() {
        return id;
    }

    /**
     * The display label, e.g. {@code "sMAPE"}.
     *
     * @return label
     */
    public String label() {
        return label;
    }

    /**
     * Whether the metric evaluates a prediction interval at a level (coverage, MSIS, pinball).
     *
     * @return true for interval metrics
     */
    public boolean isInterval() {
        return interval;
    }

    /**
     * A column name for a table: the label for point metrics, {@code "Coverage[80]"} for an interval metric at
     * level 80.
     *
     * @param level the level of an interval metric; ignored (may be null) for point metrics
     * @return the column name
     * @throws IllegalArgumentException if this is an interval metric and {@code level} is null
     */
    public String columnName(Level level) {
        if (!interval) {
            return label;
        }
        if (level == null) {
            throw new IllegalArgumentException(label + " is an interval metric and needs a level, got null");
        }
        return label + "[" + level + "]";
    }

    /**
     * Parses an id or label, case-insensitively ({@code "smape"}, {@code "sMAPE"}, {@code "MASE"}).
     *
     * @param text the name
     * @return the metric
     * @throws IllegalArgumentException if no metric has that name; the message lists the names
     */
    public static Metric parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Metric m : values()) {
                if (m.id.equals(t)) {
                    return m;
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (Metric m : values()) {
            ids.add(m.id);
        }
        throw new IllegalArgumentException("metric must be one of " + String.join(", ", ids) + ", got '" + text
                + "'");
    }

    /**
     * The point metrics, in declaration order.
     *
     * @return unmodifiable list
     */
    public static List<Metric> pointMetrics() {
        List<Metric> out = new ArrayList<>();
        for (Metric m : values()) {
            if (!m.interval) {
                out.add(m);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The interval metrics, in declaration order.
     *
     * @return unmodifiable list
     */
    public static List<Metric> intervalMetrics() {
        List<Metric> out = new ArrayList<>();
        for (Metric m : values()) {
            if (m.interval) {
                out.add(m);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
