package org.forecast4j.core.baseline;

import java.util.Objects;

/**
 * Naive2, the M4 competition's reference benchmark: the naive (random-walk) forecast of the seasonally adjusted
 * series, re-seasonalised with multiplicative indices of the classical decomposition, applied only when a 90%
 * autocorrelation test finds the series seasonal. It is the denominator of the competition's OWA
 * ({@link org.forecast4j.core.metrics.M4Score}).
 *
 * <p>As the competition's benchmark code ({@code Benchmarks and Evaluation.R} in the Mcompetitions/M4-methods
 * repository, functions {@code SeasonalityTest} and {@code Benchmarks}) does, with R's {@code stats::acf} and
 * {@code stats::decompose(type = "multiplicative")}:
 * <ol>
 * <li><b>Seasonality test</b> (m &gt; 1 only): with r<sub>k</sub> the sample autocorrelation at lag k,
 * the series is seasonal when n &ge; 3m and
 * |r<sub>m</sub>| &gt; 1.645 &radic;((1 + 2 &sum;<sub>k=1..m&minus;1</sub> r<sub>k</sub>&sup2;) / n).
 * R's {@code acf} computes lags up to min(&lfloor;10 log<sub>10</sub> n&rfloor;, n &minus; 1) only, so a
 * period above that limit gives {@code NA} and the benchmark code treats the series as not seasonal; so does
 * this class.</li>
 * <li><b>Classical multiplicative decomposition</b>: trend T<sub>t</sub> = centred moving average of order m
 * (a 2&times;m average for even m); seasonal figure s<sub>j</sub> = mean over the cycles of
 * y<sub>t</sub>/T<sub>t</sub> at position j = t mod m (where T<sub>t</sub> is defined), normalised to mean 1.
 * The series starts at position 0 of the cycle.</li>
 * <li><b>Forecast</b>: ŷ<sub>n+k</sub> = (y<sub>n</sub>/s<sub>n mod m</sub>) &middot; s<sub>(n+k) mod m</sub>
 * for k = 1..h (0-based t, so y<sub>n</sub> is the last observation at t = n &minus; 1 and position
 * (n &minus; 1) mod m); without seasonality, ŷ<sub>n+k</sub> = y<sub>n</sub>.</li>
 * </ol>
 * A seasonal series with a value &le; 0 cannot be decomposed multiplicatively; it is forecast without seasonal
 * adjustment (M4 data are positive, so the competition never met this case).
 *
 * @since 0.1.0
 */
public final class Naive2 {

    /** One-sided 90% normal quantile of the M4 seasonality test ({@code tcrit} in the benchmark code). */
    public static final double TCRIT = 1.645;

    private Naive2() {
    }

    /**
     * The M4 seasonality test at period m (see the class comment).
     *
     * @param y      the series, finite values. Not modified.
     * @param period the period m, &gt; 0; m = 1 is never seasonal
     * @return whether the series counts as seasonal
     * @throws IllegalArgumentException if the period is not positive or a value is not finite
     */
    public static boolean isSeasonal(double[] y, int period) {
        checkInput(y, period);
        int n = y.length;
        if (period == 1 || n < 3 * period) {
            return false;
        }
        int lagMax = Math.min((int) Math.floor(10 * Math.log10(n)), n - 1);
        if (period > lagMax) {
            // R's acf stops at lagMax, xacf[ppy] is NA and the benchmark code answers FALSE
            return false;
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        if (c0 == 0) {
            return false;
        }
        // clim = tcrit / sqrt(n) * sqrt(1 + 2 sum_{k<m} r_k^2)
        double sumSq = 0;
        for (int k = 1; k < period; k++) {
            double r = autocorrelation(y, mean, c0, k);
            sumSq += r * r;
        }
        double limit = TCRIT / Math.sqrt(n) * Math.sqrt(1 + 2 * sumSq);
        return Math.abs(autocorrelation(y, mean, c0, period)) > limit;
    }

    /**
     * The multiplicative seasonal figure of the classical decomposition (R {@code decompose(x, "multiplicative")
     * $figure}), for a series starting at position 0 of the cycle.
     *
     * @param y      the series, positive finite values, length &ge; 2m. Not modified.
     * @param period the period m &ge; 2
     * @return s<sub>0..m&minus;1</sub>, with mean 1
     * @throws IllegalArgumentException if the period is below 2, the series shorter than 2m, or a value is not
     *                                  finite and positive
     */
    public static double[] seasonalFigure(double[] y, int period) {
        checkInput(y, period);
        int n = y.length;
        int m = period;
        if (m < 2 || n < 2 * m) {
            throw new IllegalArgumentException("seasonal decomposition needs period >= 2 and at least 2 periods, got "
                    + "period " + m + " and length " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!(y[i] > 0)) {
                throw new IllegalArgumentException("multiplicative decomposition needs positive values, got y["
                        + i + "] = " + y[i]);
            }
        }
        double[] sum = new double[m];
        int[] count = new int[m];
        // trend T_t = sum_j f_j y_{t-half+j}; f = (1/2, 1, ..., 1, 1/2)/m for even m, (1, ..., 1)/m for odd m
        int half = m / 2;
        boolean even = m % 2 == 0;
        for (int t = half; t < n - half; t++) {
            double s = 0;
            if (even) {
                s = 0.5 * (y[t - half] + y[t + half]);
                for (int j = t - half + 1; j < t + half; j++) {
                    s += y[j];
                }
            } else {
                for (int j = t - half; j <= t + half; j++) {
                    s += y[j];
                }
            }
            double trend = s / m;
            sum[t % m] += y[t] / trend;
            count[t % m]++;
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int j = 0; j < m; j++) {
            figure[j] = sum[j] / count[j];
            mean += figure[j];
        }
        mean /= m;
        for (int j = 0; j < m; j++) {
            figure[j] /= mean;
        }
        return figure;
    }

    /**
     * Naive2 point forecasts (see the class comment).
     *
     * @param y       the training series, finite values, length &ge; 1. Not modified.
     * @param period  the period m &gt; 0 (1 = the plain naive forecast)
     * @param horizon h &gt; 0
     * @return the h forecasts
     * @throws IllegalArgumentException if an argument is out of range or a value is not finite
     */
    public static double[] forecast(double[] y, int period, int horizon) {
        checkInput(y, period);
        if (horizon <= 0) {
            throw new IllegalArgumentException("horizon must be > 0, got " + horizon);
        }
        int n = y.length;
        double[] out = new double[horizon];
        double last = y[n - 1];
        if (isSeasonal(y, period) && allPositive(y)) {
            double[] s = seasonalFigure(y, period);
            double level = last / s[(n - 1) % period];
            for (int k = 0; k < horizon; k++) {
                out[k] = level * s[(n + k) % period];
            }
        } else {
            java.util.Arrays.fill(out, last);
        }
        return out;
    }

    private static boolean allPositive(double[] y) {
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    /** r_k = sum_{t=k}^{n-1} (y_t - mean)(y_{t-k} - mean) / c0. */
    private static double autocorrelation(double[] y, double mean, double c0, int k) {
        double s = 0;
        for (int t = k; t < y.length; t++) {
            s += (y[t] - mean) * (y[t - k] - mean);
        }
        return s / c0;
    }

    private static void checkInput(double[] y, int period) {
        Objects.requireNonNull(y, "y");
        if (period <= 0) {
            throw new IllegalArgumentException("period must be > 0, got " + period);
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("series length must be > 0, got 0");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be finite, got " + y[i]
                        + " (Naive2 needs a complete series)");
            }
        }
    }
}
