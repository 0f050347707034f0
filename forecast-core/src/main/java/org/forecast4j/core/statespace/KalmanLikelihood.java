package org.forecast4j.core.statespace;

/**
 * Exact Gaussian likelihood of an ARIMA model by the Kalman filter, as R's {@code ARIMA_Like}
 * ({@code stats::arima}, Gardner et al. 1980; Harvey 1989, section 3.4).
 *
 * <p>State space form (Harvey 1989; R's {@code makeARIMA}): the ARMA part {@code u_t} of the differenced series
 * has the companion state {@code α_t} of dimension {@code r = max(p, q + 1)} with
 * {@code α_(t+1) = T α_t + R ε_t}, {@code T} having {@code φ} in its first column and ones on its
 * super-diagonal, {@code R = (1, θ_1, ..., θ_(r-1))'}. For a differencing polynomial
 * {@code Δ(B) = 1 - δ_1 B - ... - δ_d B^d} (product of {@code (1-B)^d (1-B^s)^D}) the state is extended by the
 * last {@code d} values of the undifferenced series, and {@code y_t = α_(t,1) + Σ δ_k y_(t-k)}. No observation
 * noise.
 *
 * <p>Initialisation: {@code a_1 = 0}, {@code P_1 = diag(Q0, κ I_d)} with {@code Q0} from {@link GardnerQ0} and
 * {@code κ = 1e6} ({@link #KAPPA}) approximating a diffuse prior on the differenced part, as R does. Step
 * {@code t}: predict {@code a = T a}, {@code P = T P T' + R R'} (skipped at t = 1), innovation
 * {@code v_t = y_t - Z'a}, {@code F_t = Z'PZ}; the likelihood terms {@code v_t²/F_t} and {@code log F_t} are
 * added only when {@code F_t < 1e4} ({@link #GAIN_LIMIT}), which drops the diffuse start exactly as R does.
 * A missing observation (NaN) skips the update.
 *
 * <p>Speed: the prediction uses the companion structure of {@code T} (O(r) for the state, O(rd&sup2;) for the
 * covariance, no matrix products), and once the predicted covariance stops changing (largest change below
 * {@link #STEADY_TOL}, which happens for invertible models after a few dozen steps) the filter switches to its
 * steady state and each further step costs O(rd). Nothing is allocated: every buffer lives in the
 * {@link KalmanWorkspace}.
 *
 * <p>The concentrated objective of R's {@code armafn} is
 * {@code 0.5 (log(ssq/nu) + sumlog/nu)} ({@link #concentratedObjective}).
 */
public final class KalmanLikelihood {

    /** Variance of the approximate diffuse prior of the non-stationary state (R's {@code kappa}). */
    public static final double KAPPA = 1e6;
    /** A step enters the likelihood only when its innovation variance is below this (R's {@code 1e4}). */
    public static final double GAIN_LIMIT = 1e4;
    /**
     * Largest change of the predicted covariance between two steps below which the filter is treated as
     * converged. The covariance of the unit-variance filter is O(1); the Riccati recursion contracts, so the
     * remaining change after the switch is of the same order and its effect on the log-likelihood is far below
     * 1e-8.
     */
    public static final double STEADY_TOL = 1e-12;

    private KalmanLikelihood() {
    }

