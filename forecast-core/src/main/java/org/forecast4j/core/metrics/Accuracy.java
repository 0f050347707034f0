package org.forecast4j.core.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;

/**
 * A set of accuracy metrics computed together: point metrics ({@link #get(Metric)}) and interval metrics at each
 * level ({@link #get(Metric, Level)}). The formulas are those of {@link Metrics}; an {@link Accumulator} builds
 * an {@code Accuracy} over many forecasts (the folds and series of a backtest), pooling every observed step with
 * equal weight, so that for one forecast the two agree exactly.
 *
 * <pre>{@code
 * Accuracy a = Accuracy.of(test.values(), forecast, train);
 * double mase = a.get(Metric.MASE).value();
 * double coverage95 = a.get(Metric.COVERAGE, new Level(95)).value();
 * }</pre>
 *
 * <p>Immutable.
 *
 * @since 0.1.0
 */
public final class Accuracy {

    private final Map<Metric, MetricValue> point;
    private final List<Level> levels;
    private final Map<Metric, List<MetricValue>> interval;
    private final int count;

    private Accuracy(Map<Metric, MetricValue> point, List<Level> levels, Map<Metric, List<MetricValue>> interval,
                     int count) {
        this.point = point;
        this.levels = levels;
        this.interval = interval;
        this.count = count;
    }

    /**
     * Every metric of a forecast against actuals, with the MASE/MSIS scale from the training series at its
     * seasonal period, and interval metrics at the forecast's levels.
     *
     * @param actual   actuals for the forecast steps (length {@code forecast.horizon()}), NaN for missing.
     *                 Not modified.
     * @param forecast the forecast
     * @param training the series the forecast was made from (scale of MASE and MSIS)
     * @return the metrics
     * @throws IllegalArgumentException if {@code actual} has the wrong length or an infinite value
     */
    public static Accuracy of(double[] actual, Forecast forecast, TimeSeries training) {
        Objects.requireNonNull(training, "training");
        return of(actual, forecast, training.values(), training.period());
    }

