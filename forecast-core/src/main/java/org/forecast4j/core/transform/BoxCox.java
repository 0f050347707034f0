package org.forecast4j.core.transform;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Box–Cox power transform (Box &amp; Cox 1964) with a given {@code lambda}, its inverse, the bias-adjusted
 * inverse, and Guerrero's (1993) automatic choice of {@code lambda}.
 *
 * <blockquote>
 *   w = log(x)                          if lambda = 0<br>
 *   w = (sign(x)·|x|<sup>lambda</sup> − 1) / lambda     otherwise
 * </blockquote>
 *
 * <p>When {@code x^(lambda)} is near 1 the power is evaluated as {@code expm1(lambda·log x)/lambda} (and
 * the inverse as {@code exp(log1p(lambda·w)/lambda)}), which equals R's formula to rounding but stays accurate as
 * {@code lambda → 0}, where {@code x^(lambda) − 1} cancels.
 *
 * <p>This is R's {@code forecast::BoxCox}, including its sign extension for {@code lambda > 0} (which keeps the
 * transform monotone and invertible for zero and negative values). For {@code lambda ≤ 0} every value must be
 * {@code > 0}; a value outside the domain is rejected with a message naming it (R would return NA or −Inf).
 * The inverse is {@code x = exp(w)} or {@code sign(t)·|t|^(1/lambda)} with {@code t = lambda·w + 1}; for
 * {@code lambda < 0} a value {@code w ≥ −1/lambda} lies outside the range of the transform and is rejected.
 * {@code NaN} passes through as missing.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References: G. E. P. Box and D. R. Cox (1964), An analysis of transformations, <i>JRSS B</i> 26(2),
 * 211–252. V. M. Guerrero (1993), Time-series analysis supported by power transformations, <i>Journal of
 * Forecasting</i> 12, 37–48.
 *
 * @since 0.1.0
 */
public final class BoxCox implements SeriesTransform {

    private static final Logger LOG = LoggerFactory.getLogger(BoxCox.class);

    /** Default lower bound of Guerrero's search, as {@code forecast::BoxCox.lambda}. */
    public static final double DEFAULT_LOWER = -1;
    /** Default upper bound of Guerrero's search, as {@code forecast::BoxCox.lambda}. */
    public static final double DEFAULT_UPPER = 2;
    /**
     * Lower bound of Guerrero's search when lambda is chosen automatically for a model, as R's
     * {@code BoxCox(x, lambda = "auto")} ({@code BoxCox.lambda(x, lower = -0.9)}), which {@code forecast::Arima} and
     * {@code auto.arima} use.
     */
    public static final double AUTO_LOWER = -0.9;
    /** Minimum subseries length of Guerrero's method for non-seasonal data ({@code nonseasonal.length = 2}). */
    static final int NONSEASONAL_LENGTH = 2;
    /** R's {@code optimize()} tolerance, {@code .Machine$double.eps^0.25}. */
    static final double R_OPTIMIZE_TOL = Math.pow(Math.ulp(1.0), 0.25);
    /** R's {@code fmin} relative tolerance, {@code sqrt(DBL_EPSILON)}. */
    static final double R_FMIN_REL = Math.sqrt(Math.ulp(1.0));
    /**
     * Below this {@code |lambda·log x|} (and {@code |lambda·w|} for the inverse) the expm1/log1p forms are used;
     * above it {@code x^(lambda) − 1} loses at most a factor 2.6 to cancellation and R's plain formula is
     * kept (it is exact for {@code lambda = 1}).
     */
    private static final double SMALL_POWER = 0.5;
    /** Bound on objective evaluations; Brent needs about 20 on [−1, 2] at R's tolerance. */
    private static final int MAX_EVAL = 500;

    private final double lambda;

    private BoxCox(double lambda) {
        this.lambda = lambda;
    }

    /**
     * The transform with a fixed {@code lambda} ({@code 0} is the natural log).
     *
     * @param lambda the power, finite
     * @return the transform
     * @throws IllegalArgumentException if {@code lambda} is not finite
     */
    public static BoxCox of(double lambda) {
        Checks.requireFinite(lambda, "lambda");
        return new BoxCox(lambda);
    }

    /**
     * The transform with Guerrero's lambda for {@code series} on {@code [−1, 2]} using the series' period, as
     * {@code forecast::BoxCox.lambda(x, method = "guerrero")}.
     *
     * @param series the (training) series. Not modified.
     * @return the transform
     * @throws IllegalArgumentException see {@link #guerreroLambda(double[], int, double, double)}
     */
    public static BoxCox guerrero(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return new BoxCox(guerreroLambda(series.values(), series.period(), DEFAULT_LOWER, DEFAULT_UPPER));
    }

