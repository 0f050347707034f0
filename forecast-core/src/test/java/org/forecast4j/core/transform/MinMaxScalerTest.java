package org.forecast4j.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class MinMaxScalerTest {

    @Test
    void fit_usesTrainingRangeOnly_andIgnoresMissing() {
        MinMaxScaler s = MinMaxScaler.fit(new double[] {2, Double.NaN, 6, 4});
        assertEquals(2, s.min());
        assertEquals(6, s.max());
        // test data beyond the training range maps outside [0, 1] (no clipping)
        assertArrayEquals(new double[] {0, 0.5, 1, 2, -0.5}, s.apply(new double[] {2, 4, 6, 10, 0}), 0);
        assertTrue(Double.isNaN(s.apply(new double[] {Double.NaN})[0]));
    }

    @Test
    void fit_customRange() {
        MinMaxScaler s = MinMaxScaler.fit(new double[] {0, 10}, -1, 1);
        assertArrayEquals(new double[] {-1, 0, 1}, s.apply(new double[] {0, 5, 10}), 1e-15);
        assertArrayEquals(new double[] {0, 5, 10}, s.invert(new double[] {-1, 0, 1}), 1e-15);
    }

    @Test
    void constantTraining_mapsToLowerBound_andInvertsExactly() {
        MinMaxScaler s = MinMaxScaler.fit(new double[] {3, 3, 3});
        assertArrayEquals(new double[] {0, 0, 1.5}, s.apply(new double[] {3, 3, 4.5}), 0);
        assertArrayEquals(new double[] {3, 4.5}, s.invert(new double[] {0, 1.5}), 0);
    }

    @Test
    void series_keepsMetadata() {
        TimeSeries y = TimeSeries.of(1, 2, 3).withName("y").withPeriod(3);
        MinMaxScaler s = MinMaxScaler.fit(y);
        TimeSeries z = s.apply(y);
        assertEquals("y", z.name());
        assertEquals(3, z.period());
        assertEquals(y, s.invert(z));
    }

    @Test
    void badInput_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MinMaxScaler.fit(new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("at least one observed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(new double[] {1}, 1, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> MinMaxScaler.fit(new double[] {1, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("train[1]"), e.getMessage());
    }

    @Property
    void roundTrip(@ForAll("values") double[] train, @ForAll("values") double[] x) {
        if (train.length == 0) {
            return;
        }
        MinMaxScaler s = MinMaxScaler.fit(train);
        double[] back = s.invert(s.apply(x));
        double scale = Math.max(Math.abs(s.min()), Math.abs(s.max()));
        for (int i = 0; i < x.length; i++) {
            // two roundings in each direction: a few ulps of the larger of |x| and the training scale
            assertEquals(x[i], back[i], 1e-14 * Math.max(1, Math.max(scale, Math.abs(x[i]))));
        }
    }

    @Property
    void apply_trainingValues_liesInUnitInterval(@ForAll("values") double[] train) {
        if (train.length == 0) {
            return;
        }
        for (double z : MinMaxScaler.fit(train).apply(train)) {
            assertTrue(z >= 0 && z <= 1 + 1e-15, "z " + z);
        }
    }

    @Provide
    Arbitrary<double[]> values() {
        return Arbitraries.doubles().between(-1e4, 1e4).array(double[].class).ofMaxSize(30);
    }
}
