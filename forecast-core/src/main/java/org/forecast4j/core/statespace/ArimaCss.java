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
        difference(y, d, bigD, s, w);
        return meanSquareDifferenced(w, y.length, phi, theta, ncond, resid, new int[phi.length + theta.length]);
    }

    /**
     * Differences a series: {@code w = (1-B)^d (1-B^s)^D y}, aligned with {@code y} (the first
     * {@code d + sD} entries of {@code w} are partial differences, never read by {@link #meanSquareDifferenced}
     * when {@code ncond ≥ d + sD + len(phi)}).
     *
     * @param y    observations. Not modified.
     * @param d    number of non-seasonal differences
     * @param bigD number of seasonal differences
     * @param s    seasonal period
     * @param w    the differenced series, length &ge; n. Modified.
     */
    public static void difference(double[] y, int d, int bigD, int s, double[] w) {
        int n = y.length;
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
    }

    /**
     * The conditional mean square of an already differenced series ({@link #difference}):
     * {@code e_t = w_t - Σ φ_j w_(t-j) - Σ θ_j e_(t-j)} for {@code ncond ≤ t < n}, {@code e_t = 0} before.
     * Only the non-zero coefficients enter the loops: a multiplicative seasonal polynomial such as
     * {@code (1 - φ B)(1 - Φ B^7)} has three non-zero lags out of eight, so the cost per observation is the
     * number of non-zero lags, not the largest lag. Skipping exact zeros leaves every result bit-identical to
     * the dense recursion (R's {@code ARIMA_CSS}).
     *
     * @param w     differenced series, length &ge; n (entries before {@code ncond - len(phi)} are not read). Not
     *              modified.
     * @param n     number of observations
     * @param phi   expanded AR coefficients. Not modified.
     * @param theta expanded MA coefficients. Not modified.
     * @param ncond number of initial innovations conditioned on (set to 0), &ge; d + sD + len(phi)
     * @param resid innovations, length &ge; n (first ncond are 0). Modified.
     * @param lags  workspace of length &ge; len(phi) + len(theta). Modified.
     * @return {@code Σ e_t² / ν} over the non-missing innovations (NaN when none is finite)
     */
    public static double meanSquareDifferenced(double[] w, int n, double[] phi, double[] theta, int ncond,
                                               double[] resid, int[] lags) {
        int na = 0;
        for (int j = 0; j < phi.length; j++) {
            if (phi[j] != 0.0) {
                lags[na++] = j;
            }
        }
        int nm = na;
        for (int j = 0; j < theta.length; j++) {
            if (theta[j] != 0.0) {
                lags[nm++] = j;
            }
        }
        int q = theta.length;
        for (int l = 0; l < ncond && l < n; l++) {
            resid[l] = 0.0;
        }
        arPart(w, n, phi, lags, na, ncond, resid);
        double ssq = 0.0;
        int nu = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = resid[l];
            if (l - ncond >= q) {
                for (int k = na; k < nm; k++) {
                    int j = lags[k];
                    tmp -= theta[j] * resid[l - j - 1];
                }
            } else {
                int jmax = l - ncond;
                for (int k = na; k < nm; k++) {
                    int j = lags[k];
                    if (j < jmax) {
                        tmp -= theta[j] * resid[l - j - 1];
                    }
                }
            }
            resid[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }

    /**
     * {@link #meanSquareDifferenced} for four parameter vectors at once. One recursion is bound by the latency of
     * its chain of dependent subtractions ({@code e_t} needs {@code e_(t-1)}); the four independent recursions
     * advance side by side in one pass over the observations, so the processor overlaps their chains, about
     * four times the throughput. A lag enters the loops when its coefficient is non-zero in some vector;
     * subtracting an exact zero leaves a value unchanged, so {@code out[b]} is bit-identical to
     * {@link #meanSquareDifferenced} with vector {@code b}'s arrays. Pass the same arrays twice to evaluate fewer
     * than four vectors.
     *
     * @param w     the differenced series of each vector, {@code w[b]} of length &ge; n (may be the same array).
     *              Not modified.
     * @param n     number of observations
     * @param phi   expanded AR coefficients of each vector, all of one length. Not modified.
     * @param theta expanded MA coefficients of each vector, all of one length. Not modified.
     * @param ncond number of initial innovations conditioned on (set to 0)
     * @param resid innovations of each vector, {@code resid[b]} of length &ge; n, four distinct arrays. Modified.
     * @param lags  workspace of length &ge; len(phi[0]) + len(theta[0]). Modified.
     * @param out   {@code Σ e_t² / ν} of each vector, length &ge; 4. Modified.
     */
    public static void meanSquareDifferenced4(double[][] w, int n, double[][] phi, double[][] theta, int ncond,
                                              double[][] resid, int[] lags, double[] out) {
        final double[] w0 = w[0];
        final double[] w1 = w[1];
        final double[] w2 = w[2];
        final double[] w3 = w[3];
        final double[] a0 = phi[0];
        final double[] a1 = phi[1];
        final double[] a2 = phi[2];
        final double[] a3 = phi[3];
        final double[] m0 = theta[0];
        final double[] m1 = theta[1];
        final double[] m2 = theta[2];
        final double[] m3 = theta[3];
        final double[] e0 = resid[0];
        final double[] e1 = resid[1];
        final double[] e2 = resid[2];
        final double[] e3 = resid[3];
        int na = 0;
        for (int j = 0; j < a0.length; j++) {
            if (a0[j] != 0.0 || a1[j] != 0.0 || a2[j] != 0.0 || a3[j] != 0.0) {
                lags[na++] = j;
            }
        }
        int nm = na;
        for (int j = 0; j < m0.length; j++) {
            if (m0[j] != 0.0 || m1[j] != 0.0 || m2[j] != 0.0 || m3[j] != 0.0) {
                lags[nm++] = j;
            }
        }
        for (int l = 0; l < ncond && l < n; l++) {
            e0[l] = 0.0;
            e1[l] = 0.0;
            e2[l] = 0.0;
            e3[l] = 0.0;
        }
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int n0 = 0;
        int n1 = 0;
        int n2 = 0;
        int n3 = 0;
        arPart(w0, n, a0, lags, na, ncond, e0);
        arPart(w1, n, a1, lags, na, ncond, e1);
        arPart(w2, n, a2, lags, na, ncond, e2);
        arPart(w3, n, a3, lags, na, ncond, e3);
        for (int l = ncond; l < n; l++) {
            double t0 = e0[l];
            double t1 = e1[l];
            double t2 = e2[l];
            double t3 = e3[l];
            int jmax = l - ncond;
            for (int k = na; k < nm; k++) {
                int j = lags[k];
                if (j >= jmax) {
                    break;
                }
                int i = l - j - 1;
                t0 -= m0[j] * e0[i];
                t1 -= m1[j] * e1[i];
                t2 -= m2[j] * e2[i];
                t3 -= m3[j] * e3[i];
            }
            e0[l] = t0;
            e1[l] = t1;
            e2[l] = t2;
            e3[l] = t3;
            if (!Double.isNaN(t0)) {
                n0++;
                s0 += t0 * t0;
            }
            if (!Double.isNaN(t1)) {
                n1++;
                s1 += t1 * t1;
            }
            if (!Double.isNaN(t2)) {
                n2++;
                s2 += t2 * t2;
            }
            if (!Double.isNaN(t3)) {
                n3++;
                s3 += t3 * t3;
            }
        }
        out[0] = s0 / n0;
        out[1] = s1 / n1;
        out[2] = s2 / n2;
        out[3] = s3 / n3;
    }

    /**
     * The autoregressive part {@code e_t = w_t - Σ φ_j w_(t-j-1)} for {@code ncond ≤ t < n}, lag by lag over all
     * {@code t}: the terms do not depend on earlier innovations, so each lag is one independent, vectorisable
     * loop, and each {@code e_t} still receives its terms in the order of the recursion (bit-identical).
     */
    private static void arPart(double[] w, int n, double[] phi, int[] lags, int na, int ncond, double[] e) {
        if (ncond >= n) {
            return;
        }
        System.arraycopy(w, ncond, e, ncond, n - ncond);
        for (int k = 0; k < na; k++) {
            int j = lags[k];
            double c = phi[j];
            int o = j + 1;
            for (int l = ncond; l < n; l++) {
                e[l] -= c * w[l - o];
            }
        }
    }
}
