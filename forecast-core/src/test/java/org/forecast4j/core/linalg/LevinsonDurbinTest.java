package org.forecast4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The recursion against AR theory and, for random autocovariances, against the Toeplitz equations it solves
 * (checked by direct multiplication, independently of the recursion).
 */
class LevinsonDurbinTest {

    /** Theory: AR(2) autocovariances from the Yule–Walker equations of the process. */
    private static double[] ar2Autocovariances(double phi1, double phi2, double sigma2, int m) {
        double[] rho = new double[m + 1];
        rho[0] = 1;
        rho[1] = phi1 / (1 - phi2);
        for (int k = 2; k <= m; k++) {
            rho[k] = phi1 * rho[k - 1] + phi2 * rho[k - 2];
        }
        double gamma0 = sigma2 / (1 - phi1 * rho[1] - phi2 * rho[2]);
        double[] g = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            g[k] = gamma0 * rho[k];
        }
        return g;
    }

    @Test
    void solve_ar2Autocovariances_recoversCoefficientsAndInnovationVariance() {
        // Theory: order 2 gives (φ1, φ2) and v_2 = σ²; higher orders add zero coefficients, v stays σ²;
        // order 1 gives ρ1 and v_1 = γ0 (1 − ρ1²)
        double[] g = ar2Autocovariances(0.5, -0.3, 2.0, 4);
        double[][] coefs = {new double[1], new double[2], new double[3], new double[4]};
        double[] vars = new double[5];
        assertTrue(LevinsonDurbin.solve(g, coefs, vars));
        double rho1 = g[1] / g[0];
        assertEquals(rho1, coefs[0][0], 1e-15);
        assertEquals(g[0] * (1 - rho1 * rho1), vars[1], 1e-13);
        assertArrayEquals(new double[] {0.5, -0.3}, coefs[1], 1e-14);
        assertArrayEquals(new double[] {0.5, -0.3, 0, 0}, coefs[3], 1e-14);
        assertEquals(2.0, vars[2], 1e-13);
        assertEquals(2.0, vars[4], 1e-13);
    }

    @Test
    void solve_perfectlyCorrelated_reportsBreakdown() {
        // ρ1 = 1: φ_11 = 1, v_1 = 0
        double[][] coefs = {new double[1], new double[2]};
        assertFalse(LevinsonDurbin.solve(new double[] {1, 1, 1}, coefs, new double[3]));
        assertFalse(LevinsonDurbin.solve(new double[] {0, 0, 0}, coefs, new double[3]));
    }

    @Property(tries = 200)
    void solve_randomSeries_solvesTheToeplitzSystemAtEveryOrder(@ForAll @IntRange(min = 1, max = 12) int m,
                                                                 @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        // the biased sample autocovariances of a non-constant series form a positive definite sequence
        Random rnd = new Random(seed);
        int n = 3 * m + 20;
        double[] x = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = 0.8 * x[i - 1] + rnd.nextGaussian();
        }
        double[] g = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            for (int t = 0; t + k < n; t++) {
                g[k] += x[t] * x[t + k] / n;
            }
        }
        double[][] coefs = new double[m][];
        for (int k = 1; k <= m; k++) {
            coefs[k - 1] = new double[k];
        }
        double[] vars = new double[m + 1];
        assertTrue(LevinsonDurbin.solve(g, coefs, vars));
        for (int k = 1; k <= m; k++) {
            double[] phi = coefs[k - 1];
            // Σ_j γ_|i−j| φ_kj = γ_i, i = 1..k
            for (int i = 1; i <= k; i++) {
                double lhs = 0;
                for (int j = 1; j <= k; j++) {
                    lhs += g[Math.abs(i - j)] * phi[j - 1];
                }
                assertEquals(g[i], lhs, 1e-9 * g[0], "order " + k + " equation " + i);
            }
            // the recursive and the direct innovation variance agree
            assertEquals(vars[k], LevinsonDurbin.innovationVariance(g[0], g, k, phi), 1e-9 * g[0], "order " + k);
            // the direct form of φ_kk (R's pacf) agrees with the recursive one, and is exactly the reflection over the
            // direct variance (the same sums in the same order)
            double[] prev = k == 1 ? new double[0] : coefs[k - 2];
            double direct = LevinsonDurbin.reflectionDirect(g[0], g, k, prev);
            assertEquals(phi[k - 1], direct, 1e-9, "order " + k);
            assertEquals(LevinsonDurbin.reflection(g, k, LevinsonDurbin.innovationVariance(g[0], g, k - 1, prev), prev),
                    direct, 0.0);
        }
    }

    @Property(tries = 200)
    void update_inPlace_equalsTheTwoArrayFormula(@ForAll @Size(min = 0, max = 9) double[] prev0,
                                                 @ForAll @DoubleRange(min = -1, max = 1) double pkk) {
        // Independent computation: φ_kj = φ_(k−1),j − φ_kk φ_(k−1),(k−j) from a separate copy of the old order
        int k = prev0.length + 1;
        double[] prev = new double[k - 1];
        for (int j = 0; j < k - 1; j++) {
            prev[j] = Double.isFinite(prev0[j]) ? Math.max(-10, Math.min(10, prev0[j])) : 0;
        }
        double[] expected = new double[k];
        for (int j = 1; j < k; j++) {
            expected[j - 1] = prev[j - 1] - pkk * prev[k - j - 1];
        }
        expected[k - 1] = pkk;
        // at an offset inside a longer array whose other entries must stay untouched
        double[] buf = new double[k + 4];
        java.util.Arrays.fill(buf, 7.5);
        System.arraycopy(prev, 0, buf, 2, k - 1);
        LevinsonDurbin.update(k, pkk, buf, 2);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(buf, 2, 2 + k), 0.0);
        assertEquals(7.5, buf[0]);
        assertEquals(7.5, buf[1]);
        assertEquals(7.5, buf[k + 2]);
        assertEquals(7.5, buf[k + 3]);
    }

    @Test
    void reflection_orderOne_isRho1() {
        assertEquals(0.25, LevinsonDurbin.reflection(new double[] {4, 1}, 1, 4, new double[0]));
    }
}
