package org.forecast4j.core.decompose;

import java.util.Arrays;

/**
 * The numerical kernel of STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae &amp;
 * Terpenning 1990, <i>J. Official Statistics</i> 6(1), 3–73), following the structure of the reference
 * implementation that R's {@code stats::stl} calls: an inner loop of cycle-subseries smoothing, low-pass
 * filtering and trend smoothing, and an outer loop of bisquare robustness weights.
 *
 * <p>Positions inside the local regressions are 1-based, as in the paper: the loess fit at abscissa
 * {@code xs} uses the points {@code j = nleft..nright}, tricube weights
 * {@code w_j = (1 − (|j − xs|/h)³)³} with {@code h = max(xs − nleft, nright − xs)} (widened by
 * {@code ⌊(len − n)/2⌋} when the window is longer than the series), optionally multiplied by robustness
 * weights, and a local constant ({@code degree 0}) or local line ({@code degree 1}).
 *
 * <p>Arrays are addressed with explicit offsets so that a sub-array can be passed without copying. Nothing is
 * allocated: the caller supplies a workspace of {@code 5·(n + 2·np)} doubles.
 */
final class StlKernel {

    /** Points closer than this fraction of the bandwidth get weight 1 (reference implementation). */
    private static final double NEAR = 0.001;
    /** Points farther than this fraction of the bandwidth get weight 0. */
    private static final double FAR = 0.999;

    private StlKernel() {
    }

    /**
     * Runs STL: {@code no + 1} passes of the inner loop (each of {@code ni} iterations), robustness weights
     * recomputed between passes.
     *
     * @param y      the series, length n. Not modified.
     * @param n      series length
     * @param np     seasonal period (&ge; 2)
     * @param ns     seasonal smoothing window (odd, &ge; 3)
     * @param nt     trend window (odd, &ge; 3)
     * @param nl     low-pass window (odd, &ge; 3)
     * @param isdeg  seasonal loess degree, 0 or 1
     * @param itdeg  trend loess degree, 0 or 1
     * @param ildeg  low-pass loess degree, 0 or 1
     * @param nsjump seasonal jump (fit every nsjump-th point, interpolate between)
     * @param ntjump trend jump
     * @param nljump low-pass jump
     * @param ni     inner iterations
     * @param no     outer (robustness) iterations
     * @param rw     robustness weights out, length n (all 1 when {@code no = 0}). Modified.
     * @param season seasonal component out, length &ge; n + 2·np (the first n are the result). Modified.
     * @param trend  trend component out, length n. Modified.
     * @param work   workspace, length &ge; 5·(n + 2·np). Modified.
     */
    static void stl(double[] y, int n, int np, int ns, int nt, int nl, int isdeg, int itdeg, int ildeg,
                    int nsjump, int ntjump, int nljump, int ni, int no, double[] rw, double[] season,
                    double[] trend, double[] work) {
        Arrays.fill(trend, 0, n, 0.0);
        boolean userw = false;
        int k = 0;
        while (true) {
            inner(y, n, np, ns, nt, nl, isdeg, itdeg, ildeg, nsjump, ntjump, nljump, ni, userw, rw, season, trend,
                    work);
            k++;
            if (k > no) {
                break;
            }
            // fit = trend + season, then bisquare weights of the residuals
            for (int i = 0; i < n; i++) {
                work[i] = trend[i] + season[i];
            }
            robustnessWeights(y, n, work, rw, work, n + 2 * np);
            userw = true;
        }
        if (no <= 0) {
            Arrays.fill(rw, 0, n, 1.0);
        }
    }

    /** The inner loop: detrend, smooth cycle-subseries, remove low-pass, deseasonalise, smooth trend. */
    private static void inner(double[] y, int n, int np, int ns, int nt, int nl, int isdeg, int itdeg, int ildeg,
                              int nsjump, int ntjump, int nljump, int ni, boolean userw, double[] rw,
                              double[] season, double[] trend, double[] work) {
        int ld = n + 2 * np;
        int w1 = 0;
        int w2 = ld;
        int w3 = 2 * ld;
        int w4 = 3 * ld;
        int w5 = 4 * ld;
        for (int it = 0; it < ni; it++) {
            // detrended series y - T
            for (int i = 0; i < n; i++) {
                work[w1 + i] = y[i] - trend[i];
            }
            // cycle-subseries smoothing, extended one period at each end: C, length n + 2 np
            seasonalSmooth(work, w1, n, np, ns, isdeg, nsjump, userw, rw, work, w2, work, w3, work, w4, work, w5,
                    season, 0);
            // low-pass filter of C: moving averages np, np, 3, then loess
            movingAverages(work, w2, ld, np, work, w3, work, w1);
            smooth(work, w3, n, nl, ildeg, nljump, false, work, w4, work, w1, work, w5);
            // S = C - L
            for (int i = 0; i < n; i++) {
                season[i] = work[w2 + np + i] - work[w1 + i];
            }
            // deseasonalised series y - S, smoothed into the trend
            for (int i = 0; i < n; i++) {
                work[w1 + i] = y[i] - season[i];
            }
            smooth(work, w1, n, nt, itdeg, ntjump, userw, rw, 0, trend, 0, work, w3);
        }
    }

