package org.forecast4j.core.statespace;

/**
 * Initial state covariance {@code Q0} of a stationary ARMA(p, q) process in the state-space form of Harvey
 * (1989) / R's {@code makeARIMA}: the solution of {@code Q0 = T Q0 T' + R R'} with {@code T} the companion
 * matrix of {@code φ} and {@code R = (1, θ_1, ..., θ_(r-1))'}, {@code r = max(p, q + 1)}, for unit innovation
 * variance.
 *
 * <p>Algorithm AS 154 of Gardner, Harvey and Phillips (1980), as R's {@code getQ0} (its default
 * {@code SSinit = "Gardner1980"}): the {@code r(r+1)/2} linear equations for the upper triangle of
 * {@code Q0} are generated one row at a time (with the unknowns reordered to bring leading zeros into the
 * rows) and absorbed by Givens rotations into a triangular system (square-root-free, as in Gentleman's
 * regression updates), which is then solved by back substitution. For a pure MA process the solution is
 * accumulated directly.
 *
 * <p>Reference: G. Gardner, A. C. Harvey and G. D. A. Phillips (1980), Algorithm AS 154: An algorithm for exact
 * maximum likelihood estimation of autoregressive-moving average models by means of Kalman filtering, Applied
 * Statistics 29, 311&ndash;322.
 */
public final class GardnerQ0 {

    private GardnerQ0() {
    }

