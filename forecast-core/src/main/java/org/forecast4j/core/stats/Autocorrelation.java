package org.forecast4j.core.stats;

import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.linalg.LevinsonDurbin;

/**
 * Sample autocovariance, autocorrelation (ACF) and partial autocorrelation (PACF) — R's {@code acf} and
 * {@code pacf}.
 *
 * <p>With the mean {@code x̄} of the observed values, the sample autocovariance at lag {@code k} is
 * <blockquote>
 *   c<sub>k</sub> = (1/n) &sum;<sub>t=1..n−k</sub> (x<sub>t+k</sub> − x̄)(x<sub>t</sub> − x̄)
 * </blockquote>
 * (divisor {@code n}, so the autocovariance sequence is positive semi-definite), and the autocorrelation is
 * {@code r_k = c_k / c_0}, clamped to {@code [−1, 1]} against rounding. The PACF
 * {@code φ_{kk}} follows from {@code r} by the Durbin–Levinson recursion (Durbin 1960):
 * <blockquote>
 *   φ<sub>11</sub> = r<sub>1</sub>,<br>
 *   φ<sub>kk</sub> = (r<sub>k</sub> − &sum;<sub>j&lt;k</sub> φ<sub>k−1,j</sub> r<sub>k−j</sub>) /<br>
 *           (1 − &sum;<sub>j&lt;k</sub> φ<sub>k−1,j</sub> r<sub>j</sub>),<br>
 *   φ<sub>k,j</sub> = φ<sub>k−1,j</sub> − φ<sub>kk</sub> φ<sub>k−1,k−j</sub>.
 * </blockquote>
 *
 * <p><b>Missing values</b> (NaN) are handled as R's {@code acf(x, na.action = na.pass)}: the mean is over the
 * observed values, each lag sums only the pairs in which both values are observed, and the divisor is
 * {@code (number of such pairs) + k} — which is {@code n} for a complete series. A lag without any complete pair
 * has no estimate and is rejected. {@link #pacf} needs a complete series (as R's {@code pacf}, which fails on NA).
 *
 * <p>Cost O(n·maxLag) with cache-blocked direct loops and no allocation in the {@code out} overloads; on a
 * complete series the NaN checks are skipped.
 *
 * <p>References: J. Durbin (1960), The fitting of time-series models, <i>Rev. Int. Stat. Inst.</i> 28, 233–244.
 * Box, Jenkins, Reinsel &amp; Ljung, <i>Time Series Analysis</i>, 5th ed., §2.1.
 *
 * @since 0.1.0
 */
public final class Autocorrelation {

    /**
     * Block length of the cache-blocked products: all lags are summed over a block of {@code BLOCK} observations
     * (32 KiB of doubles plus the lagged tail) before moving on, so long series stream through memory once.
     * Measured with lags 0..20 (docs/benchmarks.md): about 1.6–2× faster than the textbook lag-by-lag loop at
     * n = 1000 and 2–4× at n = 10^6.
     */
    private static final int BLOCK = 4096;

    private Autocorrelation() {
    }

    private static IllegalArgumentException fail(String template, Object... args) {
        return new IllegalArgumentException(String.format(Locale.ROOT, template, args));
    }