    /**
     * The lambda R's {@code BoxCox(x, lambda = "auto")} uses: Guerrero's on {@code [−0.9, 2]}
     * ({@link #AUTO_LOWER}, {@link #DEFAULT_UPPER}; the lower bound becomes 0 for data with non-positive values).
     *
     * @param x      observations, NaN for missing. Not modified.
     * @param period seasonal period of the series, &ge; 1
     * @return lambda
     * @throws IllegalArgumentException see {@link #guerreroLambda(double[], int, double, double)}
     * @since 0.1.0
     */
    public static double autoLambda(double[] x, int period) {
        return guerreroLambda(x, period, AUTO_LOWER, DEFAULT_UPPER);
    }

    /**
     * Returns lambda.
     *
     * @return lambda
     */
    public double lambda() {
        return lambda;
    }

    /**
     * The transform of one value.
     *
     * @param x      value; NaN passes through
     * @param lambda the power
     * @return the transformed value
     * @throws IllegalArgumentException if {@code lambda ≤ 0} and {@code x ≤ 0}
     */
    public static double transform(double x, double lambda) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (lambda <= 0) {
            Checks.requireArgument(x > 0, "Box-Cox with lambda %s needs x > 0, got %s", lambda, x);
        }
        if (lambda == 0) {
            return Math.log(x);
        }
        if (x > 0) {
            double u = lambda * Math.log(x);
            if (Math.abs(u) < SMALL_POWER) {
                // (x^λ − 1)/λ = expm1(λ log x)/λ: no cancellation when x^λ is near 1
                return Math.expm1(u) / lambda;
            }
        }
        // R's sign extension for λ > 0 (x ≤ 0)
        return (Math.signum(x) * Math.pow(Math.abs(x), lambda) - 1) / lambda;
    }

    /**
     * The inverse of one value.
     *
     * @param w      transformed value; NaN passes through
     * @param lambda the power
     * @return the value on the original scale
     * @throws IllegalArgumentException if {@code lambda < 0} and {@code w ≥ −1/lambda} (outside the range)
     */
    public static double inverse(double w, double lambda) {
        if (Double.isNaN(w)) {
            return w;
        }
        if (lambda == 0) {
            return Math.exp(w);
        }
        double t = lambda * w + 1;
        if (lambda < 0) {
            Checks.requireArgument(t > 0, "inverse Box-Cox with lambda %s needs w < -1/lambda (%s), got %s",
                    lambda, -1 / lambda, w);
        }
        if (t > 0 && Math.abs(lambda * w) < SMALL_POWER) {
            // (λw + 1)^(1/λ) = exp(log1p(λw)/λ): accurate when λw is small
            return Math.exp(Math.log1p(lambda * w) / lambda);
        }
        return Math.signum(t) * Math.pow(Math.abs(t), 1 / lambda);
    }

    @Override
    public double[] apply(double[] x) {
        Objects.requireNonNull(x, "x");
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (lambda <= 0 && !(v > 0) && !Double.isNaN(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Box-Cox with lambda %s needs x > 0, got x[%d] = %s", lambda, i, v));
            }
            out[i] = transform(v, lambda);
            if (Double.isInfinite(out[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Box-Cox with lambda %s overflows at x[%d] = %s", lambda, i, v));
            }
        }
        return out;
    }

    @Override
    public double[] invert(double[] y) {
        Objects.requireNonNull(y, "y");
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double w = y[i];
            if (lambda < 0 && !(lambda * w + 1 > 0) && !Double.isNaN(w)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "inverse Box-Cox with lambda %s needs values < -1/lambda (%s), got y[%d] = %s",
                        lambda, -1 / lambda, i, w));
            }
            out[i] = inverse(w, lambda);
            if (Double.isInfinite(out[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "inverse Box-Cox with lambda %s overflows at y[%d] = %s", lambda, i, w));
            }
        }
        return out;
    }

    /**
     * The bias-adjusted inverse: the mean, rather than the median, of the back-transformed normal distribution
     * with mean {@code y} and variance {@code variance}, to second order ({@code E f(W) ≈ f(y) + ½·variance·f''(y)}
     * for the inverse {@code f}). For {@code x = inverse(y) > 0} this is R's
     * {@code InvBoxCox(y, lambda, biasadj = TRUE, fvar = variance)}:
     * {@code x · (1 + ½ · variance · (1 − lambda) / x^(2·lambda))}; for {@code lambda = 0} it is
     * {@code exp(y)·(1 + variance/2)}. It is evaluated as {@code x + ½·variance·(1 − lambda)·sign(t)·|t|^(1/lambda
     * − 2)} with {@code t = lambda·y + 1}, which is the same number for {@code x > 0} and stays correct where R's
     * form is undefined or has the wrong sign ({@code x ≤ 0} under the sign extension; R returns NA at
     * {@code x = 0}).
     *
     * @param y        transformed values (e.g. forecast means on the transformed scale). Not modified.
     * @param variance variances on the transformed scale (e.g. squared forecast standard errors), same length,
     *                 each &ge; 0. Not modified.
     * @return a new array of bias-adjusted values on the original scale
     * @throws IllegalArgumentException if the lengths differ, a variance is negative or infinite, or the adjustment
     *                                  is infinite ({@code x = 0} with {@code lambda > 0.5})
     */
    public double[] invertBiasAdjusted(double[] y, double[] variance) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(variance, "variance");
        Checks.requireArgument(y.length == variance.length, "variance length %d != y length %d", variance.length,
                y.length);
        double[] x = invert(y);
        for (int i = 0; i < x.length; i++) {
            double v = variance[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "variance[%d] must be finite and >= 0, got %s", i, v));
            }
            if (Double.isNaN(x[i])) {
                continue;
            }
            if (lambda == 0) {
                // exp(y) (1 + v/2)
                x[i] = x[i] * (1 + 0.5 * v);
                continue;
            }
            // x + ½ v f''(y), f''(y) = (1 − λ) sign(t) |t|^(1/λ − 2), t = λy + 1
            double t = lambda * y[i] + 1;
            double curvature = (1 - lambda) * Math.signum(t) * Math.pow(Math.abs(t), 1 / lambda - 2);
            double adj = x[i] + 0.5 * v * curvature;
            if (!Double.isFinite(adj)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bias adjustment is infinite at y[%d] = %s (back-transformed value 0 with lambda %s > 0.5)",
                        i, y[i], lambda));
            }
            x[i] = adj;
        }
        return x;
    }

    /**
     * Back-transforms a forecast made on the Box–Cox scale, as R's {@code forecast.Arima} does for a model with
     * {@code lambda} (forecast 8.20): the point forecasts become
     * {@code InvBoxCox(mean, lambda, biasadj, fvar = se²)} — the median of the back-transformed normal distribution,
     * or with {@code biasAdjust} its mean to second order ({@link #invertBiasAdjusted}) — and every interval limit
     * is back-transformed ({@link #inverse(double, double)}; the transform is monotone, so the coverage is kept).
     * The result has no standard errors (they are not defined on the original scale).
     *
     * <p>For {@code lambda < 0} a limit {@code w ≥ −1/lambda} lies beyond the range of the transform (the interval
     * is unbounded above; R reports NA): it is given as {@link Double#MAX_VALUE}.
     *
     * @param model       description of the model for the result
     * @param history     the series on the original scale (for future labels); only its metadata is used
     * @param transformed the forecast on the transformed scale; needs standard errors when {@code biasAdjust}
     * @param biasAdjust  whether the point forecasts are bias-adjusted means rather than medians
     * @return the forecast on the original scale
     * @throws IllegalArgumentException if {@code biasAdjust} and the forecast has no standard errors, or a
     *                                  bias-adjusted mean falls outside one of the intervals (possible for narrow
     *                                  levels and very wide forecast distributions; the message names step and
     *                                  level)
     * @throws org.forecast4j.core.ModelFitException if a point forecast lies outside the range of the transform
     *                                  ({@code lambda < 0}, {@code mean ≥ −1/lambda}): the model's forecast has no
     *                                  value on the original scale
     * @since 0.1.0
     */
    public Forecast invertForecast(String model, TimeSeries history, Forecast transformed, boolean biasAdjust) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(transformed, "transformed");
        double[] w = transformed.mean();
        int h = w.length;
        for (int i = 0; i < h; i++) {
            if (lambda < 0 && !(lambda * w[i] + 1 > 0)) {
                throw new ModelFitException(String.format(Locale.ROOT, "the point forecast at step %d (%s on the "
                        + "Box-Cox scale) is outside the range of the inverse transform with lambda %s (values < %s)",
                        i + 1, w[i], lambda, -1 / lambda));
            }
        }
        double[] mean;
        if (biasAdjust) {
            double[] se = transformed.standardErrors();
            Checks.requireArgument(se != null, "bias adjustment needs the forecast's standard errors, model '%s' has "
                    + "none", transformed.model());
            double[] var = new double[h];
            for (int i = 0; i < h; i++) {
                var[i] = se[i] * se[i];
            }
            mean = invertBiasAdjusted(w, var);
        } else {
            mean = invert(w);
        }
        List<Level> levels = transformed.levels();
        double[][] lo = new double[levels.size()][];
        double[][] hi = new double[levels.size()][];
        for (int k = 0; k < levels.size(); k++) {
            lo[k] = invertLimits(transformed.lower(levels.get(k)));
            hi[k] = invertLimits(transformed.upper(levels.get(k)));
            for (int i = 0; i < h; i++) {
                Checks.requireArgument(lo[k][i] <= mean[i] && mean[i] <= hi[k][i], "the bias-adjusted mean %s at "
                        + "step %d lies outside the back-transformed %s interval [%s, %s]: the forecast distribution is "
                        + "too wide for this level; use wider levels or no bias adjustment", mean[i], i + 1,
                        levels.get(k), lo[k][i], hi[k][i]);
            }
        }
        return Forecast.of(model, history, mean, null, levels, lo, hi);
    }

    /** Inverse of interval limits; beyond the range of the transform ({@code lambda < 0}) the limit is unbounded. */
    private double[] invertLimits(double[] w) {
        double[] x = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            if (lambda < 0 && !(lambda * w[i] + 1 > 0)) {
                x[i] = Double.MAX_VALUE;
            } else {
                // an overflow (|x| beyond the double range) is reported as the largest double of its sign
                x[i] = Math.max(-Double.MAX_VALUE, Math.min(inverse(w[i], lambda), Double.MAX_VALUE));
            }
        }
        return x;
    }

    @Override
    public String description() {
        return "BoxCox(lambda=" + lambda + ")";
    }

    @Override
    public String toString() {
        return description();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoxCox && Double.compare(lambda, ((BoxCox) o).lambda) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lambda);
    }

    // ------------------------------------------------------------------------------------------------ Guerrero

    /**
     * Guerrero's lambda on {@code [−1, 2]}; see {@link #guerreroLambda(double[], int, double, double)}.
     *
     * @param x      observations, NaN for missing. Not modified.
     * @param period seasonal period (frequency) of the series, &ge; 1
     * @return lambda
     */
    public static double guerreroLambda(double[] x, int period) {
        return guerreroLambda(x, period, DEFAULT_LOWER, DEFAULT_UPPER);
    }

    /**
     * Guerrero's (1993) choice of lambda, exactly as R's
     * {@code forecast::BoxCox.lambda(x, method = "guerrero", lower, upper)} (forecast 8.20):
     * <ol>
     * <li>if any value is &le; 0 the lower bound becomes {@code max(lower, 0)} (a warning is logged);</li>
     * <li>if {@code n ≤ 2·period} the answer is 1 (too short to estimate);</li>
     * <li>otherwise the last {@code L·⌊n/L⌋} values, {@code L = max(2, period)}, are cut into consecutive subseries
     * of length {@code L}; for each subseries {@code h}, {@code r_h = s_h /
     * m_h^(1−lambda)} (sample sd and mean, ignoring NaN), and lambda minimises the coefficient of
     * variation {@code sd(r)/mean(r)};</li>
     * <li>the minimisation is Brent's (Commons Math {@link BrentOptimizer}) with R {@code optimize()}'s tolerances
     * ({@code rel = √ε}, {@code abs = ε^(1/4)/3}) and start point {@code lower + (3 − √5)/2 · (upper −
     * lower)}, so it visits the same points as R's {@code fmin}.</li>
     * </ol>
     * Like R's, the result is accurate to about {@code 1e-4} of the true minimiser (R's tolerance), but it agrees
     * with R itself much more closely.
     *
     * @param x      observations, NaN for missing. Not modified.
     * @param period seasonal period (frequency) of the series, &ge; 1
     * @param lower  lower end of the search interval
     * @param upper  upper end, &gt; {@code lower} (after clamping)
     * @return lambda in {@code [lower, upper]}
     * @throws IllegalArgumentException if there are fewer than two subseries with a defined ratio, a subseries
     *                                  mean is &le; 0, bounds are not finite or not ordered
     */
    public static double guerreroLambda(double[] x, int period, double lower, double upper) {
        Objects.requireNonNull(x, "x");
        Checks.requirePositive(period, "period");
        Checks.requireFinite(lower, "lower");
        Checks.requireFinite(upper, "upper");
        Checks.requireArgument(lower < upper, "lower (%s) must be < upper (%s)", lower, upper);
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "x[%d] must be finite or NaN, got %s", i, x[i]));
            }
            if (x[i] <= 0) {
                LOG.warn("Guerrero's method is given for strictly positive data (x[{}] = {}); "
                        + "searching lambda in [max(lower, 0), upper] as forecast::BoxCox.lambda does", i, x[i]);
                lower = Math.max(lower, 0);
                Checks.requireArgument(lower < upper,
                        "upper (%s) must be > 0 for data with non-positive values", upper);
                break;
            }
        }
        if (x.length <= 2L * period) {
            return 1;
        }
        GuerreroObjective f = new GuerreroObjective(x, Math.max(NONSEASONAL_LENGTH, period));
        BrentOptimizer opt = new BrentOptimizer(R_FMIN_REL, R_OPTIMIZE_TOL / 3);
        double start = lower + 0.5 * (3 - Math.sqrt(5)) * (upper - lower);
        UnivariatePointValuePair p = opt.optimize(new MaxEval(MAX_EVAL), new UnivariateObjectiveFunction(f),
                GoalType.MINIMIZE, new SearchInterval(lower, upper, start));
        return p.getPoint();
    }

    /**
     * Guerrero's objective {@code sd(r)/mean(r)} (R's {@code forecast:::guer.cv}) at {@code lambda}.
     *
     * @param x      observations. Not modified.
     * @param period seasonal period &ge; 1 (subseries length {@code max(2, period)})
     * @param lambda the power
     * @return the coefficient of variation of the subseries ratios
     * @throws IllegalArgumentException as {@link #guerreroLambda(double[], int, double, double)}
     */
    static double guerreroCv(double[] x, int period, double lambda) {
        return new GuerreroObjective(x, Math.max(NONSEASONAL_LENGTH, period)).value(lambda);
    }

    /** Subseries means and sds computed once; {@link #value} is then O(number of subseries). */
    private static final class GuerreroObjective implements UnivariateFunction {
        private final double[] mean;
        private final double[] sd;

        GuerreroObjective(double[] x, int len) {
            int n = x.length;
            int nyr = n / len;
            int first = n - nyr * len;
            mean = new double[nyr];
            sd = new double[nyr];
            int defined = 0;
            for (int h = 0; h < nyr; h++) {
                int from = first + h * len;
                int cnt = 0;
                double sum = 0;
                for (int i = from; i < from + len; i++) {
                    if (!Double.isNaN(x[i])) {
                        cnt++;
                        sum += x[i];
                    }
                }
                double m = cnt > 0 ? sum / cnt : Double.NaN;
                double ss = 0;
                for (int i = from; i < from + len; i++) {
                    if (!Double.isNaN(x[i])) {
                        ss += (x[i] - m) * (x[i] - m);
                    }
                }
                mean[h] = m;
                // NaN marks an undefined ratio (fewer than 2 observed values), dropped like R's na.rm = TRUE
                sd[h] = cnt > 1 ? Math.sqrt(ss / (cnt - 1)) : Double.NaN;
                if (cnt > 1) {
                    Checks.requireArgument(m > 0, "Guerrero's method needs positive subseries means, subseries %d "
                            + "(values %d..%d) has mean %s", h, from, from + len - 1, m);
                    defined++;
                }
            }
            Checks.requireArgument(defined >= 2, "Guerrero's method needs at least 2 subseries of length %d with "
                    + "2 or more observed values, got %d (n = %d)", len, defined, n);
            boolean varies = false;
            for (int h = 0; h < nyr; h++) {
                varies |= sd[h] > 0;
            }
            // all ratios 0 would make the coefficient of variation 0/0
            Checks.requireArgument(varies, "Guerrero's method needs a series that varies within a subseries of "
                    + "length %d; every subseries is constant", len);
        }

        @Override
        public double value(double lambda) {
            // r_h = s_h / m_h^(1 - lambda); cv = sd(r) / mean(r)
            int k = 0;
            double sum = 0;
            for (int h = 0; h < mean.length; h++) {
                if (!Double.isNaN(sd[h])) {
                    sum += sd[h] / Math.pow(mean[h], 1 - lambda);
                    k++;
                }
            }
            double m = sum / k;
            double ss = 0;
            for (int h = 0; h < mean.length; h++) {
                if (!Double.isNaN(sd[h])) {
                    double r = sd[h] / Math.pow(mean[h], 1 - lambda) - m;
                    ss += r * r;
                }
            }
            return Math.sqrt(ss / (k - 1)) / m;
        }
    }
}
