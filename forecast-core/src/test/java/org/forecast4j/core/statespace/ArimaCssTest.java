package org.forecast4j.core.statespace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The CSS kernels against the dense recursion of R's {@code ARIMA_CSS} written out plainly below (every lag, zero
 * or not, in R's order): the sparse, lag-by-lag and four-lane forms only skip exact zeros and regroup independent
 * loops, so they must agree bit for bit, not merely to rounding.
 */
class ArimaCssTest {

    /** R's ARIMA_CSS loop on a differenced series (src/library/stats/src/arima.c), the reference. */
    private static double dense(double[] w, int n, double[] phi, double[] theta, int ncond, double[] resid) {
        double ssq = 0.0;
        int nu = 0;
        for (int l = 0; l < ncond; l++) {
            resid[l] = 0.0;
        }
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j = 0; j < phi.length; j++) {
                tmp -= phi[j] * w[l - j - 1];
            }
            for (int j = 0; j < Math.min(l - ncond, theta.length); j++) {
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

    private static double[] sparse(Random r, int len) {
        double[] c = new double[len];
        for (int j = 0; j < len; j++) {
            c[j] = r.nextInt(3) == 0 ? 0.0 : 0.4 * r.nextGaussian();
        }
        return c;
    }

    @Property(tries = 300)
    void kernels_randomSparseModels_bitIdenticalToDenseRecursion(@ForAll long seed,
                                                                @ForAll @IntRange(min = 0, max = 16) int p,
                                                                @ForAll @IntRange(min = 0, max = 16) int q,
                                                                @ForAll @IntRange(min = 0, max = 6) int extra) {
        Random r = new Random(seed);
        int n = p + extra + 1 + r.nextInt(200);
        int ncond = p + extra;
        // a different series per lane (as with regressors), so that a mix-up of lanes cannot pass
        double[][] ws = new double[4][n];
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < n; i++) {
                ws[b][i] = 50 * r.nextGaussian();
            }
        }
        double[][] phi = new double[4][];
        double[][] theta = new double[4][];
        double[][] resid = new double[4][n];
        for (int b = 0; b < 4; b++) {
            phi[b] = sparse(r, p);
            theta[b] = sparse(r, q);
        }
        double[] out = new double[4];
        int[] lags = new int[p + q];
        ArimaCss.meanSquareDifferenced4(ws, n, phi, theta, ncond, resid, lags, out);
        for (int b = 0; b < 4; b++) {
            double[] w = ws[b];
            double[] ref = new double[n];
            double expected = dense(w, n, phi[b], theta[b], ncond, ref);
            double[] e = new double[n];
            double single = ArimaCss.meanSquareDifferenced(w, n, phi[b], theta[b], ncond, e, lags);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(single), "single, vector " + b);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(out[b]), "four-lane, vector " + b);
            for (int t = 0; t < n; t++) {
                assertEquals(Double.doubleToLongBits(ref[t]), Double.doubleToLongBits(e[t]), "residual " + t);
                assertEquals(Double.doubleToLongBits(ref[t]), Double.doubleToLongBits(resid[b][t]), "residual " + t);
            }
        }
    }

    @Test
    void meanSquare_differencesThenConditions_matchesHandComputation() {
        // y = 1, 3, 6, 10, 15: first differences 2, 3, 4, 5; AR(1) with phi = 0.5 conditioned on d + p = 2:
        // e_2 = 3 - 0.5*2 = 2, e_3 = 4 - 1.5 = 2.5, e_4 = 5 - 2 = 3 -> (4 + 6.25 + 9) / 3
        double[] y = {1, 3, 6, 10, 15};
        double[] resid = new double[5];
        double v = ArimaCss.meanSquare(y, 1, 0, 1, new double[] {0.5}, new double[0], 2, new double[5], resid);
        assertEquals((4 + 6.25 + 9) / 3, v, 1e-15);
        assertEquals(2.5, resid[3], 1e-15);
    }
}
