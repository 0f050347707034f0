package org.forecast4j.core.statespace;

/**
 * Exact likelihood of a stationary ARMA process by the Chandrasekhar recursions, O(r) per observation instead of
 * the O(r&sup2;) of the Riccati covariance update in {@link KalmanLikelihood}, with identical results up to
 * rounding.
 *
 * <p>For a time-invariant model started from its stationary covariance {@code P_1 = Q0} ({@link ArmaCovariance};
 * {@link GardnerQ0} if its system is singular), the
 * covariance increments {@code ΔP_t = P_(t+1) - P_t} have rank one, {@code ΔP_t = S_t L_t L_t'}, and the filter
 * only needs {@code F_t = Z'P_tZ} and {@code G_t = T P_t Z}:
 * <pre>
 *   v_t = y_t - a_(t,1),                a_(t+1) = T a_t + G_t v_t / F_t
 *   u   = L_(t,1),                      F_(t+1) = F_t + S_t u²
 *   G_(t+1) = G_t + S_t u T L_t,        L_(t+1) = T L_t - G_t u / F_t
 *   S_(t+1) = S_t - S_t² u² / F_(t+1),  with L_1 = G_1 = T Q0 Z, S_1 = -1 / F_1
 * </pre>
 * Each product {@code T x} uses the companion structure (O(r)). Like R's {@code ARIMA_Like} a step enters the
 * likelihood only when {@code F_t < 1e4}. Missing values are not supported here (use {@link KalmanLikelihood}).
 *
 * <p>References: M. Morf, G. S. Sidhu and T. Kailath (1974), Some new algorithms for recursive estimation in
 * constant, linear, discrete-time systems, IEEE Trans. Automatic Control 19, 315&ndash;323; G. M&eacute;lard
 * (1984), Algorithm AS 197: A fast algorithm for the exact likelihood of autoregressive-moving average models,
 * Applied Statistics 33, 104&ndash;114.
 */
public final class ChandrasekharLikelihood {

    /** Flush threshold of the running product of the F_t. */
    private static final double PROD_FLUSH = 1e250;
    /**
     * Relative size of the remaining covariance increment {@code |S| max L_i²} below which F and G are frozen
     * (the filter has converged); far below the 1e-8 accuracy of the log-likelihood that matters.
     */
    public static final double CONVERGED_TOL = 1e-15;

    private ChandrasekharLikelihood() {
    }

    /**
     * Runs the recursions over {@code y} (no missing values) and stores {@code ssq}, {@code sumlog} and {@code nu}
     * in {@code ws}; the final state and covariance of {@code ws} are not maintained.
     *
     * @param y     observations of the stationary process, no NaN. Not modified.
     * @param phi   AR coefficients (stationary). Not modified.
     * @param theta MA coefficients. Not modified.
     * @param ws    workspace created for (p, q, 0). Modified.
     * @return {@code ssq}
     * @throws IllegalArgumentException if the workspace does not match or was built with differencing
     */
    public static double evaluate(double[] y, double[] phi, double[] theta, KalmanWorkspace ws) {
        final int p = phi.length;
        final int q = theta.length;
        final int r = ws.r;
        if (Math.max(p, q + 1) != r || ws.d != 0) {
            throw new IllegalArgumentException("workspace built for r=" + r + ", d=" + ws.d + " but model has p=" + p
                    + ", q=" + q + ", d=0");
        }
        final double[] a = ws.a;
        final double[] g = ws.gvec;
        final double[] lv = ws.lvec;
        final double[] q0 = ws.pnew;
        // Q0 from the autocovariances (O(p³ + r²)); AS 154 (as R) only if that system is numerically singular
        if (!ArmaCovariance.compute(phi, p, theta, q, q0, r, ws.covWork)) {
            GardnerQ0.compute(phi, p, theta, q, q0, r, ws.q0work());
        }
        // F_1 = Q0[0][0], G_1 = T Q0 Z (column 0 of Q0 through T), L_1 = G_1, S_1 = -1/F_1
        ws.steadyFrom = -1;
        double f = q0[0];
        for (int i = 0; i < r; i++) {
            double gi = (i < r - 1 ? q0[(i + 1) * r] : 0.0) + (i < p ? phi[i] * q0[0] : 0.0);
            g[i] = gi;
            lv[i] = gi;
            a[i] = 0.0;
        }
        double sc = -1.0 / f;
        double ssq = 0.0;
        double sumlog = 0.0;
        // Σ log F_t accumulated as a product (F_t ≥ 1 for the unit-variance filter of an invertible model),
        // flushed through one log before it can overflow: one log per many steps instead of one per step
        double prodF = 1.0;
        int nu = 0;
        boolean converged = false;
        final int n = y.length;
        for (int t = 0; t < n; t++) {
            double v = y[t] - a[0];
            if (f < KalmanLikelihood.GAIN_LIMIT) {
                nu++;
                ssq += v * v / f;
                prodF *= f;
                if (prodF > PROD_FLUSH || prodF < 1.0 / PROD_FLUSH) {
                    sumlog += Math.log(prodF);
                    prodF = 1.0;
                }
            }
            // a = T a + G v / F
            double k = v / f;
            double a0 = a[0];
            for (int i = 0; i < r; i++) {
                a[i] = (i < r - 1 ? a[i + 1] : 0.0) + (i < p ? phi[i] * a0 : 0.0) + g[i] * k;
            }
            if (converged) {
                continue;
            }
            // rank-one covariance increment: G += S u T L, L = T L - G u / F
            double u = lv[0];
            double fn = f + sc * u * u;
            double su = sc * u;
            double uf = u / f;
            double l0 = lv[0];
            double lmax = 0.0;
            for (int i = 0; i < r; i++) {
                double tl = (i < r - 1 ? lv[i + 1] : 0.0) + (i < p ? phi[i] * l0 : 0.0);
                double gi = g[i];
                g[i] = gi + tl * su;
                double li = tl - gi * uf;
                lv[i] = li;
                lmax = Math.max(lmax, Math.abs(li));
            }
            sc = sc - sc * sc * u * u / fn;
            f = fn;
            // converged: every further increment S L L' is below rounding of the O(1) covariance, and L only
            // decays through the stable T - G Z'/F
            if (Math.abs(sc) * lmax * lmax < CONVERGED_TOL * f) {
                converged = true;
                ws.steadyFrom = t + 1;
            }
        }
        sumlog += Math.log(prodF);
        ws.ssq = ssq;
        ws.sumlog = sumlog;
        ws.nu = nu;
        return ssq;
    }
}
