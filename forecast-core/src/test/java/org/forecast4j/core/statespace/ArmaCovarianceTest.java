package org.forecast4j.core.statespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ArmaCovariance} against R 4.2.2's {@code getQ0} (reference models of kernels.R) and against an independent
 * computation: the fixed point of the Lyapunov iteration {@code Q ← T Q T' + R R'} (the defining series
 * {@code Σ T^k R R' T'^k}), run to convergence here.
 */
class ArmaCovarianceTest {

    private static final Map<String, double[]> REF = ReferenceData.load("reference/arima/kernels.csv");

    @ParameterizedTest
    @ValueSource(strings = {"q0a", "q0b", "q0c", "q0d", "q0e"})
    void compute_referenceModels_matchesR(String name) {
        double[] phi = REF.get(name + "_phi");
        double[] theta = REF.get(name + "_theta");
        int r = Math.max(phi.length, theta.length + 1);
        double[] out = new double[r * r];
        assertTrue(ArmaCovariance.compute(phi, phi.length, theta, theta.length, out, r,
                new double[ArmaCovariance.workSize(phi.length, r)]));
        double[] ref = REF.get(name + "_Q0");
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                // a different algorithm for the same matrix: rounding differences only on these models
                assertEquals(ref[i + j * r], out[i * r + j], 1e-9 * Math.max(1, Math.abs(ref[i + j * r])),
                        name + " Q0[" + i + "][" + j + "]");
            }
        }
    }

    /** Fixed point of Q = T Q T' + R R' by iteration (converges geometrically for a stationary AR part). */
    private static double[] lyapunov(double[] phi, double[] theta, int r) {
        double[] rv = new double[r];
        rv[0] = 1;
        for (int i = 1; i < r; i++) {
            rv[i] = i <= theta.length ? theta[i - 1] : 0;
        }
        double[] q = new double[r * r];
        double[] next = new double[r * r];
        double[] tq = new double[r * r];
        for (int it = 0; it < 100_000; it++) {
            // (T Q)[i][j] = φ_(i+1) Q[0][j] + Q[i+1][j]
            for (int i = 0; i < r; i++) {
                double f = i < phi.length ? phi[i] : 0;
                for (int j = 0; j < r; j++) {
                    tq[i * r + j] = f * q[j] + (i + 1 < r ? q[(i + 1) * r + j] : 0);
                }
            }
            double change = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double f = j < phi.length ? phi[j] : 0;
                    double v = tq[i * r] * f + (j + 1 < r ? tq[i * r + j + 1] : 0) + rv[i] * rv[j];
                    change = Math.max(change, Math.abs(v - q[i * r + j]));
                    next[i * r + j] = v;
                }
            }
            System.arraycopy(next, 0, q, 0, r * r);
            if (change < 1e-15 * Math.max(1, Math.abs(q[0]))) {
                break;
            }
        }
        return q;
    }

    /** (1 - a B)(1 - A B^7) multiplied out, as the expanded AR (sign -1) or MA (sign +1) coefficients. */
    private static double[] expand(double[] a, double[] seasonal, int sign) {
        int n = a.length + 7 * seasonal.length;
        double[] base = new double[n + 1];
        base[0] = 1;
        for (int i = 0; i < a.length; i++) {
            base[i + 1] = sign * a[i];
        }
        double[] full = base.clone();
        for (int j = 0; j < seasonal.length; j++) {
            for (int i = 0; i <= a.length; i++) {
                full[(j + 1) * 7 + i] += sign * seasonal[j] * base[i];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = sign * full[i + 1];
        }
        return out;
    }

    @Property(tries = 60)
    void compute_randomSeasonalArma_equalsLyapunovFixedPoint(@ForAll long seed,
                                                            @ForAll @IntRange(min = 0, max = 2) int p,
                                                            @ForAll @IntRange(min = 0, max = 2) int bigP,
                                                            @ForAll @IntRange(min = 0, max = 2) int q,
                                                            @ForAll @IntRange(min = 0, max = 2) int bigQ) {
        Random rnd = new Random(seed);
        // stationary by construction: |a| < 0.9 for one coefficient, |a1| + |a2| < 0.9 for two
        double[] ar = new double[p];
        double[] sar = new double[bigP];
        double[] ma = new double[q];
        double[] sma = new double[bigQ];
        for (int i = 0; i < p; i++) {
            ar[i] = (rnd.nextDouble() - 0.5) * (p == 1 ? 1.8 : 0.9);
        }
        for (int i = 0; i < bigP; i++) {
            sar[i] = (rnd.nextDouble() - 0.5) * (bigP == 1 ? 1.8 : 0.9);
        }
        for (int i = 0; i < q; i++) {
            ma[i] = (rnd.nextDouble() - 0.5) * 1.6;
        }
        for (int i = 0; i < bigQ; i++) {
            sma[i] = (rnd.nextDouble() - 0.5) * 1.6;
        }
        double[] phi = expand(ar, sar, -1);
        double[] theta = expand(ma, sma, 1);
        int r = Math.max(phi.length, theta.length + 1);
        double[] out = new double[r * r];
        assertTrue(ArmaCovariance.compute(phi, phi.length, theta, theta.length, out, r,
                new double[ArmaCovariance.workSize(phi.length, r)]));
        double[] ref = lyapunov(phi, theta, r);
        double scale = 0;
        for (double v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < r * r; i++) {
            assertEquals(ref[i], out[i], 1e-10 * scale, "Q0 entry " + i);
        }
    }

    @Test
    void compute_ar1_closedForm() {
        // AR(1): Q0 = 1 / (1 - φ²)
        double[] out = new double[1];
        assertTrue(ArmaCovariance.compute(new double[] {0.6}, 1, new double[0], 0, out, 1,
                new double[ArmaCovariance.workSize(1, 1)]));
        assertEquals(1 / (1 - 0.36), out[0], 1e-15);
    }

    @Test
    void compute_unitRoot_reportsSingular() {
        // (1 - B): the autocovariances do not exist
        double[] out = new double[1];
        assertFalse(ArmaCovariance.compute(new double[] {1.0}, 1, new double[0], 0, out, 1,
                new double[ArmaCovariance.workSize(1, 1)]));
    }
}
