package org.forecast4j.core.statespace;

/**
 * The stationary state covariance {@code Q0} of an ARMA(p, q) process in R's state-space form, the solution of
 * {@code Q0 = T Q0 T' + R R'} (unit innovation variance) that {@link GardnerQ0} computes, here from the
 * autocovariances of the process in O(p³ + r²) operations instead of AS 154's Givens reduction of the
 * {@code r(r+1)/2} equations, up to O(r⁶). For a seasonal AR part (r = 15 for (1,0,1)(2,1,0)[7]) this is the
 * difference between the initial covariance dominating an exact-likelihood evaluation and not mattering.
 *
 * <p>R's state is {@code α_t[i] = φ_(i+1) x_(t-1) + α_(t-1)[i+1] + θ_i e_t} ({@code θ_0 = 1},
 * {@code α[r] = 0}, {@code x = α[0]}). With the autocovariances {@code γ(k)} of {@code x} and its MA(∞)
 * weights {@code ψ_k} ({@code E[x_s e_u] = ψ_(s-u)}):
 * <pre>
 *   Q0[0][k] = Cov(x_t, α_t[k]) = Σ_(m=0..r-1-k) ( φ_(k+m+1) γ(m+1) + θ_(k+m) ψ_m )
 *   Q0[i][j] = φ_(i+1) φ_(j+1) γ(0) + φ_(i+1) Q0[0][j+1] + φ_(j+1) Q0[0][i+1] + Q0[i+1][j+1] + θ_i θ_j
 * </pre>
 * the second by stationarity (it is the (i, j) entry of the Lyapunov equation), filled from the bottom-right
 * corner. {@code γ(0..p)} solve the (p+1)-dimensional system
 * {@code γ(k) - Σ_i φ_i γ(|k-i|) = Σ_(j=k..q) θ_j ψ_(j-k)}, later lags follow the AR recursion (Brockwell &amp;
 * Davis 1991, section 3.3, third method).
 *
 * <p>Unlike AS 154, whose accuracy R's documentation warns about near non-stationarity, the result agrees with
 * the fixed point of the Lyapunov iteration to rounding (tests); on such models it can differ from R's default
 * {@code SSinit = "Gardner1980"}.
 *
 * <p>Reference: P. J. Brockwell and R. A. Davis (1991), Time Series: Theory and Methods, 2nd ed., section 3.3.
 */
public final class ArmaCovariance {

    /** Smallest pivot accepted in the autocovariance system, relative to 1 (its diagonal before elimination). */
    private static final double MIN_PIVOT = 1e-10;

    private ArmaCovariance() {
    }

    /**
     * Size of the workspace that {@link #compute} needs.
     *
     * @param p number of AR coefficients
     * @param r state dimension {@code max(p, q + 1)}
     * @return number of doubles
     */
    public static int workSize(int p, int r) {
        return (p + 1) * (p + 2) + 2 * r + 3;
    }

