package org.forecast4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.transform.ReferenceFiles;
import org.junit.jupiter.api.Test;

/**
 * Reference: R 4.2.2 {@code Box.test(x, lag, type, fitdf)}, script src/test/resources/reference/stats_transforms.R
 * (box_test.csv): six series, raw and differenced, lags 1–24, fitdf 0–3, both types, and one series with gaps.
 */
class BoxTestTest {

    /** Statistic: a sum of squared ACF values, which match R to ~1e-15; relative 1e-10 (project tolerance). */
    private static final double STAT_TOL = 1e-10;
    /**
     * p-value: R's pchisq and Commons Math's regularized gamma (epsilon 1e-14) agree to ~1e-14; 1e-10 absolute.
     */
    private static final double P_TOL = 1e-10;

    @Test
    void statisticAndPValue_matchRBoxTest() {
        int checked = 0;
        for (Map<String, String> row : ReferenceFiles.rows("box_test.csv")) {
            String name = row.get("series");
            String kind = row.get("kind");
            double[] x;
            if (kind.equals("na_pass")) {
                x = AutocorrelationTest.prepared("AirPassengers", true);
                for (int i : new int[] {4, 5, 39, 99, 143}) {
                    x[i] = Double.NaN;
                }
            } else {
                x = AutocorrelationTest.version(caseOf(name), kind);
            }
            int lag = (int) ReferenceFiles.num(row, "lag");
            int fitdf = (int) ReferenceFiles.num(row, "fitdf");
            BoxTest.Type type = BoxTest.Type.valueOf(row.get("type"));
            BoxTest.Result r = BoxTest.test(x, lag, fitdf, type);
            double stat = ReferenceFiles.num(row, "statistic");
            assertEquals(stat, r.statistic(), STAT_TOL * stat, row.toString());
            assertEquals((int) ReferenceFiles.num(row, "df"), r.df(), row.toString());
            assertEquals(ReferenceFiles.num(row, "p_value"), r.pValue(), P_TOL, row.toString());
            checked++;
        }
        assertEquals(122, checked);
    }

    private static Object[] caseOf(String name) {
        for (Object[] c : caseTable()) {
            if (c[0].equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Object[][] caseTable() {
        return new Object[][] {
            {"AirPassengers", true, 1, 1, 12},
            {"USAccDeaths", false, 1, 1, 12},
            {"lynx", true, 0, 0, 1},
            {"ecom_orders", true, 1, 1, 7},
            {"ecom_sku_units", false, 0, 1, 7},
            {"ar2_n200", false, 0, 0, 1},
        };
    }

    @Test
    void ljungBox_whiteNoiseLikeAlternatingSeries_computedByHand() {
        // Independent computation: x = 1, −1, 1, −1 (mean 0): r1 = −3/4, r2 = 2/4; n = 4
        // Q* = 4·6·(r1²/3 + r2²/2) = 24·(0.1875 + 0.125) = 7.5; Q = 4·(0.5625 + 0.25) = 3.25
        double[] x = {1, -1, 1, -1};
        assertEquals(7.5, BoxTest.ljungBox(x, 2, 0).statistic(), 1e-14);
        assertEquals(3.25, BoxTest.boxPierce(x, 2, 0).statistic(), 1e-14);
        // χ²₂ survival is exp(−q/2)
        assertEquals(Math.exp(-3.75), BoxTest.ljungBox(x, 2, 0).pValue(), 1e-14);
        assertEquals(Math.exp(-3.25 / 2), BoxTest.boxPierce(x, 2, 0).pValue(), 1e-14);
        // fitdf = 1 leaves df = 1; χ²₁ survival is erfc(√(q/2))
        BoxTest.Result one = BoxTest.boxPierce(x, 2, 1);
        assertEquals(1, one.df());
        assertEquals(org.apache.commons.math3.special.Erf.erfc(Math.sqrt(3.25 / 2)), one.pValue(), 1e-13);
    }

    @Test
    void result_toString_readsLikeR() {
        String s = BoxTest.ljungBox(new double[] {1, -1, 1, -1}, 2, 0).toString();
        assertTrue(s.startsWith("Box-Ljung test: X-squared = 7.50000, df = 2, p-value = "), s);
    }

    @Test
    void badArguments_throwClearMessages() {
        double[] x = {1, 2, 3, 5, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoxTest.ljungBox(x, 0, 0));
        assertTrue(e.getMessage().contains("lag must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxTest.ljungBox(x, 5, 0));
        assertTrue(e.getMessage().contains("lag must be < the number of observed values (5), got 5"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxTest.ljungBox(x, 2, 2));
        assertTrue(e.getMessage().contains("fitdf must be in [0, lag = 2), got 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxTest.boxPierce(new double[] {2, 2, 2, 2}, 1, 0));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoxTest.ljungBox(new double[0], 1, 0));
    }

    @Property
    void pValue_isProbability_andStatisticNonNegative(@ForAll("series") double[] x,
                                                       @ForAll @IntRange(min = 1, max = 10) int lag) {
        if (lag >= x.length || isConstant(x)) {
            return;
        }
        for (BoxTest.Type t : BoxTest.Type.values()) {
            BoxTest.Result r = BoxTest.test(x, lag, 0, t);
            assertTrue(r.pValue() >= 0 && r.pValue() <= 1, "p " + r.pValue());
            assertTrue(r.statistic() >= 0);
        }
    }

    @Property
    void ljungBox_exceedsBoxPierce(@ForAll("series") double[] x, @ForAll @IntRange(min = 1, max = 10) int lag) {
        if (lag >= x.length || isConstant(x)) {
            return;
        }
        // (n + 2)/(n − k) > 1 for every k ≥ 1, so Q* ≥ Q
        assertTrue(BoxTest.ljungBox(x, lag, 0).statistic() >= BoxTest.boxPierce(x, lag, 0).statistic());
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
        return Arbitraries.doubles().between(-1e3, 1e3).array(double[].class).ofMinSize(2).ofMaxSize(80);
    }
}
