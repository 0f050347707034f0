package org.forecast4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forecast4j.core.transform.Differencing;
import org.forecast4j.core.transform.ReferenceFiles;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2 {@code acf(x, lag.max = 20)} (correlation and covariance, {@code na.action = na.pass} for the
 * series with gaps) and {@code pacf(x, lag.max = 20)}, script src/test/resources/reference/stats_transforms.R
 * (acf_pacf.csv). The same numbers are in the project's conformance set (acf_raw / acf_diff).
 */
class AutocorrelationTest {

    /** Project tolerance for ACF/PACF against R (conformance README): both are exact sums up to rounding. */
    private static final double R_TOL = 1e-10;

    /** Series, whether it is modelled on the log scale, and (d, D, s) of its differenced version. */
    private static final Object[][] CASES = {
        {"AirPassengers", true, 1, 1, 12},
        {"USAccDeaths", false, 1, 1, 12},
        {"lynx", true, 0, 0, 1},
        {"ecom_orders", true, 1, 1, 7},
        {"ecom_sku_units", false, 0, 1, 7},
        {"ar2_n200", false, 0, 0, 1},
    };

    static double[] prepared(String name, boolean log) {
        double[] y = ReferenceFiles.series(name);
        if (log) {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.log(y[i]);
            }
        }
        return y;
    }

    static double[] version(Object[] c, String kind) {
        double[] y = prepared((String) c[0], (Boolean) c[1]);
        if (kind.equals("raw")) {
            return y;
        }
        return Differencing.of((Integer) c[2]).withSeasonal((Integer) c[3], (Integer) c[4]).apply(y);
    }

    @Test
    void acfPacfAcvf_matchR_onReferenceSeries_rawAndDifferenced() {
        int checked = 0;
        for (Object[] c : CASES) {
            for (String kind : new String[] {"raw", "diff"}) {
                String name = (String) c[0];
                List<Map<String, String>> rows = ReferenceFiles.rows("acf_pacf.csv",
                        r -> r.get("series").equals(name) && r.get("kind").equals(kind));
                assertEquals(21, rows.size(), name + " " + kind);
                double[] x = version(c, kind);
                double[] acf = Autocorrelation.acf(x, 20);
                double[] pacf = Autocorrelation.pacf(x, 20);
                double[] acvf = Autocorrelation.autocovariance(x, Autocorrelation.observedMean(x), 20, null);
                double[] rAcf = ReferenceFiles.column(rows, "acf");
                double[] rAcvf = ReferenceFiles.column(rows, "acvf");
                double[] rPacf = Arrays.copyOfRange(ReferenceFiles.column(rows, "pacf"), 1, 21);
                assertArrayEquals(rAcf, acf, R_TOL, name + " " + kind + " acf");
                assertArrayEquals(rPacf, pacf, R_TOL, name + " " + kind + " pacf");
                for (int k = 0; k <= 20; k++) {
                    assertEquals(rAcvf[k], acvf[k], R_TOL * Math.abs(rAcvf[0]), name + " " + kind + " acvf " + k);
                }
                checked++;
            }
        }
        assertEquals(12, checked);
    }

    @Test
    void acf_withMissingValues_matchesRNaPass() {
        double[] x = prepared("AirPassengers", true);
        for (int i : new int[] {4, 5, 39, 99, 143}) {
            x[i] = Double.NaN;
        }
        List<Map<String, String>> rows = ReferenceFiles.rows("acf_pacf.csv",
                r -> r.get("series").equals("AirPassengers") && r.get("kind").equals("na_pass"));
        assertArrayEquals(ReferenceFiles.column(rows, "acf"), Autocorrelation.acf(x, 20), R_TOL);
        assertArrayEquals(ReferenceFiles.column(rows, "acvf"),
                Autocorrelation.autocovariance(x, Autocorrelation.observedMean(x), 20, null), R_TOL);
    }

    @Test
    void autocovariance_longSeries_blockedSumsEqualDirectSums() {
        // Independent computation: the textbook double loop, on a series longer than several cache blocks
        Random rnd = new Random(7);
        double[] x = new double[20_011];
        for (int i = 1; i < x.length; i++) {
            x[i] = 0.6 * x[i - 1] + rnd.nextGaussian();
        }
        double m = Autocorrelation.observedMean(x);
        double[] fast = Autocorrelation.autocovariance(x, m, 50, new double[51]);
        for (int k = 0; k <= 50; k++) {
            double s = 0;
            for (int t = 0; t + k < x.length; t++) {
                s += (x[t + k] - m) * (x[t] - m);
            }
            assertEquals(s / x.length, fast[k], 1e-12 * fast[0], "lag " + k);
        }
    }

    @Test
    void pacfFromAcf_ar1TheoreticalAcf_givesPhiThenZeros() {
        // Theory: an AR(1) with coefficient φ has ρ_k = φ^k, so φ_11 = φ and φ_kk = 0 for k > 1
        double phi = 0.7;
        double[] rho = new double[11];
        for (int k = 0; k <= 10; k++) {
            rho[k] = Math.pow(phi, k);
        }
        double[] p = Autocorrelation.pacfFromAcf(rho, 10, new double[10], new double[20]);
        assertEquals(phi, p[0], 1e-15);
        for (int k = 1; k < 10; k++) {
            assertEquals(0, p[k], 1e-14, "lag " + (k + 1));
        }
    }

    @Test
    void pacfFromAcf_ar2TheoreticalAcf_givesPhi2AtLag2() {
        // Theory: AR(2) φ1 = 0.5, φ2 = 0.3: ρ1 = φ1/(1−φ2), ρ_k = φ1 ρ_{k−1} + φ2 ρ_{k−2}; φ_22 = φ2, φ_kk = 0 after
        double[] rho = new double[8];
        rho[0] = 1;
        rho[1] = 0.5 / 0.7;
        for (int k = 2; k < 8; k++) {
            rho[k] = 0.5 * rho[k - 1] + 0.3 * rho[k - 2];
        }
        double[] p = Autocorrelation.pacfFromAcf(rho, 7, null, null);
        assertEquals(rho[1], p[0], 1e-15);
        assertEquals(0.3, p[1], 1e-14);
        for (int k = 2; k < 7; k++) {
            assertEquals(0, p[k], 1e-14);
        }
    }

    @Test
    void defaultMaxLag_isRsRule() {
        // R: floor(10 * log10(n)), at most n − 1
        assertEquals(21, Autocorrelation.defaultMaxLag(144));
        assertEquals(60, Autocorrelation.defaultMaxLag(1_000_000));
        assertEquals(4, Autocorrelation.defaultMaxLag(5));
        assertEquals(0, Autocorrelation.defaultMaxLag(1));
    }

    @Test
    void edgeCases_throwClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Autocorrelation.acf(new double[] {3, 3, 3}, 1));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.acf(new double[] {1, 2, 3}, 3));
        assertTrue(e.getMessage().contains("maxLag must be in [0, n - 1 = 2], got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.acf(new double[0], 0));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Autocorrelation.acf(new double[] {Double.NaN, Double.NaN}, 1));
        assertTrue(e.getMessage().contains("all 2 values are missing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Autocorrelation.acf(new double[] {1, Double.NaN, 2, Double.NaN}, 1));
        assertTrue(e.getMessage().contains("no pair of observed values at lag 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Autocorrelation.pacf(new double[] {1, 2, Double.NaN, 4}, 2));
        assertTrue(e.getMessage().contains("x[2] is missing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Autocorrelation.pacf(new double[] {1, 2, 4}, 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> Autocorrelation.acf(new double[] {1e200, -1e200, 1e200}, 1));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Autocorrelation.acf(new double[] {1, Double.POSITIVE_INFINITY}, 1));
        assertThrows(IllegalArgumentException.class, () -> Autocorrelation.acf(new double[] {1, 2, 4}, 2,
                new double[2]));
    }

    @Test
    void acf_outOverload_fillsGivenArray() {
        double[] out = new double[5];
        assertTrue(out == Autocorrelation.acf(new double[] {1, 3, 2, 5, 4}, 4, out));
        assertEquals(1, out[0]);
    }

    // ---------------------------------------------------------------------------------------------- properties

    @Property
    void acf_lagZeroIsOne_andAllWithinUnitInterval(@ForAll("series") double[] x) {
        if (isConstant(x)) {
            return;
        }
        double[] r = Autocorrelation.acf(x, x.length - 1);
        assertEquals(1, r[0], 0);
        for (double v : r) {
            assertTrue(v >= -1 && v <= 1, "acf " + v);
        }
    }

    @Property
    void pacf_withinUnitInterval(@ForAll("series") double[] x) {
        if (isConstant(x)) {
            return;
        }
        // the divisor-n autocovariance is positive semi-definite, so |φ_kk| ≤ 1 (up to rounding)
        for (double v : Autocorrelation.pacf(x, Math.min(10, x.length - 1))) {
            assertTrue(Math.abs(v) <= 1 + 1e-9, "pacf " + v);
        }
    }

    @Property
    void acf_isInvariantToShiftAndPositiveScale(@ForAll("series") double[] x) {
        if (isConstant(x)) {
            return;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i] + 7;
        }
        if (isConstant(y)) {
            return;
        }
        int lag = x.length - 1;
        assertArrayEquals(Autocorrelation.acf(x, lag), Autocorrelation.acf(y, lag), 1e-8);
    }

    private static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<double[]> series() {
        return Arbitraries.doubles().between(-1e3, 1e3).array(double[].class).ofMinSize(2).ofMaxSize(60);
    }
}
