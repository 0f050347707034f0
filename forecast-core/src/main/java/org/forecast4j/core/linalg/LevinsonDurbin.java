package org.forecast4j.core.linalg;

/**
 * Levinson&ndash;Durbin recursion for the Yule&ndash;Walker equations {@code Γ_k φ = γ}: from autocovariances
 * {@code γ_0..γ_m} (or autocorrelations, {@code γ_0 = 1}) it gives, for every order {@code k = 1..m}, the AR
 * coefficients {@code φ_k1..φ_kk}, the partial autocorrelation {@code φ_kk} and the innovation variance
 * {@code v_k}. O(m&sup2;) in all, O(k) per order.
 *
 * <p>The recursion, from {@code v_0 = γ_0}:
 * <div style="white-space: pre">
 *   φ_kk = (γ_k − Σ_{j=1..k−1} φ_(k−1),j γ_(k−j)) / v_(k−1)        ({@link #reflection}, {@link #reflectionDirect})
 *   φ_kj = φ_(k−1),j − φ_kk φ_(k−1),(k−j),   j = 1..k−1          ({@link #update})
 *   v_k  = v_(k−1) (1 − φ_kk²)  =  γ_0 − Σ_{j=1..k} φ_kj γ_j      ({@link #innovationVariance}, the direct form)
 * </div>
 * The kernels work in place on the caller's coefficient array and allocate nothing: {@link #solve} keeps every
 * order (Yule&ndash;Walker), {@code Autocorrelation.pacfFromAcf} only {@code φ_kk} with the direct variance (as
 * R's {@code pacf}), and the update alone maps partial autocorrelations to AR coefficients (as R's
 * {@code partrans}).
 *
 * <p>Reference: J. Durbin (1960), The fitting of time-series models, Rev. Int. Stat. Inst. 28, 233&ndash;244;
 * Brockwell &amp; Davis (1991), Time Series: Theory and Methods, section 5.2 (proposition 5.2.1).
 */
public final class LevinsonDurbin {

    private LevinsonDurbin() {
    }

    /**
     * Runs the recursion up to order {@code m = coefs.length}. Allocates nothing.
     *
     * @param acov  autocovariances {@code γ_0..γ_m}, length &ge; m + 1, {@code γ_0 > 0}. Not modified.
     * @param coefs {@code coefs[k-1][0..k)} receives the order-k coefficients. Modified.
     * @param vars  {@code vars[k]} receives {@code v_k = v_(k-1) (1 - φ_kk²)}, k = 0..m (length m + 1). Modified.
     * @return false if the recursion broke down (a partial autocorrelation of modulus &ge; 1 or
     *         {@code v_k ≤ 0}; the orders after it are not computed), true otherwise
     */
    public static boolean solve(double[] acov, double[][] coefs, double[] vars) {
        int m = coefs.length;
        vars[0] = acov[0];
        boolean ok = acov[0] > 0;
        for (int k = 1; k <= m && ok; k++) {
            // start order k from a copy of order k-1, then step it in place
            double[] cur = coefs[k - 1];
            if (k > 1) {
                System.arraycopy(coefs[k - 2], 0, cur, 0, k - 1);
            }
            double pk = reflection(acov, k, vars[k - 1], cur);
            update(k, pk, cur, 0);
            vars[k] = vars[k - 1] * (1 - pk * pk);
            ok = Math.abs(pk) < 1 && vars[k] > 0;
        }
        return ok;
    }

