package org.forecast4j.core.statespace;

/**
 * Conditional sum of squares of an ARIMA model, as R's {@code ARIMA_CSS}: the series is differenced
 * ({@code (1-B)^d (1-B^s)^D}), the first {@code ncond} innovations are set to zero, and
 * {@code e_t = w_t - Σ φ_j w_(t-j) - Σ θ_j e_(t-j)} for {@code t ≥ ncond}; the result is
 * {@code Σ e_t² / ν} over the non-missing {@code e_t}.
 *
 * <p>Reference: Box, Jenkins &amp; Reinsel (2008), Time Series Analysis, section 7.1.2.
 */
public final class ArimaCss {

    private ArimaCss() {
    }

    /**
     * Computes the conditional mean square.
     *
     * @param y      observations (minus any regression part). Not modified.
     * @param d      number of non-seasonal differences
     * @param bigD   number of seasonal differences
     * @param s      seasonal period
     * @param phi    expanded AR coefficients. Not modified.
     * @param theta  expanded MA coefficients. Not modified.
     * @param ncond  number of initial innovations conditioned on (set to 0), &ge; d + sD + len(phi)
     * @param w      workspace of length n (differenced series). Modified.
     * @param resid  innovations, length n (first ncond are 0). Modified.
     * @return {@code Σ e_t² / ν} (NaN when no innovation is finite)
     */
    public static double meanSquare(double[] y, int d, int bigD, int s, double[] phi, double[] theta, int ncond,
                                    double[] w, double[] resid) {
        int n = y.length;
        int p = phi.length;
        int q = theta.length;
        System.arraycopy(y, 0, w, 0, n);
        for (int i = 0; i < d; i++) {
            for (int l = n - 1; l > 0; l--) {
                w[l] -= w[l - 1];
            }
        }
        for (int i = 0; i < bigD; i++) {
            for (int l = n - 1; l >= s; l--) {
                w[l] -= w[l - s];
            }
        }
        for (int l = 0; l < ncond && l < n; l++) {
            resid[l] = 0.0;
        }
        double ssq = 0.0;
        int nu = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j = 0; j < p; j++) {
                tmp -= phi[j] * w[l - j - 1];
            }
            int jmax = Math.min(l - ncond, q);
            for (int j = 0; j < jmax; j++) {
                tmp -= theta[j] * resid[l - j - 1];
            }
            resid[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }
}
