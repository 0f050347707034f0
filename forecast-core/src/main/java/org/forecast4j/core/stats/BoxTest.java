package org.forecast4j.core.stats;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.forecast4j.core.Checks;

/**
 * Portmanteau tests of no autocorrelation up to lag {@code h}, as R's {@code Box.test(x, lag, type, fitdf)}:
 * <blockquote>
 *   Box–Pierce (1970):  Q  = n &sum;<sub>k=1..h</sub> r<sub>k</sub><sup>2</sup><br>
 *   Ljung–Box (1978):   Q* = n (n + 2) &sum;<sub>k=1..h</sub> r<sub>k</sub><sup>2</sup> / (n − k)
 * </blockquote>
 * with {@code r_k} the sample ACF ({@link Autocorrelation#acf}), {@code n} the number of observed
 * (non-NaN) values, and p-value {@code P(χ²_{h − fitdf} > Q)} from Commons Math's
 * {@link ChiSquaredDistribution}. Set {@code fitdf = p + q} (plus {@code P + Q}) when testing the residuals of an
 * ARMA model. Missing values are handled as R does ({@code acf(na.action = na.pass)}).
 *
 * <p>References: G. E. P. Box and D. A. Pierce (1970), <i>JASA</i> 65, 1509–1526. G. M. Ljung and G. E. P. Box
 * (1978), On a measure of lack of fit in time series models, <i>Biometrika</i> 65(2), 297–303.
 *
 * @since 0.1.0
 */
public final class BoxTest {

    /** Which portmanteau statistic. */
    public enum Type {
        /** Box–Pierce {@code Q = n Σ r_k²}. */
        BOX_PIERCE,
        /** Ljung–Box {@code Q* = n(n+2) Σ r_k²/(n−k)}. */
        LJUNG_BOX
    }

    /**
     * The result of a test. Immutable.
     *
     * @param type      the statistic
     * @param statistic Q or Q*, &ge; 0
     * @param lag       number of autocorrelations h
     * @param df        degrees of freedom {@code h − fitdf}
     * @param pValue    {@code P(χ²_df > statistic)}, in [0, 1]
     * @param n         number of observed values used
     */
    public record Result(Type type, double statistic, int lag, int df, double pValue, int n) {

        /**
         * Validates the fields.
         *
         * @throws IllegalArgumentException if a field is out of range
         */
        public Result {
            Objects.requireNonNull(type, "type");
            Checks.requireArgument(statistic >= 0, "statistic must be >= 0, got %s", statistic);
            Checks.requireArgument(pValue >= 0 && pValue <= 1, "pValue must be in [0, 1], got %s", pValue);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s test: X-squared = %.6g, df = %d, p-value = %.6g",
                    type == Type.LJUNG_BOX ? "Box-Ljung" : "Box-Pierce", statistic, df, pValue);
        }
    }

    private BoxTest() {
    }

    /**
     * The Ljung–Box test.
     *
     * @param x     values (e.g. model residuals), NaN for missing. Not modified.
     * @param lag   number of autocorrelations h, in {@code [1, n − 1]}
     * @param fitdf degrees of freedom used by a fitted model, in {@code [0, h)}
     * @return the result
     * @throws IllegalArgumentException see {@link #test(double[], int, int, Type)}
     */
    public static Result ljungBox(double[] x, int lag, int fitdf) {
        return test(x, lag, fitdf, Type.LJUNG_BOX);
    }

    /**
     * The Box–Pierce test.
     *
     * @param x     values, NaN for missing. Not modified.
     * @param lag   number of autocorrelations h, in {@code [1, n − 1]}
     * @param fitdf degrees of freedom used by a fitted model, in {@code [0, h)}
     * @return the result
     * @throws IllegalArgumentException see {@link #test(double[], int, int, Type)}
     */
    public static Result boxPierce(double[] x, int lag, int fitdf) {
        return test(x, lag, fitdf, Type.BOX_PIERCE);
    }

    /**
     * Runs a portmanteau test.
     *
     * @param x     values, NaN for missing. Not modified.
     * @param lag   number of autocorrelations h, in {@code [1, n − 1]}
     * @param fitdf degrees of freedom used by a fitted model, in {@code [0, h)}
     * @param type  which statistic
     * @return the result
     * @throws IllegalArgumentException if {@code lag} or {@code fitdf} is out of range, the series is constant,
     *                                  or a lag has no pair of observed values
     */
    public static Result test(double[] x, int lag, int fitdf, Type type) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(type, "type");
        int nObs = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                nObs++;
            }
        }
        Checks.requireArgument(lag >= 1, "lag must be >= 1, got %d", lag);
        Checks.requireArgument(lag < nObs, "lag must be < the number of observed values (%d), got %d", nObs, lag);
        Checks.requireArgument(fitdf >= 0 && fitdf < lag, "fitdf must be in [0, lag = %d), got %d", lag, fitdf);
        Checks.requireArgument(lag <= x.length - 1, "lag must be <= n - 1 (%d), got %d", x.length - 1, lag);
        double[] r = Autocorrelation.acf(x, lag);
        double n = nObs;
        double q;
        if (type == Type.BOX_PIERCE) {
            // Q = n Σ r_k²
            double s = 0;
            for (int k = 1; k <= lag; k++) {
                s += r[k] * r[k];
            }
            q = n * s;
        } else {
            // Q* = n (n + 2) Σ r_k² / (n − k)
            double s = 0;
            for (int k = 1; k <= lag; k++) {
                s += r[k] * r[k] / (n - k);
            }
            q = n * (n + 2) * s;
        }
        int df = lag - fitdf;
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(q);
        // 1 − F can round to a tiny negative or above 1 only through F's rounding; keep it a probability
        p = Math.min(1, Math.max(0, p));
        return new Result(type, q, lag, df, p, nObs);
    }
}