    /**
     * Every metric of a forecast against actuals, with the MASE/MSIS scale from {@code training} at
     * {@code period}.
     *
     * @param actual   actuals (length {@code forecast.horizon()}), NaN for missing. Not modified.
     * @param forecast the forecast
     * @param training training values. Not modified.
     * @param period   seasonal period of the scale, &ge; 1
     * @return the metrics
     * @throws IllegalArgumentException if {@code actual} has the wrong length or an infinite value
     */
    public static Accuracy of(double[] actual, Forecast forecast, double[] training, int period) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(forecast, "forecast");
        Checks.requireArgument(actual.length == forecast.horizon(), "actual length %d != forecast horizon %d",
                actual.length, forecast.horizon());
        Accumulator acc = accumulator(EnumSet.allOf(Metric.class), forecast.levels());
        acc.add(null, actual, forecast, Metrics.maseScale(training, period));
        return acc.result();
    }

    /**
     * Starts an accumulator of the given metrics at the given levels.
     *
     * @param metrics metrics to compute (interval metrics only if {@code levels} is non-empty)
     * @param levels  interval levels, ascending and distinct
     * @return an empty accumulator
     */
    public static Accumulator accumulator(Collection<Metric> metrics, List<Level> levels) {
        return new Accumulator(metrics, levels);
    }

    /**
     * Metrics present in this result (interval metrics only if there are levels).
     *
     * @return the metrics, in declaration order
     */
    public Set<Metric> metrics() {
        EnumSet<Metric> s = EnumSet.noneOf(Metric.class);
        s.addAll(point.keySet());
        if (!levels.isEmpty()) {
            s.addAll(interval.keySet());
        }
        return Collections.unmodifiableSet(s);
    }

    /**
     * Levels of the interval metrics.
     *
     * @return unmodifiable ascending list (empty if no interval was evaluated)
     */
    public List<Level> levels() {
        return levels;
    }

    /**
     * Number of observed (non-missing) steps the metrics were computed on.
     *
     * @return count
     */
    public int count() {
        return count;
    }

    /**
     * A point metric.
     *
     * @param metric a point metric that was computed
     * @return its value
     * @throws IllegalArgumentException if {@code metric} is an interval metric or was not computed
     */
    public MetricValue get(Metric metric) {
        Objects.requireNonNull(metric, "metric");
        Checks.requireArgument(!metric.isInterval(), "%s is an interval metric; use get(metric, level)",
                metric.label());
        MetricValue v = point.get(metric);
        Checks.requireArgument(v != null, "%s was not computed; available: %s", metric.label(), point.keySet());
        return v;
    }

    /**
     * An interval metric at a level.
     *
     * @param metric an interval metric that was computed
     * @param level  one of {@link #levels()}
     * @return its value
     * @throws IllegalArgumentException if {@code metric} is a point metric, or was not computed at this level
     */
    public MetricValue get(Metric metric, Level level) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(level, "level");
        Checks.requireArgument(metric.isInterval(), "%s is a point metric; use get(metric)", metric.label());
        List<MetricValue> v = interval.get(metric);
        int k = levels.indexOf(level);
        Checks.requireArgument(v != null && k >= 0, "%s was not computed at level %s; levels: %s",
                metric.label(), level, levels);
        return v.get(k);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Accuracy[n=").append(count);
        for (Map.Entry<Metric, MetricValue> e : point.entrySet()) {
            b.append(", ").append(e.getKey().label()).append('=').append(e.getValue());
        }
        for (Map.Entry<Metric, List<MetricValue>> e : interval.entrySet()) {
            for (int k = 0; k < levels.size(); k++) {
                b.append(", ").append(e.getKey().columnName(levels.get(k))).append('=').append(e.getValue().get(k));
            }
        }
        return b.append(']').toString();
    }

    /**
     * Pools observations from many forecasts into one {@link Accuracy}: every observed step counts once, so
     * means are over all steps of all added forecasts, WAPE is a ratio of pooled sums, and MASE and MSIS divide
     * each step's error by the scale of the training series that step was forecast from.
     *
     * <p>Not thread-safe; {@link #result()} may be called any number of times.
     */
    public static final class Accumulator {
        private final EnumSet<Metric> metrics;
        private final List<Level> levels;
        private int n;
        private double sumAbs;
        private double sumSq;
        private double sumApe;
        private double sumSape;
        private double sumScaled;
        private double sumAbsActual;
        private String mapeReason;
        private String smapeReason;
        private String scaleReason;
        private final int[] covered;
        private final double[] sumScaledIs;
        private final double[] sumPinball;

        private Accumulator(Collection<Metric> metrics, List<Level> levels) {
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(levels, "levels");
            this.metrics = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
            List<Level> lv = new ArrayList<>(levels);
            for (int k = 1; k < lv.size(); k++) {
                Checks.requireArgument(lv.get(k - 1).compareTo(lv.get(k)) < 0,
                        "levels must be ascending and distinct, got %s", levels);
            }
            this.levels = Collections.unmodifiableList(lv);
            this.covered = new int[lv.size()];
            this.sumScaledIs = new double[lv.size()];
            this.sumPinball = new double[lv.size()];
        }

        /**
         * Adds every step of a forecast.
         *
         * @param origin   where the forecast comes from, used in "undefined" reasons (e.g. {@code "fold 2"}), or
         *                 null
         * @param actual   actuals, length {@code forecast.horizon()}, NaN for missing. Not modified.
         * @param forecast the forecast; must have every level of this accumulator
         * @param scale    the MASE/MSIS scale of the forecast's training series ({@link Metrics#maseScale})
         * @return this accumulator
         * @throws IllegalArgumentException on a length mismatch, an infinite actual, or a missing level
         */
        public Accumulator add(String origin, double[] actual, Forecast forecast, MetricValue scale) {
            Objects.requireNonNull(actual, "actual");
            Objects.requireNonNull(forecast, "forecast");
            Checks.requireArgument(actual.length <= forecast.horizon(), "actual length %d > forecast horizon %d",
                    actual.length, forecast.horizon());
            double[] mean = forecast.mean();
            double[][] lo = new double[levels.size()][];
            double[][] hi = new double[levels.size()][];
            for (int k = 0; k < levels.size(); k++) {
                lo[k] = forecast.lower(levels.get(k));
                hi[k] = forecast.upper(levels.get(k));
            }
            double[] l = new double[levels.size()];
            double[] u = new double[levels.size()];
            for (int t = 0; t < actual.length; t++) {
                for (int k = 0; k < l.length; k++) {
                    l[k] = lo[k][t];
                    u[k] = hi[k][t];
                }
                add(origin, t, actual[t], mean[t], l, u, scale);
            }
            return this;
        }

        /**
         * Adds one step.
         *
         * @param origin   where the forecast comes from, for reasons (e.g. {@code "fold 2"}), or null
         * @param step     step index (0-based) for reasons
         * @param actual   the actual; NaN (missing) is skipped
         * @param forecast the point forecast, finite
         * @param lower    lower limits, one per level of this accumulator (may be null if there are none).
         *                 Not modified.
         * @param upper    upper limits, one per level. Not modified.
         * @param scale    MASE/MSIS scale of the training series the forecast came from
         * @return this accumulator
         * @throws IllegalArgumentException if {@code actual} is infinite, a forecast or limit is not finite, or the
         *                                  limits do not match the levels
         */
        public Accumulator add(String origin, int step, double actual, double forecast, double[] lower, double[] upper,
                               MetricValue scale) {
            // checks without varargs or boxing: this runs once per step of every fold of a backtest
            if (Double.isInfinite(actual)) {
                throw Metrics.fail("actual must be finite or NaN, got %s", actual);
            }
            if (!Double.isFinite(forecast)) {
                throw Metrics.fail("forecast must be finite, got %s", forecast);
            }
            Objects.requireNonNull(scale, "scale");
            if (!levels.isEmpty()) {
                if (lower == null || upper == null || lower.length != levels.size() || upper.length != levels.size()) {
                    throw Metrics.fail("need one lower and upper limit per level %s", levels);
                }
            }
            if (Double.isNaN(actual)) {
                return this;
            }
            double e = actual - forecast;
            double ae = Math.abs(e);
            n++;
            sumAbs += ae;
            sumSq += e * e;
            sumAbsActual += Math.abs(actual);
            if (actual == 0) {
                if (mapeReason == null) {
                    mapeReason = "zero actual at " + position(origin, step);
                }
            } else {
                sumApe += ae / Math.abs(actual);
            }
            double d = Math.abs(actual) + Math.abs(forecast);
            if (d == 0) {
                if (smapeReason == null) {
                    smapeReason = "actual and forecast both zero at " + position(origin, step);
                }
            } else {
                sumSape += ae / d;
            }
            double q = scale.isDefined() ? scale.value() : Double.NaN;
            if (scale.isDefined()) {
                sumScaled += ae / q;
            } else if (scaleReason == null) {
                scaleReason = scale.reason().orElseThrow() + (origin != null ? " (" + origin + ")" : "");
            }
            for (int k = 0; k < covered.length; k++) {
                double lo = lower[k];
                double hi = upper[k];
                if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
                    throw Metrics.fail("limits must be finite with lower <= upper, got [%s, %s]", lo, hi);
                }
                if (lo <= actual && actual <= hi) {
                    covered[k]++;
                }
                double tau = levels.get(k).lowerTail();
                sumPinball[k] += 0.5 * (Metrics.pinballLoss(actual, lo, tau)
                        + Metrics.pinballLoss(actual, hi, 1 - tau));
                if (scale.isDefined()) {
                    sumScaledIs[k] += Metrics.intervalScore(actual, lo, hi, 1.0 - levels.get(k).percent() / 100.0) / q;
                }
            }
            return this;
        }

        /**
         * Number of observed steps added so far.
         *
         * @return count
         */
        public int count() {
            return n;
        }

        /**
         * The metrics of everything added so far.
         *
         * @return an immutable result
         */
        public Accuracy result() {
            EnumMap<Metric, MetricValue> p = new EnumMap<>(Metric.class);
            EnumMap<Metric, List<MetricValue>> iv = new EnumMap<>(Metric.class);
            for (Metric m : metrics) {
                if (m.isInterval()) {
                    if (!levels.isEmpty()) {
                        List<MetricValue> vs = new ArrayList<>(levels.size());
                        for (int k = 0; k < levels.size(); k++) {
                            vs.add(intervalValue(m, k));
                        }
                        iv.put(m, Collections.unmodifiableList(vs));
                    }
                } else {
                    p.put(m, pointValue(m));
                }
            }
            return new Accuracy(Collections.unmodifiableMap(p), levels, Collections.unmodifiableMap(iv), n);
        }

        private MetricValue pointValue(Metric m) {
            if (n == 0) {
                return MetricValue.undefined(m, "no observed actual values");
            }
            switch (m) {
                case MAE:
                    return MetricValue.computed(m, sumAbs / n);
                case MSE:
                    return MetricValue.computed(m, sumSq / n);
                case RMSE:
                    return MetricValue.computed(m, Math.sqrt(sumSq / n));
                case MAPE:
                    return mapeReason != null ? MetricValue.undefined(m, mapeReason)
                            : MetricValue.computed(m, 100.0 * sumApe / n);
                case SMAPE:
                    return smapeReason != null ? MetricValue.undefined(m, smapeReason)
                            : MetricValue.computed(m, 200.0 * sumSape / n);
                case MASE:
                    return scaleReason != null ? MetricValue.undefined(m, scaleReason)
                            : MetricValue.computed(m, sumScaled / n);
                case WAPE:
                    return sumAbsActual == 0 ? MetricValue.undefined(m, "sum of absolute actuals is zero")
                            : MetricValue.computed(m, sumAbs / sumAbsActual);
                default:
                    throw new IllegalStateException("not a point metric: " + m);
            }
        }

        private MetricValue intervalValue(Metric m, int k) {
            if (n == 0) {
                return MetricValue.undefined(m, "no observed actual values");
            }
            switch (m) {
                case COVERAGE:
                    return MetricValue.computed(m, (double) covered[k] / n);
                case MSIS:
                    return scaleReason != null ? MetricValue.undefined(m, scaleReason)
                            : MetricValue.computed(m, sumScaledIs[k] / n);
                case PINBALL:
                    return MetricValue.computed(m, sumPinball[k] / n);
                default:
                    throw new IllegalStateException("not an interval metric: " + m);
            }
        }

        private static String position(String origin, int step) {
            return origin != null ? String.format(Locale.ROOT, "%s, step %d", origin, step + 1)
                    : "step " + (step + 1);
        }
    }
}
