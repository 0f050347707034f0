package org.forecast4j.core.arima.select;

import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * The KPSS test of the null hypothesis that a series is stationary around a level (or a linear trend) against
 * a unit root (Kwiatkowski, Phillips, Schmidt &amp; Shin 1992, "Testing the null hypothesis of stationarity
 * against the alternative of a unit root", <i>Journal of Econometrics</i> 54, 159–178), computed as
 * {@code urca::ur.kpss}, the implementation R's {@code forecast::ndiffs} calls.
 *
 * <p>With {@code e_t} the residuals of {@code y} on a constant (level) or on a constant and {@code t = 1..n}
 * (trend), {@code S_t = e_1 + … + e_t} and Bartlett weights {@code w_k = 1 − k/(l+1)},
 * <pre>
 *   η = (Σ_t S_t² / n²) / s²(l),   s²(l) = (1/n) Σ_t e_t² + (2/n) Σ_{k=1..l} w_k Σ_{t=k+1..n} e_t e_{t−k}.
 * </pre>
 * Large η rejects stationarity. The p-value is interpolated linearly in the critical values of Kwiatkowski et
 * al. (level: 0.347, 0.463, 0.574, 0.739; trend: 0.119, 0.146, 0.176, 0.216 at 10%, 5%, 2.5%, 1%) and clamped
 * to [0.01, 0.10], exactly as {@code ndiffs} does with {@code approx(..., rule = 2)}.
 *
 * <p>Lag rules: {@link #ndiffsLags(int)} {@code = ⌊3√n / 13⌋} (what {@code forecast::ndiffs} uses) and
 * {@link #shortLags(int)} {@code = ⌊4 (n/100)^{1/4}⌋} ({@code urca}'s "short" default).
 *
 * @since 0.1.0
 */
public final class Kpss {

    /** Deterministic component of the null hypothesis. */
    public enum Type {
        /** Stationary around a constant level (urca {@code type = "mu"}). */
        LEVEL,
        /** Stationary around a linear trend (urca {@code type = "tau"}). */
        TREND
    }

    /** Significance levels of the critical-value table, as fractions (10%, 5%, 2.5%, 1%). */
    private static final double[] LEVELS = {0.10, 0.05, 0.025, 0.01};
    /** Critical values for the level null (Kwiatkowski et al. 1992, Table 1). */
    private static final double[] LEVEL_CRITICAL = {0.347, 0.463, 0.574, 0.739};
    /** Critical values for the trend null. */
    private static final double[] TREND_CRITICAL = {0.119, 0.146, 0.176, 0.216};

    private Kpss() {
    }

    /**
     * Runs the test on a complete series.
     *
     * @param y    observations, finite, length &ge; 2 (level) or &ge; 3 (trend). Not modified.
     * @param type level or trend
     * @param lags Bartlett truncation lag in [0, n − 1]
     * @return statistic, lag and p-value
     * @throws IllegalArgumentException if a value is not finite, the series is too short or {@code lags} is out
     *                                  of range
     */
    public static KpssResult test(double[] y, Type type, int lags) {
        Checks.requireFinite(y, "y");
        Objects.requireNonNull(type, "type");
        int n = y.length;
        int minLength = type == Type.LEVEL ? 2 : 3;
        Checks.requireArgument(n >= minLength, "KPSS (%s) needs at least %d observations, got %d", type, minLength,
                n);
        Checks.requireArgument(lags >= 0 && lags < n, "lags must be in [0, %d], got %d", n - 1, lags);
        double stat = statistic(y, n, type, lags, new double[n]);
        return new KpssResult(type, stat, lags, pValue(stat, type));
    }

    /**
     * Runs the test with the lag rule of {@code forecast::ndiffs}, {@link #ndiffsLags(int)}.
     *
     * @param y    observations, finite. Not modified.
     * @param type level or trend
     * @return the result
     * @throws IllegalArgumentException as {@link #test(double[], Type, int)}
     */
    public static KpssResult test(double[] y, Type type) {
        Objects.requireNonNull(y, "y");
        return test(y, type, ndiffsLags(y.length));
    }

    /**
     * The KPSS statistic η (kernel: no validation, no allocation).
     *
     * @param y    observations; the first {@code n} are used. Not modified.
     * @param n    number of observations, &ge; 2 (&ge; 3 for a trend)
     * @param type level or trend
     * @param lags truncation lag in [0, n − 1]
     * @param work workspace for the residuals, length &ge; n. Modified.
     * @return η; NaN if the residuals are all zero
     */
    public static double statistic(double[] y, int n, Type type, int lags, double[] work) {
        double[] e = work;
        // residuals of the deterministic component: e = y - mean, or y - (a + b t) by least squares
        double mean = 0;
        for (int t = 0; t < n; t++) {
            mean += y[t];
        }
        mean /= n;
        if (type == Type.LEVEL) {
            for (int t = 0; t < n; t++) {
                e[t] = y[t] - mean;
            }
        } else {
            double tBar = (n + 1) / 2.0;
            double sxy = 0;
            double sxx = 0;
            for (int t = 0; t < n; t++) {
                double dt = (t + 1) - tBar;
                sxy += dt * (y[t] - mean);
                sxx += dt * dt;
            }
            double b = sxy / sxx;
            for (int t = 0; t < n; t++) {
                e[t] = y[t] - mean - b * ((t + 1) - tBar);
            }
        }
        // numerator: sum of squared partial sums / n^2
        double s = 0;
        double num = 0;
        double ss = 0;
        for (int t = 0; t < n; t++) {
            s += e[t];
            num += s * s;
            ss += e[t] * e[t];
        }
        num /= (double) n * n;
        // long-run variance with Bartlett weights 1 - k/(l+1)
        double lrv = ss / n;
        for (int k = 1; k <= lags; k++) {
            double c = 0;
            for (int t = k; t < n; t++) {
                c += e[t] * e[t - k];
            }
            lrv += 2.0 / n * (1.0 - k / (lags + 1.0)) * c;
        }
        return num / lrv;
    }

    /**
     * The p-value of a statistic: linear interpolation in the critical-value table, clamped to [0.01, 0.10]
     * (R {@code approx(cval, c(.10, .05, .025, .01), xout = stat, rule = 2)}).
     *
     * @param statistic η
     * @param type      level or trend
     * @return p-value in [0.01, 0.10], NaN for a NaN statistic
     */
    public static double pValue(double statistic, Type type) {
        if (Double.isNaN(statistic)) {
            return Double.NaN;
        }
        double[] cv = type == Type.LEVEL ? LEVEL_CRITICAL : TREND_CRITICAL;
        if (statistic <= cv[0]) {
            return LEVELS[0];
        }
        if (statistic >= cv[cv.length - 1]) {
            return LEVELS[LEVELS.length - 1];
        }
        int i = 0;
        while (statistic > cv[i + 1]) {
            i++;
        }
        double f = (statistic - cv[i]) / (cv[i + 1] - cv[i]);
        return LEVELS[i] + f * (LEVELS[i + 1] - LEVELS[i]);
    }

    /**
     * The truncation lag {@code forecast::ndiffs} uses: {@code ⌊3√n / 13⌋}.
     *
     * @param n series length, &ge; 0
     * @return the lag
     */
    public static int ndiffsLags(int n) {
        Checks.requireNonNegative(n, "n");
        return (int) (3 * Math.sqrt(n) / 13);
    }

    /**
     * urca's "short" truncation lag: {@code ⌊4 (n/100)^{1/4}⌋}.
     *
     * @param n series length, &ge; 0
     * @return the lag
     */
    public static int shortLags(int n) {
        Checks.requireNonNegative(n, "n");
        return (int) (4 * Math.pow(n / 100.0, 0.25));
    }
}