    /**
     * R's default maximum lag, {@code floor(10·log10(n))}, capped at {@code n − 1}.
     *
     * @param n series length &ge; 1
     * @return the default maxLag
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static int defaultMaxLag(int n) {
        Checks.requirePositive(n, "n");
        return (int) Math.min(n - 1, Math.floor(10 * Math.log10(n)));
    }

    /**
     * The mean of the observed (non-NaN) values.
     *
     * @param x values. Not modified.
     * @return the mean, NaN if no value is observed
     */
    public static double observedMean(double[] x) {
        double sum = 0;
        int count = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Sample autocovariances {@code c_0 … c_{maxLag}} about {@code mean} (divisor: number of
     * complete pairs + k, i.e. {@code n} without missing values). Allocates nothing when {@code out} is given.
     *
     * @param x      values, length n, NaN for missing. Not modified.
     * @param mean   the value subtracted before multiplying (usually {@link #observedMean}; 0 for no demeaning)
     * @param maxLag largest lag, in {@code [0, n − 1]}
     * @param out    output of length &ge; maxLag + 1, or {@code null} to allocate. Modified.
     * @return {@code out}, {@code out[k] = c_k}
     * @throws IllegalArgumentException if maxLag is out of range, a value is infinite, or a lag has no complete
     *                                  pair
     */
    public static double[] autocovariance(double[] x, double mean, int maxLag, double[] out) {
        Objects.requireNonNull(x, "x");
        int n = x.length;
        // plain ifs: varargs checks would allocate on every call of this allocation-free kernel
        if (n < 1) {
            throw fail("series must not be empty");
        }
        if (maxLag < 0 || maxLag > n - 1) {
            throw fail("maxLag must be in [0, n - 1 = %d], got %d", n - 1, maxLag);
        }
        if (!Double.isFinite(mean)) {
            throw fail("mean must be finite, got %s", mean);
        }
        if (out == null) {
            out = new double[maxLag + 1];
        } else {
            if (out.length < maxLag + 1) {
                throw fail("out length %d < maxLag + 1 (%d)", out.length, maxLag + 1);
            }
        }
        boolean complete = true;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            // one comparison on the common path; NaN and ±∞ both fail it
            if (Math.abs(v) <= Double.MAX_VALUE) {
                continue;
            }
            if (Double.isNaN(v)) {
                complete = false;
            } else {
                throw fail("x[%d] must be finite or NaN, got %s", i, v);
            }
        }
        if (complete) {
            sumsComplete(x, mean, maxLag, out);
            // c_k = s_k / n
            for (int k = 0; k <= maxLag; k++) {
                out[k] /= n;
            }
        } else {
            sumsMissing(x, mean, maxLag, out);
        }
        return out;
    }

    /**
     * out[k] = sum_{i < n-k} (x_{i+k} - m)(x_i - m). Blocked over i (each block stays in cache for all lags) and
     * register-blocked over lags: four lags share each load of x_i and give four independent addition chains.
     */
    private static void sumsComplete(double[] x, double m, int maxLag, double[] out) {
        int n = x.length;
        for (int k = 0; k <= maxLag; k++) {
            out[k] = 0;
        }
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            int k = 0;
            for (; k + 3 <= maxLag; k += 4) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                // below end all four lags k..k+3 are inside the series
                int end = Math.min(to, n - k - 3);
                int i = from;
                for (; i < end; i++) {
                    double a = x[i] - m;
                    s0 += a * (x[i + k] - m);
                    s1 += a * (x[i + k + 1] - m);
                    s2 += a * (x[i + k + 2] - m);
                    s3 += a * (x[i + k + 3] - m);
                }
                // the last few i of the series, where the longer lags run out
                for (; i < to; i++) {
                    double a = x[i] - m;
                    if (i + k < n) {
                        s0 += a * (x[i + k] - m);
                    }
                    if (i + k + 1 < n) {
                        s1 += a * (x[i + k + 1] - m);
                    }
                    if (i + k + 2 < n) {
                        s2 += a * (x[i + k + 2] - m);
                    }
                }
                out[k] += s0;
                out[k + 1] += s1;
                out[k + 2] += s2;
                out[k + 3] += s3;
            }
            // remaining lags one at a time
            for (; k <= maxLag; k++) {
                int end = Math.min(to, n - k);
                double s = 0;
                for (int i = from; i < end; i++) {
                    s += (x[i] - m) * (x[i + k] - m);
                }
                out[k] += s;
            }
        }
    }