    /**
     * Smooths each cycle-subseries by loess and extrapolates it one point before and after.
     * Output {@code season[sOff .. sOff + n + 2np)}.
     */
    private static void seasonalSmooth(double[] y, int yOff, int n, int np, int ns, int isdeg, int nsjump,
                                       boolean userw, double[] rw, double[] season, int sOff, double[] sub,
                                       int subOff, double[] smoothed, int smOff, double[] subW, int subWOff,
                                       double[] scratch, int scOff) {
        for (int j = 1; j <= np; j++) {
            int k = (n - j) / np + 1;
            // the j-th cycle-subseries y_j, y_{j+np}, ...
            for (int i = 1; i <= k; i++) {
                sub[subOff + i - 1] = y[yOff + (i - 1) * np + j - 1];
            }
            if (userw) {
                for (int i = 1; i <= k; i++) {
                    subW[subWOff + i - 1] = rw[(i - 1) * np + j - 1];
                }
            }
            // smoothed[1..k] (1-based position 2..k+1 of the extended subseries)
            smooth(sub, subOff, k, ns, isdeg, nsjump, userw, subW, subWOff, smoothed, smOff + 1, scratch, scOff);
            // extrapolate to position 0 and k + 1
            int nright = Math.min(ns, k);
            double v = estimate(sub, subOff, k, ns, isdeg, 0.0, 1, nright, scratch, scOff, userw, subW, subWOff);
            smoothed[smOff] = Double.isNaN(v) ? smoothed[smOff + 1] : v;
            int nleft = Math.max(1, k - ns + 1);
            v = estimate(sub, subOff, k, ns, isdeg, k + 1, nleft, k, scratch, scOff, userw, subW, subWOff);
            smoothed[smOff + k + 1] = Double.isNaN(v) ? smoothed[smOff + k] : v;
            for (int m = 1; m <= k + 2; m++) {
                season[sOff + (m - 1) * np + j - 1] = smoothed[smOff + m - 1];
            }
        }
    }

    /**
     * Low-pass moving averages of lengths np, np and 3: input length {@code len}, output length
     * {@code len − 2np}.
     */
    private static void movingAverages(double[] x, int xOff, int len, int np, double[] out, int outOff,
                                       double[] tmp, int tmpOff) {
        movingAverage(x, xOff, len, np, out, outOff);
        movingAverage(out, outOff, len - np + 1, np, tmp, tmpOff);
        movingAverage(tmp, tmpOff, len - 2 * np + 2, 3, out, outOff);
    }

    /** Running mean of window {@code w}: {@code ave[j] = (x[j] + … + x[j+w−1]) / w}, j = 0..len−w. */
    private static void movingAverage(double[] x, int xOff, int len, int w, double[] ave, int aOff) {
        int newn = len - w + 1;
        double flen = w;
        double v = 0;
        for (int i = 0; i < w; i++) {
            v += x[xOff + i];
        }
        ave[aOff] = v / flen;
        int k = w - 1;
        int m = -1;
        for (int j = 1; j < newn; j++) {
            k++;
            m++;
            v = v - x[xOff + m] + x[xOff + k];
            ave[aOff + j] = v / flen;
        }
    }

