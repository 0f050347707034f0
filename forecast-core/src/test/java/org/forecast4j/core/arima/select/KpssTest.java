package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KpssTest {

    /** R prints 17 significant digits; the statistic is a short closed-form sum, so 1e-10 relative. */
    private static final double REL_TOL = 1e-10;

    // Reference: R 4.2.2 urca 1.3-3 ur.kpss, script reference/unitroot/unitroot_reference.R
    @Test
    void test_levelWithNdiffsLags_matchesUrcaOnAllDifferencingOrders() {
        for (String name : UnitRootReference.ALL) {
            double[] y = UnitRootReference.series(name);
            for (int d = 0; d <= 2; d++) {
                KpssResult r = Kpss.test(y, Kpss.Type.LEVEL);
                String key = "kpss_level_d" + d;
                double expected = UnitRootReference.value(name, key + "_stat");
                assertEquals(expected, r.statistic(), REL_TOL * Math.abs(expected), name + " " + key);
                assertEquals((int) UnitRootReference.value(name, key + "_lag"), r.lags(), name + " " + key);
                assertEquals(UnitRootReference.value(name, key + "_pvalue"), r.pValue(), 1e-12, name + " " + key);
                y = diff(y);
            }
        }
    }

    // Reference: R 4.2.2 urca ur.kpss(type = "tau" / "mu", lags = "short")
    @Test
    void test_trendAndShortLags_matchUrca() {
        for (String name : UnitRootReference.ALL) {
            double[] y = UnitRootReference.series(name);
            int lags = Kpss.shortLags(y.length);
            assertEquals((int) UnitRootReference.value(name, "kpss_trend_short_lag"), lags, name);
            KpssResult t = Kpss.test(y, Kpss.Type.TREND, lags);
            double expected = UnitRootReference.value(name, "kpss_trend_short_stat");
            assertEquals(expected, t.statistic(), REL_TOL * Math.abs(expected), name + " trend");
            assertEquals(UnitRootReference.value(name, "kpss_trend_short_pvalue"), t.pValue(), 1e-12, name);
            KpssResult l = Kpss.test(y, Kpss.Type.LEVEL, lags);
            expected = UnitRootReference.value(name, "kpss_level_short_stat");
            assertEquals(expected, l.statistic(), REL_TOL * Math.abs(expected), name + " level short");
        }
    }

    @Test
    void pValue_interpolatesTableAndClamps() {
        // Kwiatkowski et al. (1992) Table 1, level: 0.347 (10%), 0.463 (5%), 0.574 (2.5%), 0.739 (1%)
        assertEquals(0.10, Kpss.pValue(0.1, Kpss.Type.LEVEL), 0);
        assertEquals(0.05, Kpss.pValue(0.463, Kpss.Type.LEVEL), 1e-15);
        assertEquals(0.075, Kpss.pValue((0.347 + 0.463) / 2, Kpss.Type.LEVEL), 1e-12);
        assertEquals(0.01, Kpss.pValue(5, Kpss.Type.LEVEL), 0);
        assertEquals(0.025, Kpss.pValue(0.176, Kpss.Type.TREND), 1e-15);
        assertTrue(Double.isNaN(Kpss.pValue(Double.NaN, Kpss.Type.LEVEL)));
    }

    @Test
    void lagRules_matchFormulas() {
        // trunc(3 sqrt(n) / 13) and trunc(4 (n/100)^0.25)
        assertEquals(2, Kpss.ndiffsLags(144));
        assertEquals(6, Kpss.ndiffsLags(730));
        assertEquals(4, Kpss.shortLags(144));
        assertEquals(6, Kpss.shortLags(730)); // 4 * 7.3^0.25 = 6.57
        assertEquals(0, Kpss.ndiffsLags(1));
    }

    @Test
    void test_badArguments_rejectedWithMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kpss.test(new double[] {1, 2, 3}, Kpss.Type.LEVEL, 3));
        assertTrue(e.getMessage().contains("lags must be in [0, 2], got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Kpss.test(new double[] {1, Double.NaN, 3}, Kpss.Type.LEVEL, 0));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kpss.test(new double[] {1, 2}, Kpss.Type.TREND, 0));
    }

    @Test
    void test_randomWalkRejectsWhiteNoiseDoesNot() {
        // Under the null (white noise) eta is O(1) with P(eta > 0.739) = 1%; a random walk of n = 1000 has
        // eta growing like n / lags, far beyond the 1% value.
        Random rnd = new Random(7);
        double[] noise = new double[1000];
        double[] walk = new double[1000];
        double level = 0;
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextGaussian();
            level += rnd.nextGaussian();
            walk[i] = level;
        }
        assertEquals(0.10, Kpss.test(noise, Kpss.Type.LEVEL).pValue(), 0.05);
        assertEquals(0.01, Kpss.test(walk, Kpss.Type.LEVEL).pValue(), 0);
    }

    @Property(tries = 100)
    void statistic_isInvariantToShiftAndScale(@ForAll @IntRange(min = 0, max = 10_000) int seed,
                                              @ForAll @DoubleRange(min = -1e3, max = 1e3) double shift,
                                              @ForAll @DoubleRange(min = 0.01, max = 100) double scale,
                                              @ForAll boolean trend) {
        // eta is a ratio of quadratic forms in the residuals, which are shift-invariant and scale linearly
        Random rnd = new Random(seed);
        double[] y = new double[60];
        double[] z = new double[60];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextGaussian() + 0.05 * i;
            z[i] = shift + scale * y[i];
        }
        Kpss.Type type = trend ? Kpss.Type.TREND : Kpss.Type.LEVEL;
        double a = Kpss.test(y, type, 3).statistic();
        double b = Kpss.test(z, type, 3).statistic();
        assertEquals(a, b, 1e-8 * a);
        assertTrue(a > 0);
    }

    private static double[] diff(double[] y) {
        double[] d = new double[y.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i + 1] - y[i];
        }
        return d;
    }
}
