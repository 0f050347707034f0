package org.forecast4j.core.transform;

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

class LogTransformTest {

    @Test
    void log_andLog1p_matchMathFunctions() {
        assertEquals(Math.log(10), LogTransform.log().apply(new double[] {10})[0], 0);
        assertEquals(0, LogTransform.log1p().apply(new double[] {0})[0], 0);
        // log1p keeps precision where log(1 + x) loses it: log1p(1e-20) = 1e-20
        assertEquals(1e-20, LogTransform.log1p().apply(new double[] {1e-20})[0], 1e-35);
    }

    @Test
    void log_nonPositive_isRejectedWithClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogTransform.log().apply(new double[] {3, 0}));
        assertEquals("log needs x > 0, got x[1] = 0.0 (use log1p for counts with zeros)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogTransform.log1p().apply(new double[] {-1}));
        assertEquals("log1p needs x > -1, got x[0] = -1.0", e.getMessage());
    }

    @Test
    void invert_overflow_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogTransform.log().invert(new double[] {800}));
        assertTrue(e.getMessage().contains("y[0] = 800.0"), e.getMessage());
    }

    @Test
    void missing_passesThrough_andSeriesKeepsMetadata() {
        TimeSeries y = TimeSeries.of(1, Double.NaN, Math.E).withName("s");
        TimeSeries w = LogTransform.log().apply(y);
        assertEquals("s", w.name());
        assertTrue(Double.isNaN(w.get(1)));
        assertEquals(1, w.get(2), 1e-15);
        assertEquals(y.get(2), LogTransform.log().invert(w).get(2), 1e-15);
        assertEquals("log1p", LogTransform.log1p().description());
    }

    @Property
    void roundTrip_log(@ForAll("positive") double[] x) {
        double[] back = LogTransform.log().invert(LogTransform.log().apply(x));
        for (int i = 0; i < x.length; i++) {
            // exp(log x): relative error ≲ |log x|·ε + ε ≈ 1e-14 for x ≤ 1e6
            assertEquals(x[i], back[i], 1e-13 * x[i]);
        }
    }

    @Property
    void roundTrip_log1p(@ForAll("positive") double[] x) {
        double[] back = LogTransform.log1p().invert(LogTransform.log1p().apply(x));
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-13 * Math.max(1, x[i]));
        }
    }

    @Provide
    Arbitrary<double[]> positive() {
        return Arbitraries.doubles().between(1e-6, 1e6).ofScale(8).array(double[].class).ofMaxSize(50);
    }
}