    /**
     * Computes {@code Q0} into the leading {@code r×r} block of {@code out} (row stride {@code ld}).
     *
     * @param phi   AR coefficients. Not modified.
     * @param p     number of AR coefficients used (&le; phi.length)
     * @param theta MA coefficients. Not modified.
     * @param q     number of MA coefficients used
     * @param out   destination, symmetric block written at {@code out[i*ld + j]}, i, j &lt; r. Modified.
     * @param ld    row stride of {@code out}, &ge; r
     * @param work  workspace of length &ge; {@link #workSize}(p, r). Modified.
     * @return false when the autocovariance system is (numerically) singular, i.e. the AR part has a root on or
     *         very near the unit circle; {@code out} is then unspecified
     */
    public static boolean compute(double[] phi, int p, double[] theta, int q, double[] out, int ld, double[] work) {
        final int r = Math.max(p, q + 1);
        final int p1 = p + 1;
        final int oA = 0;
        final int oB = oA + p1 * p1;
        final int oPsi = oB + p1;
        final int oGam = oPsi + r + 1;
        // ψ_0 = 1, ψ_k = θ_k + Σ_(i=1..min(k,p)) φ_i ψ_(k-i)
        for (int k = 0; k <= r; k++) {
            double v = k == 0 ? 1.0 : (k <= q ? theta[k - 1] : 0.0);
            for (int i = 1, lim = Math.min(k, p); i <= lim; i++) {
                v += phi[i - 1] * work[oPsi + k - i];
            }
            work[oPsi + k] = v;
        }
        for (int k = 0; k < p1; k++) {
            int row = oA + k * p1;
            for (int c = 0; c < p1; c++) {
                work[row + c] = 0.0;
            }
            work[row + k] = 1.0;
            for (int i = 1; i <= p; i++) {
                work[row + Math.abs(k - i)] -= phi[i - 1];
            }
            work[oB + k] = maPart(theta, q, work, oPsi, k);
        }
        if (!solve(work, oA, oB, p1)) {
            return false;
        }
        // γ(0..r), γ(r) needed by the first row
        for (int k = 0; k <= r; k++) {
            double g;
            if (k < p1) {
                g = work[oB + k];
            } else {
                g = maPart(theta, q, work, oPsi, k);
                for (int i = 1; i <= p; i++) {
                    g += phi[i - 1] * work[oGam + k - i];
                }
            }
            work[oGam + k] = g;
        }
        // first row: Cov(x_t, α_t[k])
        for (int k = 0; k < r; k++) {
            double s = 0.0;
            for (int m = 0; m < r - k; m++) {
                int i = k + m;
                if (i < p) {
                    s += phi[i] * work[oGam + m + 1];
                }
                double t = i == 0 ? 1.0 : (i <= q ? theta[i - 1] : 0.0);
                s += t * work[oPsi + m];
            }
            out[k] = s;
            out[k * ld] = s;
        }
        double g0 = out[0];
        for (int i = r - 1; i >= 1; i--) {
            double fi = i < p ? phi[i] : 0.0;
            double ti = i <= q ? theta[i - 1] : 0.0;
            double ci = i + 1 < r ? out[i + 1] : 0.0;
            for (int j = r - 1; j >= i; j--) {
                double fj = j < p ? phi[j] : 0.0;
                double tj = j <= q ? theta[j - 1] : 0.0;
                double cj = j + 1 < r ? out[j + 1] : 0.0;
                double next = j + 1 < r ? out[(i + 1) * ld + j + 1] : 0.0;
                double v = fi * fj * g0 + fi * cj + fj * ci + next + ti * tj;
                out[i * ld + j] = v;
                out[j * ld + i] = v;
            }
        }
        return true;
    }

    /** {@code Σ_(j=k..q) θ_j ψ_(j-k)} with {@code θ_0 = 1}. */
    private static double maPart(double[] theta, int q, double[] work, int oPsi, int k) {
        double s = 0.0;
        for (int j = k; j <= q; j++) {
            s += (j == 0 ? 1.0 : theta[j - 1]) * work[oPsi + j - k];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; the solution replaces the right-hand side. */
    private static boolean solve(double[] w, int oA, int oB, int n) {
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int k = c + 1; k < n; k++) {
                if (Math.abs(w[oA + k * n + c]) > Math.abs(w[oA + piv * n + c])) {
                    piv = k;
                }
            }
            double d = w[oA + piv * n + c];
            if (!(Math.abs(d) > MIN_PIVOT)) {
                return false;
            }
            if (piv != c) {
                for (int k = c; k < n; k++) {
                    double t = w[oA + c * n + k];
                    w[oA + c * n + k] = w[oA + piv * n + k];
                    w[oA + piv * n + k] = t;
                }
                double t = w[oB + c];
                w[oB + c] = w[oB + piv];
                w[oB + piv] = t;
            }
            for (int k = c + 1; k < n; k++) {
                double f = w[oA + k * n + c] / d;
                if (f != 0.0) {
                    for (int l = c; l < n; l++) {
                        w[oA + k * n + l] -= f * w[oA + c * n + l];
                    }
                    w[oB + k] -= f * w[oB + c];
                }
            }
        }
        for (int c = n - 1; c >= 0; c--) {
            double s = w[oB + c];
            for (int l = c + 1; l < n; l++) {
                s -= w[oA + c * n + l] * w[oB + l];
            }
            w[oB + c] = s / w[oA + c * n + c];
        }
        return true;
    }
}
