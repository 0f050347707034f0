package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class UnitRootTestsTest {

    // Reference: R 4.2.2 forecast 8.20 ndiffs(x) and ndiffs(x, type = "trend"), script unitroot_reference.R
    @Test
    void ndiffs_referenceSeries_matchesR() {
        for (String name : UnitRootReference.ALL) {
            double[] y = UnitRootReference.series(name);
            assertEquals((int) UnitRootReference.value(name, "ndiffs"),
                    UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.LEVEL, 2).order(), name + " level");
            assertEquals((int) UnitRootReference.value(name, "ndiffs_trend"),
                    UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.TREND, 2).order(), name + " trend");
        }
    }

    @Test
    void ndiffsDecision_recordsEachKpssStep() {
        // AirPassengers: R's KPSS on x has p = 0.01 (difference), on diff(x) p = 0.10 (stop): d = 1
        double[] y = UnitRootReference.series("AirPassengers");
        DifferencingDecision d = UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.LEVEL, 2);
        assertEquals(1, d.order());
        assertEquals("kpss", d.test());
        assertEquals(2, d.steps().size());
        assertEquals(UnitRootReference.value("AirPassengers", "kpss_level_d0_stat"), d.steps().get(0).statistic(),
                1e-9);
        assertTrue(d.steps().get(0).differenceSuggested());
        assertFalse(d.steps().get(1).differenceSuggested());
        assertEquals(1, d.steps().get(1).differences());
    }

    // Reference: R 4.2.2 forecast 8.20 nsdiffs(x) and nsdiffs(x, test = "ocsb")
    @Test
    void nsdiffs_referenceSeries_matchesR() {
        for (String name : UnitRootReference.SEASONAL) {
            double[] y = UnitRootReference.series(name);
            int m = UnitRootReference.period(name);
            assertEquals((int) UnitRootReference.value(name, "nsdiffs_seas"),
                    UnitRootTests.nsdiffsDecision(y, m, SeasonalTest.SEASONAL_STRENGTH, 1).order(), name + " seas");
            assertEquals((int) UnitRootReference.value(name, "nsdiffs_ocsb"),
                    UnitRootTests.nsdiffsDecision(y, m, SeasonalTest.OCSB, 1).order(), name + " ocsb");
        }
    }

    @Test
    void ndiffsAndNsdiffs_timeSeriesOverloads_useDefaults() {
        double[] y = UnitRootReference.series("USAccDeaths");
        TimeSeries s = TimeSeries.of(y).withPeriod(12);
        assertEquals(0, UnitRootTests.ndiffs(s)); // R: ndiffs(USAccDeaths) = 0
        assertEquals(1, UnitRootTests.nsdiffs(s)); // R: nsdiffs(USAccDeaths) = 1
    }

    @Test
    void ndiffs_constantSeries_isZeroWithoutTests() {
        DifferencingDecision d = UnitRootTests.ndiffsDecision(new double[] {3, 3, 3, 3, 3}, 0.05, Kpss.Type.LEVEL, 2);
        assertEquals(0, d.order());
        assertTrue(d.steps().isEmpty());
        assertEquals("series is constant", d.reason());
    }

    @Test
    void ndiffs_linearTrend_stopsWhenDifferenceIsConstant() {
        // R: ndiffs(1:50) = 1 (KPSS rejects on the trend, diff(1:50) is constant)
        double[] y = new double[50];
        for (int i = 0; i < y.length; i++) {
            y[i] = i + 1;
        }
        DifferencingDecision d = UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.LEVEL, 2);
        assertEquals(1, d.order());
        assertEquals("differenced series is constant", d.reason());
    }

    @Test
    void ndiffs_missingValuesDropped_asNaOmit() {
        double[] y = UnitRootReference.series("Nile");
        double[] withGaps = new double[y.length + 3];
        for (int i = 0, j = 0; i < withGaps.length; i++) {
            withGaps[i] = (i == 5 || i == 40 || i == 41) ? Double.NaN : y[j++];
        }
        assertEquals(UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.LEVEL, 2).order(),
                UnitRootTests.ndiffsDecision(withGaps, 0.05, Kpss.Type.LEVEL, 2).order());
    }

    @Test
    void ndiffs_maxD_caps() {
        double[] y = UnitRootReference.series("AirPassengers");
        assertEquals(0, UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.LEVEL, 0).order());
    }

    @Test
    void nsdiffs_nonSeasonalOrShort_handledAsR() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitRootTests.nsdiffsDecision(new double[] {1, 2, 3}, 1, SeasonalTest.SEASONAL_STRENGTH, 1));
        assertTrue(e.getMessage().contains("period must be >= 2, got 1"), e.getMessage());
        // period >= n: 0 without a test (R returns 0)
        assertEquals(0, UnitRootTests.nsdiffsDecision(new double[] {1, 5, 2}, 4, SeasonalTest.SEASONAL_STRENGTH, 1)
                .order());
        // n <= 2 period: STL fails in R, the error handler returns 0
        DifferencingDecision d = UnitRootTests.nsdiffsDecision(new double[] {1, 5, 2, 8, 3, 9, 4, 7}, 4,
                SeasonalTest.SEASONAL_STRENGTH, 1);
        assertEquals(0, d.order());
        assertFalse(d.steps().get(0).note().isEmpty());
    }

    @Test
    void nsdiffs_exactlyPeriodicSeries_differencedToConstant() {
        // a pure period-4 pattern is perfectly seasonal (strength 1); its seasonal difference is constant
        double[] y = new double[40];
        double[] p = {1, 7, 3, 9};
        for (int i = 0; i < y.length; i++) {
            y[i] = p[i % 4];
        }
        DifferencingDecision d = UnitRootTests.nsdiffsDecision(y, 4, SeasonalTest.SEASONAL_STRENGTH, 1);
        assertEquals(1, d.order());
        assertEquals(1.0, d.steps().get(0).statistic(), 1e-9);
    }

    @Test
    void isConstant_followsAllEqualTolerance() {
        assertTrue(UnitRootTests.isConstant(new double[] {1e6, 1e6 + 1e-3, 1e6}));
        assertFalse(UnitRootTests.isConstant(new double[] {1, 1.001, 1}));
        assertTrue(UnitRootTests.isConstant(new double[] {0, 1e-9, 0})); // absolute below 1.5e-8
        assertFalse(UnitRootTests.isConstant(new double[] {1, Double.NaN, 1}));
        assertTrue(UnitRootTests.isConstant(new double[0]));
    }

    @Test
    void ndiffsDecision_badAlpha_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnitRootTests.ndiffsDecision(new double[] {1, 2, 3}, 0.5, Kpss.Type.LEVEL, 2));
        assertTrue(e.getMessage().contains("alpha must be in [0.01, 0.10]"), e.getMessage());
    }

    @Property(tries = 60)
    void ndiffs_withinBoundsAndScaleInvariant(@ForAll @IntRange(min = 0, max = 100_000) int seed,
                                              @ForAll @IntRange(min = 0, max = 2) int maxD) {
        Random rnd = new Random(seed);
        double[] y = new double[80];
        double level = 0;
        for (int i = 0; i < y.length; i++) {
            level += rnd.nextGaussian() * (seed % 2);
            y[i] = level + rnd.nextGaussian();
        }
        double[] big = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            big[i] = 1000 * y[i] + 5;
        }
        int d = UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.LEVEL, maxD).order();
        assertTrue(d >= 0 && d <= maxD);
        assertEquals(d, UnitRootTests.ndiffsDecision(big, 0.05, Kpss.Type.LEVEL, maxD).order());
    }
}