    /**
     * The partial autocorrelation of order {@code k}:
     * {@code φ_kk = (γ_k − Σ_{j=1..k−1} φ_(k−1),j γ_(k−j)) / v_(k−1)}, summed in increasing {@code j}.
     *
     * @param gamma autocovariances or autocorrelations, {@code gamma[j] = γ_j}, length &ge; k + 1. Not modified.
     * @param k     order &ge; 1
     * @param vPrev the innovation variance {@code v_(k−1)} of order k − 1 ({@code γ_0} for k = 1)
     * @param phi   the order-(k − 1) coefficients {@code φ_(k−1),j} in {@code phi[j − 1]}, j = 1..k − 1. Not
     *              modified.
     * @return {@code φ_kk}; infinite or NaN when {@code vPrev} is 0 (the caller decides what a breakdown means)
     */
    public static double reflection(double[] gamma, int k, double vPrev, double[] phi) {
        double num = gamma[k];
        for (int j = 1; j < k; j++) {
            num -= phi[j - 1] * gamma[k - j];
        }
        return num / vPrev;
    }

    /**
     * The partial autocorrelation of order {@code k} with the innovation variance in its direct form (R's
     * {@code pacf}): {@code φ_kk = (γ_k − Σ_{j<k} φ_(k−1),j γ_(k−j)) / (γ_0 − Σ_{j<k} φ_(k−1),j γ_j)}. Both sums run
     * in one pass, summed in increasing {@code j}: their two independent chains of additions overlap, where two
     * passes would wait on each in turn.
     *
     * @param gamma0 {@code γ_0} (1 for autocorrelations)
     * @param gamma  {@code gamma[j] = γ_j}, length &ge; k + 1 ({@code gamma[0]} is not read). Not modified.
     * @param k      order &ge; 1
     * @param phi    the order-(k − 1) coefficients {@code φ_(k−1),j} in {@code phi[j − 1]}. Not modified.
     * @return {@code φ_kk}; infinite or NaN when the denominator {@code v_(k−1)} is 0
     */
    public static double reflectionDirect(double gamma0, double[] gamma, int k, double[] phi) {
        double num = gamma[k];
        double v = gamma0;
        for (int j = 1; j < k; j++) {
            double p = phi[j - 1];
            num -= p * gamma[k - j];
            v -= p * gamma[j];
        }
        return num / v;
    }

    /**
     * Steps the coefficients from order {@code k − 1} to order {@code k} in place:
     * {@code φ_kj = φ_(k−1),j − φ_kk φ_(k−1),(k−j)} for j = 1..k − 1, and {@code φ_kk} appended. Each pair
     * {@code (j, k − j)} is updated together, so no copy of the old order is needed.
     *
     * @param k   order &ge; 1
     * @param pkk the partial autocorrelation {@code φ_kk}
     * @param phi on entry {@code φ_(k−1),j} in {@code phi[off + j − 1]}, j = 1..k − 1; on exit {@code φ_kj},
     *            j = 1..k. Modified.
     * @param off where the coefficients start in {@code phi} (a block of a longer parameter vector)
     */
    public static void update(int k, double pkk, double[] phi, int off) {
        int last = off + k - 2;
        for (int lo = off, hi = last; lo <= hi; lo++, hi--) {
            double a = phi[lo];
            double b = phi[hi];
            phi[lo] = a - pkk * b;
            if (lo != hi) {
                phi[hi] = b - pkk * a;
            }
        }
        phi[off + k - 1] = pkk;
    }

    /**
     * The innovation variance of order {@code k} in its direct form, {@code v_k = γ_0 − Σ_{j=1..k} φ_kj γ_j}
     * (summed in increasing {@code j}); equal to {@code v_(k−1) (1 − φ_kk²)} in exact arithmetic.
     *
     * @param gamma0 {@code γ_0} (1 for autocorrelations)
     * @param gamma  {@code gamma[j] = γ_j}, length &ge; k + 1 ({@code gamma[0]} is not read). Not modified.
     * @param k      order &ge; 0
     * @param phi    the order-k coefficients {@code φ_kj} in {@code phi[j − 1]}. Not modified.
     * @return {@code v_k}
     */
    public static double innovationVariance(double gamma0, double[] gamma, int k, double[] phi) {
        double v = gamma0;
        for (int j = 1; j <= k; j++) {
            v -= phi[j - 1] * gamma[j];
        }
        return v;
    }
}