    /**
     * Runs the filter over {@code y} and stores {@code ssq}, {@code sumlog}, {@code nu}, the final state and
     * covariance in {@code ws}.
     *
     * @param y      observations (already minus any regression part), NaN = missing. Not modified.
     * @param phi    expanded AR coefficients, length p. Not modified.
     * @param theta  expanded MA coefficients, length q. Not modified.
     * @param delta  differencing coefficients {@code δ}, length d. Not modified.
     * @param ws     workspace created for (p, q, d). Modified.
     * @param resid  if non-null, receives the standardised innovations {@code v_t / sqrt(F_t)} (NaN where
     *               missing), as R's {@code residuals()}; length n. Modified.
     * @return {@code ssq}, the sum of squared standardised innovations
     * @throws IllegalArgumentException if the workspace dimensions do not match
     */
    public static double evaluate(double[] y, double[] phi, double[] theta, double[] delta, KalmanWorkspace ws,
                                  double[] resid) {
        final int p = phi.length;
        final int q = theta.length;
        final int d = delta.length;
        final int r = ws.r;
        final int rd = ws.rd;
        if (Math.max(p, q + 1) != r || d != ws.d) {
            throw new IllegalArgumentException("workspace built for r=" + r + ", d=" + ws.d + " but model has p="
                    + p + ", q=" + q + ", d=" + d);
        }
        final double[] a = ws.a;
        final double[] anew = ws.anew;
        final double[] pm = ws.pmat;
        final double[] pn = ws.pnew;
        final double[] pprev = ws.pprev;
        final double[] mm = ws.mm;
        final double[] mv = ws.m;
        final int n = y.length;

        // a_1 = 0, P_1 = diag(Q0, kappa I)
        for (int i = 0; i < rd; i++) {
            a[i] = 0.0;
        }
        for (int i = 0; i < rd * rd; i++) {
            pn[i] = 0.0;
        }
        GardnerQ0.compute(phi, p, theta, q, pn, rd, ws.q0work());
        for (int i = r; i < rd; i++) {
            pn[i * rd + i] = KAPPA;
        }

        double ssq = 0.0;
        double sumlog = 0.0;
        int nu = 0;
        boolean steady = false;
        ws.steadyFrom = -1;
        double gain = 0.0;

        // steady-state accumulators: terms with the fixed F are summed without a log per step
        int steadyTerms = 0;
        double steadySsq = 0.0;
        double invGain = 0.0;
        for (int l = 0; l < n; l++) {
            double yl = y[l];
            if (steady && !Double.isNaN(yl)) {
                // steady state: a = T a + M v / F with fixed M and F; O(rd) per step
                double a0 = a[0];
                double pred = a0;
                for (int k = 0; k < d; k++) {
                    pred += delta[k] * a[r + k];
                }
                double resid0;
                if (d > 0) {
                    // predicted observation Z'Ta = (Ta)_0 + Σ δ_k (Ta)_(r+k)
                    double ta0 = (r > 1 ? a[1] : 0.0) + (p > 0 ? phi[0] * a0 : 0.0);
                    double obs = ta0 + delta[0] * pred;
                    for (int k = 1; k < d; k++) {
                        obs += delta[k] * a[r + k - 1];
                    }
                    resid0 = yl - obs;
                } else {
                    resid0 = yl - ((r > 1 ? a[1] : 0.0) + (p > 0 ? phi[0] * a0 : 0.0));
                }
                double scale = resid0 * invGain;
                for (int i = 0; i < r; i++) {
                    double tmp = i < r - 1 ? a[i + 1] : 0.0;
                    if (i < p) {
                        tmp += phi[i] * a0;
                    }
                    a[i] = tmp + mv[i] * scale;
                }
                if (d > 0) {
                    for (int i = rd - 1; i > r; i--) {
                        a[i] = a[i - 1] + mv[i] * scale;
                    }
                    a[r] = pred + mv[r] * scale;
                }
                steadyTerms++;
                steadySsq += resid0 * scale;
                if (resid != null) {
                    resid[l] = resid0 / Math.sqrt(gain);
                }
                continue;
            }
            // anew = T a (companion structure)
            double a0 = a[0];
            for (int i = 0; i < r; i++) {
                double tmp = i < r - 1 ? a[i + 1] : 0.0;
                if (i < p) {
                    tmp += phi[i] * a0;
                }
                anew[i] = tmp;
            }
            if (d > 0) {
                double tmp = a0;
                for (int k = 0; k < d; k++) {
                    tmp += delta[k] * a[r + k];
                }
                for (int i = rd - 1; i > r; i--) {
                    anew[i] = a[i - 1];
                }
                anew[r] = tmp;
            }
            if (l > 0 && !steady) {
                System.arraycopy(pn, 0, pprev, 0, rd * rd);
                predictCovariance(phi, theta, delta, r, rd, pm, mm, pn);
                if (l > 1 && maxAbsDiff(pn, pprev, rd * rd) <= STEADY_TOL) {
                    steady = true;
                    ws.steadyFrom = l;
                }
            }
            if (!Double.isNaN(yl)) {
                // v = y - Z'a,  M = P Z,  F = Z'M
                double resid0 = yl - anew[0];
                for (int k = 0; k < d; k++) {
                    resid0 -= delta[k] * anew[r + k];
                }
                if (!steady || l == ws.steadyFrom) {
                    for (int i = 0; i < rd; i++) {
                        double tmp = pn[i * rd];
                        for (int k = 0; k < d; k++) {
                            tmp += pn[i * rd + r + k] * delta[k];
                        }
                        mv[i] = tmp;
                    }
                    gain = mv[0];
                    for (int k = 0; k < d; k++) {
                        gain += delta[k] * mv[r + k];
                    }
                }
                if (gain < GAIN_LIMIT) {
                    nu++;
                    ssq += resid0 * resid0 / gain;
                    sumlog += Math.log(gain);
                }
                invGain = 1.0 / gain;
                if (resid != null) {
                    resid[l] = resid0 / Math.sqrt(gain);
                }
                // a = anew + M v / F
                double scale = resid0 / gain;
                for (int i = 0; i < rd; i++) {
                    a[i] = anew[i] + mv[i] * scale;
                }
                if (!steady || l == ws.steadyFrom) {
                    // P = Pnew - M M' / F
                    for (int i = 0; i < rd; i++) {
                        double mi = mv[i] / gain;
                        int row = i * rd;
                        for (int j = i; j < rd; j++) {
                            double v = pn[row + j] - mi * mv[j];
                            pm[row + j] = v;
                            pm[j * rd + i] = v;
                        }
                    }
                }
            } else {
                System.arraycopy(anew, 0, a, 0, rd);
                if (steady) {
                    // a gap breaks the steady state: flush its terms, continue from the steady predicted covariance
                    if (steadyTerms > 0 && gain < GAIN_LIMIT) {
                        ssq += steadySsq;
                        sumlog += steadyTerms * Math.log(gain);
                        nu += steadyTerms;
                    }
                    steadyTerms = 0;
                    steadySsq = 0.0;
                    steady = false;
                    ws.steadyFrom = -1;
                }
                System.arraycopy(pn, 0, pm, 0, rd * rd);
                if (resid != null) {
                    resid[l] = Double.NaN;
                }
            }
        }
        if (steadyTerms > 0 && gain < GAIN_LIMIT) {
            ssq += steadySsq;
            sumlog += steadyTerms * Math.log(gain);
            nu += steadyTerms;
        }
        ws.ssq = ssq;
        ws.sumlog = sumlog;
        ws.nu = nu;
        return ssq;
    }

