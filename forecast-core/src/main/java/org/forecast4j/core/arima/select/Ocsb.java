package org.forecast4j.core.arima.select;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.forecast4j.core.Checks;

/**
 * The OCSB test for a seasonal unit root (Osborn, Chui, Smith &amp; Birchenhall 1988, "Seasonality and the
 * order of integration for consumption", <i>Oxford Bulletin of Economics and Statistics</i> 50(4), 361–377), as
 * R's {@code forecast::ocsb.test} computes it for {@code nsdiffs(test = "ocsb")}.
 *
 * <p>With {@code Δ} the first difference and {@code Δ_m} the seasonal difference, an AR({@code L}) model
 * {@code ΔΔ_m y_t = Σ_k β_k ΔΔ_m y_{t−k} + ε_t} (no intercept) is fitted by least squares, its filter applied to
 * the other differences, {@code Z4_t = Δ_m y_t − Σ β_k Δ_m y_{t−k}} and {@code Z5_t = Δy_t − Σ β_k Δy_{t−k}},
 * and the regression
 * <pre>
 *   ΔΔ_m y_t = Σ_k γ_k ΔΔ_m y_{t−k} + δ4 Z4_{t−1} + δ5 Z5_{t−m} + u_t
 * </pre>
 * fitted. The statistic is the t value of {@code δ5}; a seasonal unit root is not rejected (so a seasonal
 * difference is suggested) when it exceeds the 5% critical value
 * <pre>
 *   cv(m) = −0.2937411 exp(−0.2850853 (ln m − 0.7656451) − 0.05983644 (ln m − 0.7656451)²) − 1.652202
 * </pre>
 * (forecast's fit to Osborn's simulations). With lag selection by AIC, the regressions with
 * {@code L = 1..maxLag} are compared on a common sample and, as {@code forecast 8.20} does, the order used is
 * one less than the AIC-best {@code L}.
 *
 * @since 0.1.0
 */
public final class Ocsb {

    /** The lag search range forecast's nsdiffs uses. */
    public static final int NSDIFFS_MAX_LAG = 3;

    private Ocsb() {
    }

    /**
     * How the number of lagged terms is chosen.
     */
    public enum LagSelection {
        /** Use {@code maxLag} lags. */
        FIXED,
        /** Choose by AIC among 1..maxLag (then use one less, as forecast 8.20). */
        AIC
    }

    /**
     * Runs the test as {@code nsdiffs} does: at most 3 lags chosen by AIC.
     *
     * @param y      observations, finite. Not modified.
     * @param period seasonal period, &ge; 2
     * @return the result
     * @throws IllegalArgumentException if the series is too short for the regression or the regression is
     *                                  singular (R stops with "Model did not reach a solution")
     */
    public static OcsbResult test(double[] y, int period) {
        return test(y, period, NSDIFFS_MAX_LAG, LagSelection.AIC);
    }

    /**
     * Runs the test.
     *
     * @param y         observations, finite. Not modified.
     * @param period    seasonal period, &ge; 2
     * @param maxLag    largest number of lagged {@code ΔΔ_m y} terms, &ge; 0
     * @param selection fixed or AIC
     * @return the result
     * @throws IllegalArgumentException for bad arguments, a series too short for the regression, or a singular
     *                                  regression
     */
    public static OcsbResult test(double[] y, int period, int maxLag, LagSelection selection) {
        Checks.requireFinite(y, "y");
        Checks.requireArgument(period >= 2, "period must be >= 2 for the OCSB test, got %d", period);
        Checks.requireNonNegative(maxLag, "maxLag");
        OcsbResult r = compute(y, period, maxLag, selection == null ? LagSelection.FIXED : selection);
        Checks.requireArgument(r != null,
                "OCSB regression has no solution: series of length %d is too short or degenerate for period %d "
                        + "and %d lags", y.length, period, maxLag);
        return r;
    }

    /**
     * The 5% critical value of the OCSB statistic for a period (forecast's {@code calcOCSBCritVal}).
     *
     * @param period seasonal period, &ge; 2
     * @return the critical value (negative)
     */
    public static double criticalValue(int period) {
        Checks.requireArgument(period >= 2, "period must be >= 2, got %d", period);
        double lm = Math.log(period);
        double u = lm - 0.7656451;
        return -0.2937411 * Math.exp(-0.2850853 * u + (-0.05983644) * u * u) - 1.652202;
    }

    /** The test, or null when a regression is singular or has no residual degrees of freedom. */
    static OcsbResult compute(double[] y, int m, int maxLag, LagSelection selection) {
        int n = y.length;
        if (n < m + 2) {
            return null;
        }
        int lag = maxLag;
        if (maxLag > 0 && selection == LagSelection.AIC) {
            double best = Double.POSITIVE_INFINITY;
            int bestId = -1;
            for (int l = 1; l <= maxLag; l++) {
                Regression r = fit(y, m, l, maxLag);
                double aic = r == null ? Double.POSITIVE_INFINITY : r.aic();
                if (aic < best) {
                    best = aic;
                    bestId = l;
                }
            }
            if (bestId < 0) {
                return null;
            }
            // forecast 8.20: maxlag <- which.min(icvals) - 1, where icvals[i] belongs to lag i
            lag = bestId - 1;
        }
        Regression r = fit(y, m, lag, lag);
        if (r == null || !Double.isFinite(r.tZ5)) {
            return null;
        }
        return new OcsbResult(r.tZ5, criticalValue(m), lag, m);
    }

