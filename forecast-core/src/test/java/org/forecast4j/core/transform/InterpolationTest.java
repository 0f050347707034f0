package org.forecast4j.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    @Test
    void linear_matchesRNaInterp_onLynxWithGaps() {
        // Reference: R 4.2.2, forecast 8.20 na.interp(ts(x, frequency = 1)) (linear, approx rule = 2),
        // script src/test/resources/reference/stats_transforms.R (na_interp.csv)
        List<Map<String, String>> rows = ReferenceFiles.rows("na_interp.csv");
        double[] x = ReferenceFiles.column(rows, "x");
        Interpolation.Result r = Interpolation.linear(x);
        assertArrayEquals(ReferenceFiles.column(rows, "na_interp"), r.values(), 1e-12);
        // gaps at 0-based 0, 1 (leading), 9-11 and 49 (interior), 112, 113 (trailing)
        assertEquals(4, r.filledInterior());
        assertEquals(4, r.filledEdges());
        assertEquals(8, r.filled());
        assertEquals(0, r.leftMissing());
    }

    @Test
    void leaveMissing_keepsEdgesNaN_andCountsThem() {
        Interpolation.Result r = Interpolation.linear(new double[] {Double.NaN, 1, Double.NaN, Double.NaN, 4,
            Double.NaN}, Interpolation.EdgePolicy.LEAVE_MISSING);
        double[] v = r.values();
        assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[5]));
        assertEquals(2, v[2], 1e-15);
        assertEquals(3, v[3], 1e-15);
        assertEquals(2, r.filledInterior());
        assertEquals(0, r.filledEdges());
        assertEquals(2, r.leftMissing());
    }

    @Test
    void complete_isUnchanged_andEmptyIsEmpty() {
        Interpolation.Result r = Interpolation.linear(new double[] {1, 2});
        assertArrayEquals(new double[] {1, 2}, r.values(), 0);
        assertEquals(0, r.filled());
        assertEquals(0, Interpolation.linear(new double[0]).values().length);
    }

    @Test
    void allMissing_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interpolation.linear(new double[] {Double.NaN, Double.NaN}));
        assertEquals("cannot interpolate: all 2 values are missing (NaN)", e.getMessage());
    }

    @Test
    void series_keepsDates() {
        TimeSeries y = TimeSeries.daily(LocalDate.of(2024, 1, 1), 1, Double.NaN, 3);
        Interpolation.SeriesResult r = Interpolation.linear(y);
        assertEquals(y.start(), r.series().start());
        assertEquals(2, r.series().get(1), 0);
        assertEquals(1, r.counts().filledInterior());
        assertEquals(0, r.series().missingCount());
    }

    @Property
    void filled_hasNoMissing_keepsObserved_andStaysWithinNeighbours(@ForAll("gappy") double[] x) {
        boolean any = false;
        for (double v : x) {
            any |= !Double.isNaN(v);
        }
        if (!any) {
            return;
        }
        Interpolation.Result r = Interpolation.linear(x);
        double[] y = r.values();
        int missing = 0;
        for (int i = 0; i < x.length; i++) {
            assertTrue(!Double.isNaN(y[i]));
            if (Double.isNaN(x[i])) {
                missing++;
            } else {
                assertEquals(x[i], y[i], 0);
            }
        }
        assertEquals(missing, r.filled());
    }

    @Provide
    Arbitrary<double[]> gappy() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-100, 100)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN))).array(double[].class).ofMaxSize(40);
    }
}
