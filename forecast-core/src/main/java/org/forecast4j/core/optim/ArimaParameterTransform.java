package org.forecast4j.core.optim;

/**
 * Parameter transforms of seasonal ARMA models, as R's {@code stats::arima} uses them (Jones 1980; R's
 * {@code partrans}, {@code ARIMA_transPars}, {@code ARIMA_Invtrans}, {@code ARIMA_Gradtrans},
 * {@code ARIMA_undoPars}).
 *
 * <p>An AR block of order {@code p} is optimised on unconstrained values {@code u}: the partial autocorrelations
 * are {@code r_j = tanh(u_j)} (each in (-1, 1)) and the Durbin&ndash;Levinson recursion
 * {@code φ_k^(j) = φ_k^(j-1) - r_j φ_(j-k)^(j-1)}, {@code φ_j^(j) = r_j} maps them to the coefficients of a
 * stationary polynomial. Only the non-seasonal and seasonal AR blocks are transformed; MA blocks are not (R 4.x
 * inverts a non-invertible MA after optimisation instead).
 *
 * <p>Parameter vectors are laid out as R's: {@code [ar(p), ma(q), sar(P), sma(Q)]}, followed by regression
 * coefficients that are never transformed.
 *
 * <p>Reference: R. H. Jones (1980), Maximum likelihood fitting of ARMA models to time series with missing
 * observations, Technometrics 22, 389&ndash;395.
 */
public final class ArimaParameterTransform {

    /** Step of R's forward-difference Jacobian of the transform ({@code ARIMA_Gradtrans}). */
    public static final double GRADTRANS_EPS = 1e-3;

    private ArimaParameterTransform() {
    }

    /**
     * Maps {@code p} unconstrained values to stationary AR coefficients: tanh, then Durbin&ndash;Levinson.
     *
     * @param p      block length
     * @param raw    unconstrained values, from {@code rawOff}. Not modified.
     * @param rawOff offset in {@code raw}
     * @param out    coefficients, written at {@code outOff}. Modified.
     * @param outOff offset in {@code out}
     * @param work   scratch of length &ge; workOff + p. Modified.
     * @param workOff offset in {@code work}
     */
    public static void partrans(int p, double[] raw, int rawOff, double[] out, int outOff, double[] work,
                                int workOff) {
        for (int j = 0; j < p; j++) {
            double v = Math.tanh(raw[rawOff + j]);
            work[workOff + j] = v;
            out[outOff + j] = v;
        }
        // Durbin-Levinson: phi_k^(j) = phi_k^(j-1) - r_j phi_(j-k)^(j-1)
        for (int j = 1; j < p; j++) {
            double a = out[outOff + j];
            for (int k = 0; k < j; k++) {
                work[workOff + k] -= a * out[outOff + j - k - 1];
            }
            for (int k = 0; k < j; k++) {
                out[outOff + k] = work[workOff + k];
            }
        }
    }