    /** Least-squares summary of one OCSB regression. */
    private static final class Regression {
        final int rows;
        final int p;
        final double rss;
        final double tZ5;

        Regression(int rows, int p, double rss, double tZ5) {
            this.rows = rows;
            this.p = p;
            this.rss = rss;
            this.tZ5 = tZ5;
        }

        /** AIC of R's lm: −2 logLik + 2 (p + 1), logLik = −N/2 (ln 2π + 1 + ln(RSS/N)). */
        double aic() {
            double ll = -0.5 * rows * (Math.log(2 * Math.PI) + 1 + Math.log(rss / rows));
            return -2 * ll + 2 * (p + 1);
        }
    }

    /**
     * One OCSB regression with {@code l} lags on the sample {@code t = m + 1 + maxLag .. n − 1} (0-based).
     */
    private static Regression fit(double[] x, int m, int l, int maxLag) {
        int n = x.length;
        // differences indexed by time t (0-based): dx[t] = x_t - x_{t-1}, dmx[t] = x_t - x_{t-m}, y = Δ dmx
        double[] dx = new double[n];
        double[] dmx = new double[n];
        double[] yy = new double[n];
        for (int t = 1; t < n; t++) {
            dx[t] = x[t] - x[t - 1];
        }
        for (int t = m; t < n; t++) {
            dmx[t] = x[t] - x[t - m];
        }
        for (int t = m + 1; t < n; t++) {
            yy[t] = dmx[t] - dmx[t - 1];
        }
        int first = m + 1 + maxLag;
        int rows = n - first;
        // AR(l) filter beta from y_t on y_{t-1..t-l}
        double[] beta = new double[l];
        if (l > 0) {
            if (rows <= l) {
                return null;
            }
            DMatrixRMaj xa = new DMatrixRMaj(rows, l);
            DMatrixRMaj ya = new DMatrixRMaj(rows, 1);
            for (int i = 0; i < rows; i++) {
                int t = first + i;
                ya.set(i, 0, yy[t]);
                for (int k = 1; k <= l; k++) {
                    xa.set(i, k - 1, yy[t - k]);
                }
            }
            double[] b = leastSquares(xa, ya, null);
            if (b == null) {
                return null;
            }
            System.arraycopy(b, 0, beta, 0, l);
        }
        // final regression: y_t on [y_{t-1..t-l}, Z4_{t-1}, Z5_{t-m}]
        int p = l + 2;
        if (rows <= p) {
            return null;
        }
        DMatrixRMaj xf = new DMatrixRMaj(rows, p);
        DMatrixRMaj yf = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            int t = first + i;
            yf.set(i, 0, yy[t]);
            for (int k = 1; k <= l; k++) {
                xf.set(i, k - 1, yy[t - k]);
            }
            int s4 = t - 1;
            double z4 = dmx[s4];
            int s5 = t - m;
            double z5 = dx[s5];
            for (int k = 1; k <= l; k++) {
                z4 -= beta[k - 1] * dmx[s4 - k];
                z5 -= beta[k - 1] * dx[s5 - k];
            }
            xf.set(i, l, z4);
            xf.set(i, l + 1, z5);
        }
        double[] se = new double[p];
        double[] coef = leastSquares(xf, yf, se);
        if (coef == null) {
            return null;
        }
        double rss = residualSumOfSquares(xf, yf, coef);
        double sigma2 = rss / (rows - p);
        double t5 = coef[p - 1] / Math.sqrt(sigma2 * se[p - 1]);
        return new Regression(rows, p, rss, t5);
    }

    /**
     * Least squares by the normal equations (Cholesky); {@code diagInverse}, when given, receives the diagonal
     * of {@code (X'X)⁻¹}. Returns null when {@code X'X} is not positive definite.
     */
    private static double[] leastSquares(DMatrixRMaj x, DMatrixRMaj y, double[] diagInverse) {
        int p = x.numCols;
        DMatrixRMaj xtx = new DMatrixRMaj(p, p);
        DMatrixRMaj xty = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(x, x, xtx);
        CommonOps_DDRM.multTransA(x, y, xty);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(p);
        if (!chol.setA(xtx.copy())) {
            return null;
        }
        DMatrixRMaj b = new DMatrixRMaj(p, 1);
        chol.solve(xty, b);
        if (diagInverse != null) {
            DMatrixRMaj inv = new DMatrixRMaj(p, p);
            chol.invert(inv);
            for (int j = 0; j < p; j++) {
                diagInverse[j] = inv.get(j, j);
            }
        }
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = b.get(j, 0);
            if (!Double.isFinite(out[j])) {
                return null;
            }
        }
        return out;
    }

    private static double residualSumOfSquares(DMatrixRMaj x, DMatrixRMaj y, double[] coef) {
        double rss = 0;
        for (int i = 0; i < x.numRows; i++) {
            double fit = 0;
            for (int j = 0; j < x.numCols; j++) {
                fit += x.get(i, j) * coef[j];
            }
            double r = y.get(i, 0) - fit;
            rss += r * r;
        }
        return rss;
    }
}
