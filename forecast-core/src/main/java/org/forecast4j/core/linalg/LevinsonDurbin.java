package org.forecast4j.core.linalg;

/**
 * Levinson&ndash;Durbin recursion for the Yule&ndash;Walker equations {@code Γ_k φ = γ}: from autocovariances
 * {@code γ_0..γ_m} it gives, for every order {@code k = 1..m}, the AR coefficients {@code φ_k1..φ_kk}, the partial
 * autocorrelation {@code φ_kk} and the innovation variance {@code v_k = v_(k-1) (1 - φ_kk²)}, {@code v_0 = γ_0}.
 * O(m&sup2;).
 *
 * <p>Reference: J. Durbin (1960), The fitting of time-series models, Rev. Int. Stat. Inst. 28, 233&ndash;244;
 * Brockwell &amp; Davis (1991), Time Series: Theory and Methods, section 5.2.
 */
public final class LevinsonDurbin {

    private LevinsonDurbin() {
    }

    /**
     * Runs the recursion up to order {@code m = coefs.length}.
     *
     * @param acov  autocovariances {@code γ_0..γ_m}, length &ge; m + 1, {@code γ_0 > 0}. Not modified.
     * @param coefs {@code coefs[k-1][0..k)} receives the order-k coefficients. Modified.
     * @param vars  {@code vars[k]} receives {@code v_k}, k = 0..m (length m + 1). Modified.
     * @return false if the recursion broke down (a partial autocorrelation of modulus &ge; 1 or
     *         {@code v_k ≤ 0}), true otherwise
     */
    public static boolean solve(double[] acov, double[][] coefs, double[] vars) {
        int m = coefs.length;
        vars[0] = acov[0];
        boolean ok = acov[0] > 0;
        double[] prev = new double[m];
        for (int k = 1; k <= m && ok; k++) {
            // φ_kk = (γ_k - Σ_j φ_(k-1),j γ_(k-j)) / v_(k-1)
            double num = acov[k];
            for (int j = 1; j < k; j++) {
                num -= prev[j - 1] * acov[k - j];
            }
            double pk = num / vars[k - 1];
            double[] cur = coefs[k - 1];
            for (int j = 1; j < k; j++) {
                cur[j - 1] = prev[j - 1] - pk * prev[k - j - 1];
            }
            cur[k - 1] = pk;
            vars[k] = vars[k - 1] * (1 - pk * pk);
            ok = Math.abs(pk) < 1 && vars[k] > 0;
            System.arraycopy(cur, 0, prev, 0, k);
        }
        return ok;
    }
}