    /**
     * Inverse of {@link #partrans}: the Durbin&ndash;Levinson recursion run backwards to the partial
     * autocorrelations, then atanh.
     *
     * @param p      block length
     * @param phi    stationary AR coefficients, from {@code off}. Not modified.
     * @param off    offset in {@code phi}
     * @param out    unconstrained values, written at {@code outOff}. Modified.
     * @param outOff offset in {@code out}
     * @param work   scratch of length &ge; p. Modified.
     */
    public static void invpartrans(int p, double[] phi, int off, double[] out, int outOff, double[] work) {
        for (int j = 0; j < p; j++) {
            out[outOff + j] = phi[off + j];
            work[j] = phi[off + j];
        }
        // backwards: phi_k^(j-1) = (phi_k^(j) + r_j phi_(j-k)^(j)) / (1 - r_j^2)
        for (int j = p - 1; j > 0; j--) {
            double a = out[outOff + j];
            for (int k = 0; k < j; k++) {
                work[k] = (out[outOff + k] + a * out[outOff + j - k - 1]) / (1 - a * a);
            }
            for (int k = 0; k < j; k++) {
                out[outOff + k] = work[k];
            }
        }
        for (int j = 0; j < p; j++) {
            out[outOff + j] = atanh(out[outOff + j]);
        }
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /**
     * Expands seasonal ARMA parameters to the full AR and MA polynomials (R's {@code ARIMA_transPars}):
     * {@code φ(B) = (1 - Σ ar_i B^i)(1 - Σ sar_j B^(js))} and {@code θ(B) = (1 + Σ ma_i B^i)(1 + Σ sma_j B^(js))},
     * returned as {@code phi[0..p+sP)} and {@code theta[0..q+sQ)}. With {@code transform} the AR blocks are
     * first mapped by {@link #partrans}.
     *
     * @param mp        non-seasonal AR order p
     * @param mq        non-seasonal MA order q
     * @param msp       seasonal AR order P
     * @param msq       seasonal MA order Q
     * @param ns        seasonal period s (any value &ge; 1 when P = Q = 0)
     * @param in        parameters {@code [ar, ma, sar, sma, ...]}. Not modified.
     * @param transform whether {@code in} holds unconstrained AR blocks
     * @param phi       expanded AR polynomial, length {@code p + s·P}. Modified.
     * @param theta     expanded MA polynomial, length {@code q + s·Q}. Modified.
     * @param work      scratch of length &ge; {@code p + q + P + Q + max(p, P)}. Modified.
     */
    public static void transPars(int mp, int mq, int msp, int msq, int ns, double[] in, boolean transform,
                                 double[] phi, double[] theta, double[] work) {
        int narma = mp + mq + msp + msq;
        // params live in work[0..narma), partrans scratch after them
        double[] params = work;
        System.arraycopy(in, 0, params, 0, narma);
        if (transform) {
            if (mp > 0) {
                partrans(mp, in, 0, params, 0, work, narma);
            }
            if (msp > 0) {
                partrans(msp, in, mp + mq, params, mp + mq, work, narma);
            }
        }
        int pl = phi.length;
        int ql = theta.length;
        for (int i = 0; i < pl; i++) {
            phi[i] = i < mp ? params[i] : 0.0;
        }
        for (int i = 0; i < ql; i++) {
            theta[i] = i < mq ? params[i + mp] : 0.0;
        }
        // (1 - Σ a_i B^i)(1 - Σ A_j B^(js)): phi[js-1] += A_j, phi[js+i] -= a_i A_j
        for (int j = 0; j < msp; j++) {
            double sa = params[j + mp + mq];
            phi[(j + 1) * ns - 1] += sa;
            for (int i = 0; i < mp; i++) {
                phi[(j + 1) * ns + i] -= params[i] * sa;
            }
        }
        // (1 + Σ b_i B^i)(1 + Σ B_j B^(js)): theta[js-1] += B_j, theta[js+i] += b_i B_j
        for (int j = 0; j < msq; j++) {
            double sm = params[j + mp + mq + msp];
            theta[(j + 1) * ns - 1] += sm;
            for (int i = 0; i < mq; i++) {
                theta[(j + 1) * ns + i] += params[i + mp] * sm;
            }
        }
    }

    /**
     * Maps unconstrained AR blocks back to coefficients, leaving MA and regression parameters unchanged (R's
     * {@code ARIMA_undoPars}).
     *
     * @param p     non-seasonal AR order
     * @param q     non-seasonal MA order
     * @param sp    seasonal AR order
     * @param in    parameters, length &ge; arma count. Not modified.
     * @return a new array of the same length
     */
    public static double[] undoPars(int p, int q, int sp, double[] in) {
        double[] out = in.clone();
        double[] work = new double[Math.max(1, Math.max(p, sp))];
        if (p > 0) {
            partrans(p, in, 0, out, 0, work, 0);
        }
        if (sp > 0) {
            int v = p + q;
            partrans(sp, in, v, out, v, work, 0);
        }
        return out;
    }

    /**
     * Maps AR coefficients to unconstrained values (R's {@code ARIMA_Invtrans}); MA and regression parameters are
     * copied.
     *
     * @param p     non-seasonal AR order
     * @param q     non-seasonal MA order
     * @param sp    seasonal AR order
     * @param in    parameters; the AR blocks must be stationary. Not modified.
     * @return a new array of the same length
     */
    public static double[] invtrans(int p, int q, int sp, double[] in) {
        double[] out = in.clone();
        double[] work = new double[Math.max(1, Math.max(p, sp))];
        if (p > 0) {
            invpartrans(p, in, 0, out, 0, work);
        }
        if (sp > 0) {
            int v = p + q;
            invpartrans(sp, in, v, out, v, work);
        }
        return out;
    }

    /**
     * Forward-difference Jacobian of {@link #undoPars} with step {@link #GRADTRANS_EPS}, as R's
     * {@code ARIMA_Gradtrans}: {@code a[i][j] = ∂ out_j / ∂ in_i} (identity outside the AR blocks).
     *
     * @param p     non-seasonal AR order
     * @param q     non-seasonal MA order
     * @param sp    seasonal AR order
     * @param in    unconstrained parameters. Not modified.
     * @return the n&times;n matrix, {@code a[i][j]}
     */
    public static double[][] gradtrans(int p, int q, int sp, double[] in) {
        int n = in.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1.0;
        }
        gradBlock(p, 0, in, a);
        gradBlock(sp, p + q, in, a);
        return a;
    }

    private static void gradBlock(int m, int off, double[] in, double[][] a) {
        if (m == 0) {
            return;
        }
        double[] w1 = new double[m];
        double[] w2 = new double[m];
        double[] w3 = new double[m];
        double[] work = new double[m];
        System.arraycopy(in, off, w1, 0, m);
        partrans(m, w1, 0, w2, 0, work, 0);
        for (int i = 0; i < m; i++) {
            w1[i] += GRADTRANS_EPS;
            partrans(m, w1, 0, w3, 0, work, 0);
            for (int j = 0; j < m; j++) {
                a[off + i][off + j] = (w3[j] - w2[j]) / GRADTRANS_EPS;
            }
            w1[i] -= GRADTRANS_EPS;
        }
    }

}