    /**
     * Size of the workspace that {@link #compute} needs for state dimension {@code r}.
     *
     * @param r state dimension {@code max(p, q + 1)}
     * @return number of doubles
     */
    public static int workSize(int r) {
        long np = (long) r * (r + 1) / 2;
        long nrbar = np * (np - 1) / 2;
        long total = 5 * np + nrbar;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("state dimension " + r + " too large for the Q0 computation "
                    + "(a seasonal ARMA part with a very long period: model the season with Fourier regressors)");
        }
        return (int) total;
    }

    /**
     * Computes {@code Q0} into the leading {@code r×r} block of {@code out} (row stride {@code ld}).
     *
     * @param phi   AR coefficients, length p. Not modified.
     * @param p     number of AR coefficients used (&le; phi.length)
     * @param theta MA coefficients, length q. Not modified.
     * @param q     number of MA coefficients used
     * @param out   destination, symmetric block written at {@code out[i*ld + j]}, i, j &lt; r. Modified.
     * @param ld    row stride of {@code out}, &ge; r
     * @param work  workspace of length &ge; {@link #workSize}(r). Modified.
     */
    public static void compute(double[] phi, int p, double[] theta, int q, double[] out, int ld, double[] work) {
        int r = Math.max(p, q + 1);
        if (r == 1) {
            out[0] = p == 0 ? 1.0 : 1.0 / (1.0 - phi[0] * phi[0]);
            return;
        }
        int np = r * (r + 1) / 2;
        int nrbar = np * (np - 1) / 2;
        // workspace layout: V | P | thetab | xnext | xrow | rbar
        final int oV = 0;
        final int oP = np;
        final int oThetab = 2 * np;
        final int oXnext = 3 * np;
        final int oXrow = 4 * np;
        final int oRbar = 5 * np;
        // V = upper triangle (by columns of R's layout) of R R', R = (1, theta)
        int ind = 0;
        for (int j = 0; j < r; j++) {
            double vj = j == 0 ? 1.0 : (j - 1 < q ? theta[j - 1] : 0.0);
            for (int i = j; i < r; i++) {
                double vi = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
                work[oV + ind++] = vi * vj;
            }
        }
        if (p > 0) {
            for (int i = 0; i < nrbar; i++) {
                work[oRbar + i] = 0.0;
            }
            for (int i = 0; i < np; i++) {
                work[oP + i] = 0.0;
                work[oThetab + i] = 0.0;
                work[oXnext + i] = 0.0;
            }
            ind = 0;
            int ind1 = -1;
            int npr = np - r;
            int npr1 = npr + 1;
            int indj = npr;
            int ind2 = npr - 1;
            // generate the equations (I - T⊗T) vec(Q0) = vec(R R') row by row and absorb each one
            for (int j = 0; j < r; j++) {
                double phij = j < p ? phi[j] : 0.0;
                work[oXnext + indj++] = 0.0;
                int indi = npr1 + j;
                for (int i = j; i < r; i++) {
                    double ynext = work[oV + ind++];
                    double phii = i < p ? phi[i] : 0.0;
                    if (j != r - 1) {
                        work[oXnext + indj] = -phii;
                        if (i != r - 1) {
                            work[oXnext + indi] -= phij;
                            work[oXnext + ++ind1] = -1.0;
                        }
                    }
                    work[oXnext + npr] = -phii * phij;
                    if (++ind2 >= np) {
                        ind2 = 0;
                    }
                    work[oXnext + ind2] += 1.0;
                    include(np, work, oXnext, oXrow, ynext, oP, oRbar, oThetab);
                    work[oXnext + ind2] = 0.0;
                    if (i != r - 1) {
                        work[oXnext + indi++] = 0.0;
                        work[oXnext + ind1] = 0.0;
                    }
                }
            }
            // back substitution through the unit upper-triangular rbar
            int ithisr = nrbar - 1;
            int im = np - 1;
            for (int i = 0; i < np; i++) {
                double bi = work[oThetab + im];
                int jm = np - 1;
                for (int j = 0; j < i; j++) {
                    bi -= work[oRbar + ithisr--] * work[oP + jm--];
                }
                work[oP + im--] = bi;
            }
            // undo the reordering of the unknowns
            ind = npr;
            for (int i = 0; i < r; i++) {
                work[oXnext + i] = work[oP + ind++];
            }
            ind = np - 1;
            int src = npr - 1;
            for (int i = 0; i < npr; i++) {
                work[oP + ind--] = work[oP + src--];
            }
            for (int i = 0; i < r; i++) {
                work[oP + i] = work[oXnext + i];
            }
        } else {
            // pure MA: Q0(i, j) = Σ_k R(i+k) R(j+k), accumulated from the bottom-right corner
            int indn = np;
            ind = np;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j <= i; j++) {
                    --ind;
                    work[oP + ind] = work[oV + ind];
                    if (j != 0) {
                        work[oP + ind] += work[oP + --indn];
                    }
                }
            }
        }
        // unpack the packed upper triangle (rows r-1..0, stored by R column-major) to the full matrix
        ind = np;
        for (int i = r - 1; i > 0; i--) {
            for (int j = r - 1; j >= i; j--) {
                out[i * ld + j] = work[oP + --ind];
            }
        }
        // row 0 is the first r packed entries
        for (int j = 0; j < r; j++) {
            out[j] = work[oP + j];
        }
        for (int i = 0; i < r - 1; i++) {
            for (int j = i + 1; j < r; j++) {
                out[j * ld + i] = out[i * ld + j];
            }
        }
    }

    /**
     * Absorbs one equation {@code xnext · x = ynext} into the square-root-free QR factorisation
     * ({@code d}, {@code rbar}, {@code thetab}) by Givens rotations (Gentleman 1974; AS 154's INCLU2).
     */
    private static void include(int np, double[] w, int oXnext, int oXrow, double ynext, int oD, int oRbar,
                                int oThetab) {
        for (int i = 0; i < np; i++) {
            w[oXrow + i] = w[oXnext + i];
        }
        int ithisr = 0;
        for (int i = 0; i < np; i++) {
            double xi = w[oXrow + i];
            if (xi != 0.0) {
                double di = w[oD + i];
                double dpi = di + xi * xi;
                w[oD + i] = dpi;
                double cbar = di / dpi;
                double sbar = xi / dpi;
                for (int k = i + 1; k < np; k++) {
                    double xk = w[oXrow + k];
                    double rbthis = w[oRbar + ithisr];
                    w[oXrow + k] = xk - xi * rbthis;
                    w[oRbar + ithisr++] = cbar * rbthis + sbar * xk;
                }
                double xk = ynext;
                ynext = xk - xi * w[oThetab + i];
                w[oThetab + i] = cbar * w[oThetab + i] + sbar * xk;
                if (di == 0.0) {
                    return;
                }
            } else {
                ithisr = ithisr + np - i - 1;
            }
        }
    }
}
