package org.forecast4j.core.metrics;

import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Level;

/**
 * Accuracy metrics over primitive arrays. Each function compares actuals <code>y<sub>t</sub></code> with forecasts
 * <code>ŷ<sub>t</sub></code>, {@code t = 1..h}, writing <code>e<sub>t</sub> = y<sub>t</sub> − ŷ<sub>t</sub></code>.
 *
 * <p>Conventions shared by every function:
 * <ul>
 *   <li>A NaN actual is a missing observation: that step is skipped, and {@code h} counts observed steps only
 *       (as R's {@code accuracy} with {@code na.rm = TRUE}). With no observed step the result is undefined.</li>
 *   <li>Forecasts and interval limits must be finite, actuals finite or NaN; anything else is an
 *       {@link IllegalArgumentException}, as is a length mismatch.</li>
 *   <li>A division by zero makes the result undefined ({@link MetricValue#isDefined()} false) with the reason
 *       and the first step (1-based) where it happened — never NaN or infinity.</li>
 * </ul>
 *
 * <p>References: Hyndman &amp; Koehler (2006), "Another look at measures of forecast accuracy",
 * <i>International Journal of Forecasting</i> 22(4), 679–688 (MASE); M4 Competitor's Guide (2018) (sMAPE, MSIS);
 * Koenker &amp; Bassett (1978) (pinball loss); R {@code forecast::accuracy}.
 *
 * @since 0.1.0
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Mean absolute error <code>MAE = (1/h) Σ |e<sub>t</sub>|</code>.
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param forecast point forecasts, same length. Not modified.
     * @return MAE; undefined only when no actual is observed
     * @throws IllegalArgumentException on length mismatch or non-finite forecasts
     */
    public static MetricValue mae(double[] actual, double[] forecast) {
        checkPair(actual, forecast);
        double s = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            if (!Double.isNaN(actual[t])) {
                s += Math.abs(actual[t] - forecast[t]);
                n++;
            }
        }
        return n == 0 ? noActuals(Metric.MAE) : MetricValue.computed(Metric.MAE, s / n);
    }

    /**
     * Mean squared error <code>MSE = (1/h) Σ e<sub>t</sub>²</code>.
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param forecast point forecasts, same length. Not modified.
     * @return MSE; undefined only when no actual is observed
     * @throws IllegalArgumentException on length mismatch or non-finite forecasts
     */
    public static MetricValue mse(double[] actual, double[] forecast) {
        checkPair(actual, forecast);
        double s = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            if (!Double.isNaN(actual[t])) {
                double e = actual[t] - forecast[t];
                s += e * e;
                n++;
            }
        }
        return n == 0 ? noActuals(Metric.MSE) : MetricValue.computed(Metric.MSE, s / n);
    }

    /**
     * Root mean squared error <code>RMSE = √((1/h) Σ e<sub>t</sub>²)</code>.
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param forecast point forecasts, same length. Not modified.
     * @return RMSE; undefined only when no actual is observed
     * @throws IllegalArgumentException on length mismatch or non-finite forecasts
     */
    public static MetricValue rmse(double[] actual, double[] forecast) {
        MetricValue m = mse(actual, forecast);
        return m.isDefined() ? MetricValue.computed(Metric.RMSE, Math.sqrt(m.value()))
                : MetricValue.undefined(Metric.RMSE, m.reason().orElseThrow());
    }

    /**
     * Mean absolute percentage error, in percent: <code>MAPE = (100/h) Σ |e<sub>t</sub> / y<sub>t</sub>|</code>.
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param forecast point forecasts, same length. Not modified.
     * @return MAPE; undefined when an observed actual is zero ({@code "zero actual at step 3"})
     * @throws IllegalArgumentException on length mismatch or non-finite forecasts
     */
    public static MetricValue mape(double[] actual, double[] forecast) {
        checkPair(actual, forecast);
        double s = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            double y = actual[t];
            if (Double.isNaN(y)) {
                continue;
            }
            if (y == 0) {
                return MetricValue.undefined(Metric.MAPE, "zero actual at step " + (t + 1));
            }
            s += Math.abs((y - forecast[t]) / y);
            n++;
        }
        return n == 0 ? noActuals(Metric.MAPE) : MetricValue.computed(Metric.MAPE, 100.0 * s / n);
    }

    /**
     * Symmetric MAPE in the M4 definition, in percent:
     * <code>sMAPE = (200/h) Σ |y<sub>t</sub> − ŷ<sub>t</sub>| / (|y<sub>t</sub>| + |ŷ<sub>t</sub>|)</code>,
     * in [0, 200].
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param forecast point forecasts, same length. Not modified.
     * @return sMAPE; undefined when an actual and its forecast are both zero (0/0)
     * @throws IllegalArgumentException on length mismatch or non-finite forecasts
     */
    public static MetricValue smape(double[] actual, double[] forecast) {
        checkPair(actual, forecast);
        double s = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            double y = actual[t];
            if (Double.isNaN(y)) {
                continue;
            }
            double d = Math.abs(y) + Math.abs(forecast[t]);
            if (d == 0) {
                return MetricValue.undefined(Metric.SMAPE, "actual and forecast both zero at step " + (t + 1));
            }
            s += Math.abs(y - forecast[t]) / d;
            n++;
        }
        return n == 0 ? noActuals(Metric.SMAPE) : MetricValue.computed(Metric.SMAPE, 200.0 * s / n);
    }

    /**
     * Weighted absolute percentage error, as a fraction: <code>WAPE = Σ |e<sub>t</sub>| / Σ |y<sub>t</sub>|</code>.
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param forecast point forecasts, same length. Not modified.
     * @return WAPE; undefined when every observed actual is zero
     * @throws IllegalArgumentException on length mismatch or non-finite forecasts
     */
    public static MetricValue wape(double[] actual, double[] forecast) {
        checkPair(actual, forecast);
        double se = 0;
        double sy = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            if (!Double.isNaN(actual[t])) {
                se += Math.abs(actual[t] - forecast[t]);
                sy += Math.abs(actual[t]);
                n++;
            }
        }
        if (n == 0) {
            return noActuals(Metric.WAPE);
        }
        return sy == 0 ? MetricValue.undefined(Metric.WAPE, "sum of absolute actuals is zero")
                : MetricValue.computed(Metric.WAPE, se / sy);
    }

    /**
     * The MASE/MSIS scale: the in-sample mean absolute error of the seasonal naive method on the training series,
     * <code>Q = (1/(n−m)) Σ<sub>t=m+1..n</sub> |x<sub>t</sub> − x<sub>t−m</sub>|</code> (the naive method when
     * {@code m = 1}), as R's {@code accuracy} and the M4 competition. Pairs with a missing value are skipped.
     *
     * @param training the training series {@code x}, NaN for missing. Not modified.
     * @param period   seasonal period {@code m} &ge; 1
     * @return the scale (labelled {@link Metric#MASE}); undefined when no observed pair is {@code m} apart or
     *         when the scale is zero (a series that repeats exactly every {@code m} steps)
     * @throws IllegalArgumentException if {@code period < 1} or a training value is infinite
     */
    public static MetricValue maseScale(double[] training, int period) {
        Objects.requireNonNull(training, "training");
        Checks.requirePositive(period, "period");
        double s = 0;
        int n = 0;
        for (int t = 0; t < training.length; t++) {
            if (Double.isInfinite(training[t])) {
                throw fail("training[%d] must be finite or NaN, got %s", t, training[t]);
            }
            if (t >= period) {
                double d = training[t] - training[t - period];
                if (!Double.isNaN(d)) {
                    s += Math.abs(d);
                    n++;
                }
            }
        }
        if (n == 0) {
            return MetricValue.undefined(Metric.MASE, String.format(Locale.ROOT,
                    "scale undefined: training series (length %d) has no two observed values %d steps apart",
                    training.length, period));
        }
        if (s == 0) {
            return MetricValue.undefined(Metric.MASE, String.format(Locale.ROOT,
                    "scale is zero: training series has no in-sample seasonal naive error at lag %d", period));
        }
        return MetricValue.computed(Metric.MASE, s / n);
    }

    /**
     * Mean absolute scaled error <code>MASE = (1/h) Σ |e<sub>t</sub>| / Q</code> with {@code Q} the in-sample
     * seasonal-naive scale of {@link #maseScale(double[], int)} (Hyndman &amp; Koehler 2006).
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param forecast point forecasts, same length. Not modified.
     * @param training the series the forecast was made from. Not modified.
     * @param period   seasonal period {@code m} &ge; 1 of the scale
     * @return MASE; undefined when the scale is
     * @throws IllegalArgumentException on length mismatch, non-finite forecasts, or {@code period < 1}
     */
    public static MetricValue mase(double[] actual, double[] forecast, double[] training, int period) {
        MetricValue scale = maseScale(training, period);
        MetricValue mae = mae(actual, forecast);
        if (!scale.isDefined()) {
            return scale;
        }
        return mae.isDefined() ? MetricValue.computed(Metric.MASE, mae.value() / scale.value())
                : MetricValue.undefined(Metric.MASE, mae.reason().orElseThrow());
    }

    /**
     * Interval coverage, a fraction in [0, 1]:
     * <code>(1/h) Σ 1{l<sub>t</sub> ≤ y<sub>t</sub> ≤ u<sub>t</sub>}</code>.
     *
     * @param actual actuals, NaN for missing. Not modified.
     * @param lower  lower limits, same length. Not modified.
     * @param upper  upper limits, same length, {@code ≥ lower}. Not modified.
     * @return coverage; undefined only when no actual is observed
     * @throws IllegalArgumentException on length mismatch, non-finite limits or {@code lower > upper}
     */
    public static MetricValue coverage(double[] actual, double[] lower, double[] upper) {
        checkInterval(actual, lower, upper);
        int in = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            double y = actual[t];
            if (!Double.isNaN(y)) {
                n++;
                if (lower[t] <= y && y <= upper[t]) {
                    in++;
                }
            }
        }
        return n == 0 ? noActuals(Metric.COVERAGE) : MetricValue.computed(Metric.COVERAGE, (double) in / n);
    }

    /**
     * The interval score of one step at level {@code 100(1−α)}% (Gneiting &amp; Raftery 2007):
     * {@code IS = (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}}.
     *
     * @param actual the actual value
     * @param lower  lower limit
     * @param upper  upper limit
     * @param alpha  {@code 1 − level/100}, in (0, 1)
     * @return the score, &ge; 0
     */
    public static double intervalScore(double actual, double lower, double upper, double alpha) {
        double s = upper - lower;
        if (actual < lower) {
            s += 2.0 / alpha * (lower - actual);
        } else if (actual > upper) {
            s += 2.0 / alpha * (actual - upper);
        }
        return s;
    }

    /**
     * Mean scaled interval score in the M4 definition: <code>MSIS = (1/h) Σ IS<sub>t</sub> / Q</code> with the
     * interval score {@link #intervalScore} at {@code α = 1 − level/100} and the seasonal-naive scale {@code Q} of
     * {@link #maseScale(double[], int)}.
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param lower    lower limits at {@code level}. Not modified.
     * @param upper    upper limits at {@code level}. Not modified.
     * @param level    the interval's level (the M4 used 95)
     * @param training the series the forecast was made from. Not modified.
     * @param period   seasonal period {@code m} &ge; 1 of the scale
     * @return MSIS; undefined when the scale is
     * @throws IllegalArgumentException on length mismatch, non-finite limits, {@code lower > upper} or
     *                                  {@code period < 1}
     */
    public static MetricValue msis(double[] actual, double[] lower, double[] upper, Level level, double[] training,
                                   int period) {
        checkInterval(actual, lower, upper);
        Objects.requireNonNull(level, "level");
        MetricValue scale = maseScale(training, period);
        if (!scale.isDefined()) {
            return MetricValue.undefined(Metric.MSIS, scale.reason().orElseThrow());
        }
        double alpha = 1.0 - level.percent() / 100.0;
        double s = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            if (!Double.isNaN(actual[t])) {
                s += intervalScore(actual[t], lower[t], upper[t], alpha);
                n++;
            }
        }
        return n == 0 ? noActuals(Metric.MSIS) : MetricValue.computed(Metric.MSIS, s / n / scale.value());
    }

    /**
     * Pinball (quantile) loss of a quantile forecast {@code q} at probability {@code τ}:
     * <code>(1/h) Σ ρ<sub>τ</sub>(y<sub>t</sub> − q<sub>t</sub>)</code> with
     * <code>ρ<sub>τ</sub>(u) = max(τu, (τ − 1)u)</code>.
     *
     * @param actual   actuals, NaN for missing. Not modified.
     * @param quantile quantile forecasts, same length. Not modified.
     * @param tau      probability level of the quantile, in (0, 1)
     * @return the mean loss, &ge; 0; undefined only when no actual is observed
     * @throws IllegalArgumentException on length mismatch, non-finite forecasts or {@code tau} outside (0, 1)
     */
    public static MetricValue pinball(double[] actual, double[] quantile, double tau) {
        checkPair(actual, quantile);
        Checks.requireArgument(tau > 0 && tau < 1, "tau must be in (0, 1), got %s", tau);
        double s = 0;
        int n = 0;
        for (int t = 0; t < actual.length; t++) {
            if (!Double.isNaN(actual[t])) {
                s += pinballLoss(actual[t], quantile[t], tau);
                n++;
            }
        }
        return n == 0 ? noActuals(Metric.PINBALL) : MetricValue.computed(Metric.PINBALL, s / n);
    }

    /**
     * Pinball loss of a central prediction interval, read as two quantile forecasts: the lower limit at
     * {@code τ = α/2} and the upper limit at {@code τ = 1 − α/2}, {@code α = 1 − level/100}; the result is the
     * average of the two mean losses.
     *
     * @param actual actuals, NaN for missing. Not modified.
     * @param lower  lower limits. Not modified.
     * @param upper  upper limits. Not modified.
     * @param level  the interval's level
     * @return the mean pinball loss of the two limits
     * @throws IllegalArgumentException on length mismatch, non-finite limits or {@code lower > upper}
     */
    public static MetricValue pinball(double[] actual, double[] lower, double[] upper, Level level) {
        checkInterval(actual, lower, upper);
        double tau = level.lowerTail();
        MetricValue lo = pinball(actual, lower, tau);
        MetricValue hi = pinball(actual, upper, 1 - tau);
        return lo.isDefined() ? MetricValue.computed(Metric.PINBALL, 0.5 * (lo.value() + hi.value())) : lo;
    }

    /**
     * The pinball loss of one step, <code>ρ<sub>τ</sub>(y − q) = max(τ(y − q), (τ − 1)(y − q))</code>.
     *
     * @param actual   the actual value
     * @param quantile the quantile forecast
     * @param tau      probability in (0, 1)
     * @return the loss, &ge; 0
     */
    public static double pinballLoss(double actual, double quantile, double tau) {
        double u = actual - quantile;
        return u >= 0 ? tau * u : (tau - 1) * u;
    }

    /** Builds the exception only on failure, so per-element checks neither box nor allocate. */
    static IllegalArgumentException fail(String template, Object... args) {
        return new IllegalArgumentException(String.format(Locale.ROOT, template, args));
    }

    private static MetricValue noActuals(Metric m) {
        return MetricValue.undefined(m, "no observed actual values");
    }

    static void checkPair(double[] actual, double[] forecast) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(forecast, "forecast");
        Checks.requireArgument(actual.length == forecast.length, "actual length %d != forecast length %d",
                actual.length, forecast.length);
        checkActuals(actual);
        Checks.requireFinite(forecast, "forecast");
    }

    static void checkInterval(double[] actual, double[] lower, double[] upper) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        Checks.requireArgument(actual.length == lower.length && actual.length == upper.length,
                "actual, lower and upper must have the same length, got %d, %d and %d", actual.length,
                lower.length, upper.length);
        checkActuals(actual);
        Checks.requireFinite(lower, "lower");
        Checks.requireFinite(upper, "upper");
        for (int t = 0; t < lower.length; t++) {
            if (!(lower[t] <= upper[t])) {
                throw fail("lower[%d] = %s must be <= upper[%d] = %s", t, lower[t], t, upper[t]);
            }
        }
    }

    private static void checkActuals(double[] actual) {
        for (int t = 0; t < actual.length; t++) {
            if (Double.isInfinite(actual[t])) {
                throw fail("actual[%d] must be finite or NaN, got %s", t, actual[t]);
            }
        }
    }
}
