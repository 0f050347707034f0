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

class StandardScalerTest {

    @Test
    void fit_meanAndSampleSd_ignoringMissing() {
        // Reference: R 4.2.2, mean(c(2, 4, 4, 4, 5, 5, 7, 9)) = 5, sd(...) = 2.138089935299395
        StandardScaler s = StandardScaler.fit(new double[] {2, 4, Double.NaN, 4, 4, 5, 5, 7, 9});
        assertEquals(5, s.mean(), 1e-15);
        assertEquals(2.138089935299395, s.sd(), 1e-15);
        assertArrayEquals(new double[] {0, 1}, s.apply(new double[] {5, 5 + 2.138089935299395}), 1e-15);
    }

    @Test
    void constantOrSingleTraining_usesUnitScale_noNaN() {
        StandardScaler c = StandardScaler.fit(new double[] {4, 4, 4});
        assertEquals(1, c.sd());
        assertArrayEquals(new double[] {0, 1}, c.apply(new double[] {4, 5}), 0);
        StandardScaler one = StandardScaler.fit(new double[] {Double.NaN, 7});
        assertEquals(7, one.mean());
        assertEquals(1, one.sd());
        assertArrayEquals(new double[] {7, 8}, one.invert(new double[] {0, 1}), 0);
    }

    @Test
    void fit_ddofZero_populationSd() {
        // the textbook example: squared deviations from the mean 5 sum to 32 over 8 values, so the population sd is
        // sqrt(32 / 8) = 2 and the sample sd sqrt(32 / 7)
        double[] x = {2, 4, 4, 4, 5, Double.NaN, 5, 7, 9};
        StandardScaler p = StandardScaler.fit(x, 0);
        assertEquals(5, p.mean());
        assertEquals(2, p.sd());
        assertEquals(Math.sqrt(32.0 / 7), StandardScaler.fit(x, 1).sd());
        assertEquals(StandardScaler.fit(x).sd(), StandardScaler.fit(x, 1).sd());
        assertEquals(1, StandardScaler.fit(new double[] {3}, 0).sd());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.fit(x, 2));
        assertEquals("ddof must be 0 or 1, got 2", e.getMessage());
    }

    @Test
    void series_roundTrip_keepsMetadata() {
        TimeSeries y = TimeSeries.of(1, 2, 4).withName("y");
        StandardScaler s = StandardScaler.fit(y);
        TimeSeries back = s.invert(s.apply(y));
        assertEquals("y", back.name());
        for (int i = 0; i < y.length(); i++) {
            assertEquals(y.get(i), back.get(i), 1e-15);
        }
    }

    @Test
    void badInput_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.fit(new double[0]));
        assertTrue(e.getMessage().contains("at least one observed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.fit(new double[] {Double.NEGATIVE_INFINITY}));
    }

    @Property
    void roundTrip(@ForAll("values") double[] train, @ForAll("values") double[] x) {
        if (train.length == 0) {
            return;
        }
        StandardScaler s = StandardScaler.fit(train);
        double[] back = s.invert(s.apply(x));
        double scale = Math.abs(s.mean()) + s.sd();
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-14 * Math.max(1, Math.max(scale, Math.abs(x[i]))));
        }
    }

    @Property
    void apply_trainingValues_haveMeanZero(@ForAll("values") double[] train) {
        if (train.length < 2) {
            return;
        }
        double sum = 0;
        for (double z : StandardScaler.fit(train).apply(train)) {
            sum += z;
        }
        assertEquals(0, sum / train.length, 1e-9);
    }

    @Provide
    Arbitrary<double[]> values() {
        return Arbitraries.doubles().between(-1e4, 1e4).array(double[].class).ofMaxSize(30);
    }
}
