package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OcsbTest {

    /**
     * R's lm solves by QR, forecast4j by the normal equations; for these well-conditioned regressions of at most
     * five columns the two agree to about 1e-10 relative, so 1e-7 is a safe bound that still catches any
     * misaligned lag (which changes the statistic in the first digit).
     */
    private static final double REL_TOL = 1e-7;

    // Reference: R 4.2.2 forecast 8.20 forecast:::ocsb.test(x, maxlag = 3, lag.method = "AIC") and fixed lags
    @Test
    void test_referenceSeries_matchesForecastOcsb() {
        for (String name : UnitRootReference.SEASONAL) {
            double[] y = UnitRootReference.series(name);
            int m = UnitRootReference.period(name);
            OcsbResult r = Ocsb.test(y, m);
            double expected = UnitRootReference.value(name, "ocsb_stat");
            assertEquals(expected, r.statistic(), REL_TOL * Math.abs(expected), name);
            assertEquals((int) UnitRootReference.value(name, "ocsb_lag"), r.lagOrder(), name + " lag");
            assertEquals(UnitRootReference.value(name, "ocsb_critical"), r.criticalValue(), 1e-12, name);
            for (int l = 0; l <= 3; l++) {
                double e = UnitRootReference.value(name, "ocsb_fixed" + l + "_stat");
                double a = Ocsb.test(y, m, l, Ocsb.LagSelection.FIXED).statistic();
                assertEquals(e, a, REL_TOL * Math.abs(e), name + " fixed lag " + l);
            }
        }
    }

    @Test
    void criticalValue_matchesFormula() {
        // calcOCSBCritVal(12) = -1.8029627911815704 (R 4.2.2 forecast 8.20)
        assertEquals(-1.8029627911815704, Ocsb.criticalValue(12), 1e-12);
    }

    @Test
    void test_tooShort_rejectedWithMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ocsb.test(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 7));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ocsb.test(new double[30], 1));
    }

    @Property(tries = 30)
    void statistic_isScaleInvariant(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        // every regression is linear in y, so t values do not change when y is scaled and shifted
        Random rnd = new Random(seed);
        double[] y = new double[100];
        double[] z = new double[100];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(2 * Math.PI * i / 7) + rnd.nextGaussian();
            z[i] = 50 + 300 * y[i];
        }
        OcsbResult a = Ocsb.test(y, 7);
        OcsbResult b = Ocsb.test(z, 7);
        assertEquals(a.lagOrder(), b.lagOrder());
        assertEquals(a.statistic(), b.statistic(), 1e-7 * Math.abs(a.statistic()));
    }
}
