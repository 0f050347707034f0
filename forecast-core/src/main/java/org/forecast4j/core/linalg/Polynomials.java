package org.forecast4j.core.linalg;

import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;

/**
 * Root-based checks of lag polynomials used by ARIMA fitting: stationarity of {@code 1 - Σ φ_i z^i} and the
 * inversion of non-invertible MA polynomials (R's {@code arCheck} and {@code maInvert} in {@code stats::arima}).
 * Roots come from Laguerre's method (Commons Math).
 */
public final class Polynomials {

    private Polynomials() {
    }

    /**
     * Roots of {@code c_0 + c_1 z + ... + c_k z^k}.
     *
     * @param coefficients ascending coefficients, last non-zero, length &ge; 2. Not modified.
     * @return the k complex roots
     */
    public static Complex[] roots(double[] coefficients) {
        return new LaguerreSolver(1e-14).solveAllComplex(coefficients, 0.0);
    }

    /**
     * Whether {@code 1 - φ_1 z - ... - φ_p z^p} has all roots outside the unit circle (stationary AR).
     *
     * @param ar the coefficients {@code φ}. Not modified.
     * @return true if stationary (also for an empty or all-zero polynomial)
     */
    public static boolean isStationary(double[] ar) {
        int p = lastNonZero(ar);
        if (p == 0) {
            return true;
        }
        double[] c = new double[p + 1];
        c[0] = 1.0;
        for (int i = 0; i < p; i++) {
            c[i + 1] = -ar[i];
        }
        for (Complex z : roots(c)) {
            if (z.abs() <= 1.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Smallest modulus of the roots of {@code 1 + s_1 z + ... + s_k z^k} ({@code sign = 1}) or
     * {@code 1 - s_1 z - ...} ({@code sign = -1}); +&infin; for a constant polynomial.
     *
     * @param coef the coefficients. Not modified.
     * @param sign +1 for MA polynomials, -1 for AR polynomials
     * @return the smallest root modulus
     */
    public static double minRootModulus(double[] coef, int sign) {
        int k = lastNonZero(coef);
        if (k == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] c = new double[k + 1];
        c[0] = 1.0;
        for (int i = 0; i < k; i++) {
            c[i + 1] = sign * coef[i];
        }
        double m = Double.POSITIVE_INFINITY;
        for (Complex z : roots(c)) {
            m = Math.min(m, z.abs());
        }
        return m;
    }

    /**
     * Makes {@code 1 + θ_1 z + ... + θ_q z^q} invertible by replacing each root inside the unit circle by its
     * reciprocal (R's {@code maInvert}); the result has the same autocovariances up to scale.
     *
     * @param ma MA coefficients. Not modified.
     * @return new coefficients (a copy of {@code ma} if already invertible)
     */
    public static double[] invertMa(double[] ma) {
        int q = ma.length;
        int q0 = lastNonZero(ma);
        if (q0 == 0) {
            return ma.clone();
        }
        double[] c = new double[q0 + 1];
        c[0] = 1.0;
        System.arraycopy(ma, 0, c, 1, q0);
        Complex[] roots = roots(c);
        boolean any = false;
        for (Complex z : roots) {
            if (z.abs() < 1.0) {
                any = true;
            }
        }
        if (!any) {
            return ma.clone();
        }
        double[] out = new double[q];
        if (q0 == 1) {
            out[0] = 1.0 / ma[0];
            return out;
        }
        // rebuild prod_k (1 - z / root_k) with the inside roots reflected
        Complex[] x = {Complex.ONE};
        for (Complex root : roots) {
            Complex rt = root.abs() < 1.0 ? root.reciprocal() : root;
            Complex[] nx = new Complex[x.length + 1];
            for (int i = 0; i < nx.length; i++) {
                Complex a = i < x.length ? x[i] : Complex.ZERO;
                Complex b = i > 0 ? x[i - 1].divide(rt) : Complex.ZERO;
                nx[i] = a.subtract(b);
            }
            x = nx;
        }
        for (int i = 0; i < q0; i++) {
            out[i] = x[i + 1].getReal();
        }
        return out;
    }

    /** Index (1-based) of the last non-zero coefficient, 0 if none. */
    private static int lastNonZero(double[] c) {
        for (int i = c.length - 1; i >= 0; i--) {
            if (c[i] != 0.0) {
                return i + 1;
            }
        }
        return 0;
    }
}