    /**
     * R's concentrated objective {@code 0.5 (log(ssq/nu) + sumlog/nu)} of the last evaluation.
     *
     * @param ws workspace after {@link #evaluate}. Not modified.
     * @return the objective; +&infin; if no step was counted
     */
    public static double concentratedObjective(KalmanWorkspace ws) {
        if (ws.nu == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 0.5 * (Math.log(ws.ssq / ws.nu) + ws.sumlog / ws.nu);
    }

    /**
     * Pnew = T P T' + R R', using the companion structure of T: first mm = T P (T applied to each column of P),
     * then Pnew = T mm' (T applied to each row of mm).
     */
    static void predictCovariance(double[] phi, double[] theta, double[] delta, int r, int rd, double[] pm,
                                  double[] mm, double[] pn) {
        int p = phi.length;
        int q = theta.length;
        int d = delta.length;
        // mm = T P : row i of mm from rows of P
        for (int i = 0; i < r; i++) {
            int row = i * rd;
            double phii = i < p ? phi[i] : 0.0;
            if (i < r - 1) {
                int next = (i + 1) * rd;
                for (int j = 0; j < rd; j++) {
                    mm[row + j] = phii * pm[j] + pm[next + j];
                }
            } else {
                for (int j = 0; j < rd; j++) {
                    mm[row + j] = phii * pm[j];
                }
            }
        }
        if (d > 0) {
            int row = r * rd;
            for (int j = 0; j < rd; j++) {
                double tmp = pm[j];
                for (int k = 0; k < d; k++) {
                    tmp += delta[k] * pm[(r + k) * rd + j];
                }
                mm[row + j] = tmp;
            }
            for (int i = 1; i < d; i++) {
                System.arraycopy(pm, (r + i - 1) * rd, mm, (r + i) * rd, rd);
            }
        }
        // Pnew = mm T' (symmetric: upper triangle, then mirrored); Pnew[i][j] = (T mm[i][.])_j
        for (int i = 0; i < rd; i++) {
            int row = i * rd;
            double m0 = mm[row];
            for (int j = i; j < r; j++) {
                double tmp = j < r - 1 ? mm[row + j + 1] : 0.0;
                if (j < p) {
                    tmp += phi[j] * m0;
                }
                pn[row + j] = tmp;
            }
            if (d > 0) {
                if (i <= r) {
                    double tmp = m0;
                    for (int k = 0; k < d; k++) {
                        tmp += delta[k] * mm[row + r + k];
                    }
                    pn[row + r] = tmp;
                }
                for (int j = Math.max(r + 1, i); j < rd; j++) {
                    pn[row + j] = mm[row + j - 1];
                }
            }
        }
        // + R R' on the leading (q+1) block
        for (int i = 0; i <= q; i++) {
            double vi = i == 0 ? 1.0 : theta[i - 1];
            int row = i * rd;
            for (int j = i; j <= q; j++) {
                pn[row + j] += vi * (j == 0 ? 1.0 : theta[j - 1]);
            }
        }
        for (int i = 1; i < rd; i++) {
            int row = i * rd;
            for (int j = 0; j < i; j++) {
                pn[row + j] = pn[j * rd + i];
            }
        }
    }

    private static double maxAbsDiff(double[] x, double[] y, int len) {
        double m = 0.0;
        for (int i = 0; i < len; i++) {
            double v = Math.abs(x[i] - y[i]);
            if (v > m) {
                m = v;
            }
        }
        return m;
    }
}
