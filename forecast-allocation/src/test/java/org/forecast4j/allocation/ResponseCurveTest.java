package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Curves against their closed forms (values from the formulas of issue 7, evaluated by hand) and their
 * derivatives/inverses against central finite differences and round trips.
 */
class ResponseCurveTest {

    /** Central differences with h = 1e-4·x have truncation error O(h²) ≈ 1e-8 relative; 1e-6 leaves margin. */
    private static final double FD_TOL = 1e-6;

    private static List<ResponseCurve> curves() {
        return List.of(ResponseCurve.hill(0.4, 1000, 1), ResponseCurve.hill(0.3, 2000, 0.6),
                ResponseCurve.hill(0.5, 3000, 2.5), ResponseCurve.exponential(0.5, 2000),
                ResponseCurve.log(0.1, 500), ResponseCurve.linear(1e-4, 0.3),
                ResponseCurve.piecewise(new double[] {1000, 3000, 6000}, new double[] {0.1, 0.2, 0.25}));
    }

    @Test
    void lift_knownPoints_matchClosedForms() {
        // Hill at ec50 is half the maximum; exponential at x = scale is M(1 − 1/e); log at x = k(e − 1) is c.
        assertEquals(0.2, ResponseCurve.hill(0.4, 1000, 1).lift(1000), 1e-15);
        assertEquals(0.25, ResponseCurve.hill(0.5, 3000, 2.5).lift(3000), 1e-15);
        assertEquals(0.5 * (1 - Math.exp(-1)), ResponseCurve.exponential(0.5, 2000).lift(2000), 1e-15);
        assertEquals(0.1, ResponseCurve.log(0.1, 500).lift(500 * (Math.E - 1)), 1e-15);
        assertEquals(0.1, ResponseCurve.linear(1e-3, 0.3).lift(100), 1e-15);
        assertEquals(0.3, ResponseCurve.linear(1e-3, 0.3).lift(1000), 1e-15);
        ResponseCurve pw = ResponseCurve.piecewise(new double[] {1000, 3000}, new double[] {0.1, 0.2});
        assertEquals(0.05, pw.lift(500), 1e-15);
        assertEquals(0.15, pw.lift(2000), 1e-15);
        assertEquals(0.2, pw.lift(1e6), 1e-15);
        for (ResponseCurve c : curves()) {
            assertEquals(0, c.lift(0), 0, c::toString);
        }
    }

    @Test
    void derivative_smoothCurves_matchesCentralDifference() {
        for (ResponseCurve c : curves()) {
            if (c instanceof PiecewiseLinearCurve) {
                continue;
            }
            for (double x : new double[] {50, 700, 2500, 9000, 40000}) {
                double h = 1e-4 * x;
                double fd = (c.lift(x + h) - c.lift(x - h)) / (2 * h);
                assertEquals(fd, c.derivative(x), FD_TOL * Math.max(Math.abs(fd), 1e-12) + 1e-15, c + " at " + x);
            }
        }
    }

    @Test
    void spendForDerivative_concaveBranch_invertsDerivative() {
        for (ResponseCurve c : curves()) {
            if (c instanceof PiecewiseLinearCurve || c instanceof LinearCurve) {
                continue;
            }
            double start = Math.max(c.inflectionSpend(), 10);
            for (double x : new double[] {start * 1.5, start * 4, start * 20}) {
                double m = c.derivative(x);
                assertEquals(x, c.spendForDerivative(m), 1e-7 * x, c + " at " + x);
            }
        }
        // piecewise: largest maximiser of L(x) − m·x is the end of the last segment with slope ≥ m
        ResponseCurve pw = ResponseCurve.piecewise(new double[] {1000, 3000, 6000}, new double[] {0.1, 0.2, 0.25});
        assertEquals(3000, pw.spendForDerivative(4e-5), 0);
        assertEquals(6000, pw.spendForDerivative(1e-5), 0);
        assertEquals(0, pw.spendForDerivative(2e-4), 0);
        assertEquals(3000, ResponseCurve.linear(1e-4, 0.3).spendForDerivative(1e-5), 1e-9);
        assertEquals(0, ResponseCurve.linear(1e-4, 0.3).spendForDerivative(2e-4), 0);
    }

    @Test
    void spendForLift_reachableLift_roundTrips() {
        for (ResponseCurve c : curves()) {
            for (double l : new double[] {0.01, 0.05, 0.12}) {
                double x = c.spendForLift(l);
                assertEquals(l, c.lift(x), 1e-12, c.toString());
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, ResponseCurve.exponential(0.5, 100).spendForLift(0.5));
        assertEquals(Double.POSITIVE_INFINITY, ResponseCurve.linear(1, 0.3).spendForLift(0.4));
    }

    @Test
    void hill_shapeAboveOne_isSShapedWithTheoreticalInflection() {
        HillCurve h = (HillCurve) ResponseCurve.hill(0.5, 3000, 3);
        assertFalse(h.isConcave());
        // inflection e·((s−1)/(s+1))^(1/s) where L'' = 0
        double xi = 3000 * Math.pow(0.5, 1.0 / 3);
        assertEquals(xi, h.inflectionSpend(), 1e-9);
        double d = 1e-2;
        double second = (h.derivative(xi + d) - h.derivative(xi - d)) / (2 * d);
        assertEquals(0, second / (h.derivative(xi) / xi), 1e-6);
        assertTrue(ResponseCurve.hill(0.5, 3000, 1).isConcave());
        assertFalse(ResponseCurve.piecewise(new double[] {1, 2}, new double[] {0.1, 0.5}).isConcave());
    }

    @Test
    void factories_invalidParameters_throwNamingTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseCurve.hill(0.3, 0, 1))
                .getMessage().contains("ec50"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseCurve.hill(Double.NaN, 1, 1))
                .getMessage().contains("maxLift"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseCurve.exponential(0.3, -1))
                .getMessage().contains("scale"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseCurve.log(-1, 1))
                .getMessage().contains("coefficient"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseCurve.linear(1, 0))
                .getMessage().contains("cap"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResponseCurve.piecewise(new double[] {2, 1}, new double[] {0.1, 0.2})).getMessage()
                .contains("ascending"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResponseCurve.piecewise(new double[] {1, 2}, new double[] {0.2, 0.1})).getMessage()
                .contains("non-decreasing"));
    }

    @Property
    void lift_anyCurve_isNonDecreasing(@ForAll @DoubleRange(min = 0, max = 1e5) double x,
                                       @ForAll @DoubleRange(min = 0, max = 1e4) double dx) {
        for (ResponseCurve c : curves()) {
            assertTrue(c.lift(x + dx) >= c.lift(x) - 1e-15, c.toString());
        }
    }

    @Property
    void lift_concaveCurves_liesAboveChords(@ForAll @DoubleRange(min = 0, max = 1e5) double a,
                                            @ForAll @DoubleRange(min = 0, max = 1e5) double b) {
        for (ResponseCurve c : curves()) {
            if (c.isConcave()) {
                assertTrue(c.lift(0.5 * (a + b)) >= 0.5 * (c.lift(a) + c.lift(b)) - 1e-12, c.toString());
            }
        }
    }
}