    /** R's na.pass rule: sum over complete pairs, divisor = pairs + k. */
    private static void sumsMissing(double[] x, double m, int maxLag, double[] out) {
        int n = x.length;
        for (int k = 0; k <= maxLag; k++) {
            double s = 0;
            int pairs = 0;
            for (int i = 0; i < n - k; i++) {
                double a = x[i + k];
                double b = x[i];
                if (!Double.isNaN(a) && !Double.isNaN(b)) {
                    s += (a - m) * (b - m);
                    pairs++;
                }
            }
            if (pairs == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "no pair of observed values at lag %d: too many missing values for maxLag %d", k, maxLag));
            }
            out[k] = s / (pairs + k);
        }
    }

    /**
     * Sample autocorrelations {@code r_0 = 1, r_1 … r_{maxLag}} of the demeaned series,
     * as R's {@code acf(x, lag.max = maxLag, na.action = na.pass)$acf}.
     *
     * @param x      values, NaN for missing. Not modified.
     * @param maxLag largest lag, in {@code [0, n − 1]}
     * @return a new array of length maxLag + 1
     * @throws IllegalArgumentException if the series is empty, constant (c<sub>0</sub> = 0, the ACF is undefined),
     *                                  all missing, or maxLag is out of range
     */
    public static double[] acf(double[] x, int maxLag) {
        return acf(x, maxLag, null);
    }

    /**
     * Sample autocorrelations into {@code out}; allocation-free when {@code out} is given.
     *
     * @param x      values, NaN for missing. Not modified.
     * @param maxLag largest lag, in {@code [0, n − 1]}
     * @param out    output of length &ge; maxLag + 1, or {@code null}. Modified.
     * @return {@code out}
     * @throws IllegalArgumentException as {@link #acf(double[], int)}
     */
    public static double[] acf(double[] x, int maxLag, double[] out) {
        Objects.requireNonNull(x, "x");
        double mean = observedMean(x);
        if (x.length > 0 && Double.isNaN(mean)) {
            throw fail("all %d values are missing (NaN)", x.length);
        }
        out = autocovariance(x, mean, maxLag, out);
        double c0 = out[0];
        if (!(c0 > 0)) {
            throw fail("series is constant (variance 0): the autocorrelation is undefined");
        }
        if (c0 == Double.POSITIVE_INFINITY) {
            throw fail("autocovariance overflows (values around %s are too large); rescale the series", mean);
        }
        out[0] = 1;
        for (int k = 1; k <= maxLag; k++) {
            double r = out[k] / c0;
            // clamp rounding excursions, as R does
            out[k] = r > 1 ? 1 : (r < -1 ? -1 : r);
        }
        return out;
    }

    /**
     * Partial autocorrelations {@code φ_{11} … φ_{maxLag,maxLag}} by Durbin–Levinson, as R's
     * {@code pacf(x, lag.max = maxLag)$acf}.
     *
     * @param x      complete values (no NaN). Not modified.
     * @param maxLag largest lag, in {@code [1, n − 1]}
     * @return a new array of length maxLag; element {@code k − 1} is the partial autocorrelation at lag k
     * @throws IllegalArgumentException if a value is missing, the series is constant or maxLag is out of range
     */
    public static double[] pacf(double[] x, int maxLag) {
        Objects.requireNonNull(x, "x");
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "pacf needs a complete series, "
                        + "x[%d] is missing (NaN); interpolate first (Interpolation.linear)", i));
            }
        }
        Checks.requireArgument(maxLag >= 1, "maxLag must be >= 1, got %d", maxLag);
        double[] r = acf(x, maxLag);
        return pacfFromAcf(r, maxLag, null, null);
    }

    /**
     * The Durbin–Levinson recursion from autocorrelations to partial autocorrelations, with the kernels of
     * {@link LevinsonDurbin} in R's formulation ({@code pacf}): at every order the denominator is recomputed
     * directly, {@code v_(k−1) = 1 − Σ_{j<k} φ_(k−1),j r_j}, rather than updated as {@code v_(k−2) (1 − φ²)}.
     * Allocation-free when both {@code out} and {@code work} are given.
     *
     * @param acf    autocorrelations {@code r_0 … r_{maxLag}} (r<sub>0</sub> is not used: it is 1).
     *               Not modified.
     * @param maxLag number of partial autocorrelations, &ge; 1, &le; {@code acf.length − 1}
     * @param out    output of length &ge; maxLag, or {@code null}. Modified.
     * @param work   workspace of length &ge; maxLag (it holds the AR coefficients of the current order), or
     *               {@code null}. Modified.
     * @return {@code out}, {@code out[k − 1] = φ_{kk}}
     * @throws IllegalArgumentException if lengths are too short or the recursion breaks down
     *                                  ({@code 1 − Σφr = 0}, an autocorrelation sequence that is not positive
     *                                  definite)
     */
    public static double[] pacfFromAcf(double[] acf, int maxLag, double[] out, double[] work) {
        Objects.requireNonNull(acf, "acf");
        Checks.requireArgument(maxLag >= 1 && maxLag <= acf.length - 1, "maxLag must be in [1, %d], got %d",
                acf.length - 1, maxLag);
        if (out == null) {
            out = new double[maxLag];
        }
        if (work == null) {
            work = new double[maxLag];
        }
        Checks.requireArgument(out.length >= maxLag, "out length %d < maxLag %d", out.length, maxLag);
        Checks.requireArgument(work.length >= maxLag, "work length %d < maxLag %d", work.length, maxLag);
        // work[0..k-1) holds φ_(k-1),1..k-1
        for (int k = 1; k <= maxLag; k++) {
            // φ_kk = (r_k − Σ φ_(k−1),j r_(k−j)) / (1 − Σ φ_(k−1),j r_j); a zero denominator gives ±∞ or NaN
            double pk = LevinsonDurbin.reflectionDirect(1.0, acf, k, work);
            if (k > 1 && !Double.isFinite(pk)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Durbin-Levinson breaks down at lag %d (prediction error variance 0)", k));
            }
            out[k - 1] = pk;
            if (k < maxLag) {
                // φ_kj = φ_(k−1),j − φ_kk φ_(k−1),(k−j)
                LevinsonDurbin.update(k, pk, work, 0);
            }
        }
        return out;
    }
}