    /**
     * Loess smoothing of {@code y[yOff .. yOff+n)} with window {@code len}, fitted every {@code njump} points
     * and linearly interpolated between them. Output {@code ys[ysOff .. ysOff+n)}; points where the weights
     * vanish keep their data value.
     */
    static void smooth(double[] y, int yOff, int n, int len, int ideg, int njump, boolean userw, double[] rw,
                       int rwOff, double[] ys, int ysOff, double[] res, int resOff) {
        if (n < 2) {
            ys[ysOff] = y[yOff];
            return;
        }
        int newnj = Math.min(njump, n - 1);
        int nleft = 0;
        int nright = 0;
        if (len >= n) {
            nleft = 1;
            nright = n;
            for (int i = 1; i <= n; i += newnj) {
                fitAt(y, yOff, n, len, ideg, i, nleft, nright, res, resOff, userw, rw, rwOff, ys, ysOff);
            }
        } else if (newnj == 1) {
            int nsh = (len + 1) / 2;
            nleft = 1;
            nright = len;
            for (int i = 1; i <= n; i++) {
                // slide the window once the point passes the half-width, until it reaches the end
                if (i > nsh && nright != n) {
                    nleft++;
                    nright++;
                }
                fitAt(y, yOff, n, len, ideg, i, nleft, nright, res, resOff, userw, rw, rwOff, ys, ysOff);
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 1; i <= n; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = len;
                } else if (i >= n - nsh + 1) {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i - nsh + 1;
                    nright = len + i - nsh;
                }
                fitAt(y, yOff, n, len, ideg, i, nleft, nright, res, resOff, userw, rw, rwOff, ys, ysOff);
            }
        }
        if (newnj != 1) {
            // linear interpolation between the fitted points
            for (int i = 1; i <= n - newnj; i += newnj) {
                double delta = (ys[ysOff + i + newnj - 1] - ys[ysOff + i - 1]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) {
                    ys[ysOff + j - 1] = ys[ysOff + i - 1] + delta * (j - i);
                }
            }
            int k = ((n - 1) / newnj) * newnj + 1;
            if (k != n) {
                // the last point is fitted with the last window used above (as the reference implementation)
                fitAt(y, yOff, n, len, ideg, n, nleft, nright, res, resOff, userw, rw, rwOff, ys, ysOff);
                if (k != n - 1) {
                    double delta = (ys[ysOff + n - 1] - ys[ysOff + k - 1]) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++) {
                        ys[ysOff + j - 1] = ys[ysOff + k - 1] + delta * (j - k);
                    }
                }
            }
        }
    }

    private static void fitAt(double[] y, int yOff, int n, int len, int ideg, int i, int nleft, int nright,
                              double[] res, int resOff, boolean userw, double[] rw, int rwOff, double[] ys,
                              int ysOff) {
        double v = estimate(y, yOff, n, len, ideg, i, nleft, nright, res, resOff, userw, rw, rwOff);
        ys[ysOff + i - 1] = Double.isNaN(v) ? y[yOff + i - 1] : v;
    }

    /**
     * One local regression at abscissa {@code xs} (1-based) over points {@code nleft..nright}.
     *
     * @return the fitted value, or NaN when all weights are zero
     */
    static double estimate(double[] y, int yOff, int n, int len, int ideg, double xs, int nleft, int nright,
                           double[] w, int wOff, boolean userw, double[] rw, int rwOff) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            h += (len - n) / 2; // integer division, as the reference implementation
        }
        double h9 = FAR * h;
        double h1 = NEAR * h;
        // tricube weights (times robustness weights)
        double a = 0;
        for (int j = nleft; j <= nright; j++) {
            int wi = wOff + j - 1;
            w[wi] = 0;
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[wi] = 1;
                } else {
                    double q = r / h;
                    double t = 1 - q * q * q;
                    w[wi] = t * t * t;
                }
                if (userw) {
                    w[wi] *= rw[rwOff + j - 1];
                }
                a += w[wi];
            }
        }
        if (a <= 0) {
            return Double.NaN;
        }
        for (int j = nleft; j <= nright; j++) {
            w[wOff + j - 1] /= a;
        }
        if (h > 0 && ideg > 0) {
            // local line: w_j <- w_j (1 + b (j - a)), a = weighted mean abscissa, b = (xs - a) / sum w (j - a)^2
            a = 0;
            for (int j = nleft; j <= nright; j++) {
                a += w[wOff + j - 1] * j;
            }
            double b = xs - a;
            double c = 0;
            for (int j = nleft; j <= nright; j++) {
                c += w[wOff + j - 1] * (j - a) * (j - a);
            }
            if (Math.sqrt(c) > NEAR * range) {
                b /= c;
                for (int j = nleft; j <= nright; j++) {
                    w[wOff + j - 1] *= b * (j - a) + 1.0;
                }
            }
        }
        double ys = 0;
        for (int j = nleft; j <= nright; j++) {
            ys += w[wOff + j - 1] * y[yOff + j - 1];
        }
        return ys;
    }

    /**
     * Bisquare robustness weights {@code rw_i = B(|y_i − fit_i| / (6·median|y − fit|))},
     * {@code B(u) = (1 − u²)²} for {@code u < 1}, 0 otherwise; the "median" is the mean of the two middle
     * order statistics, as in the reference implementation.
     */
    private static void robustnessWeights(double[] y, int n, double[] fit, double[] rw, double[] scratch,
                                          int scOff) {
        for (int i = 0; i < n; i++) {
            scratch[scOff + i] = Math.abs(y[i] - fit[i]);
        }
        Arrays.sort(scratch, scOff, scOff + n);
        int mid1 = n / 2 + 1;
        int mid2 = n - mid1 + 1;
        double cmad = 3.0 * (scratch[scOff + mid1 - 1] + scratch[scOff + mid2 - 1]);
        double c9 = FAR * cmad;
        double c1 = NEAR * cmad;
        for (int i = 0; i < n; i++) {
            double r = Math.abs(y[i] - fit[i]);
            if (r <= c1) {
                rw[i] = 1;
            } else if (r <= c9) {
                double u = r / cmad;
                double t = 1 - u * u;
                rw[i] = t * t;
            } else {
                rw[i] = 0;
            }
        }
    }
}
