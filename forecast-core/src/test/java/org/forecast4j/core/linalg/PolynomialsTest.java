package org.forecast4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Root checks against hand-computed polynomials. */
class PolynomialsTest {

    @Test
    void isStationary_knownPolynomials() {
        assertTrue(Polynomials.isStationary(new double[] {0.5}));
        assertFalse(Polynomials.isStationary(new double[] {1.0}));
        // 1 - 0.5z - 0.6z^2 has a root at 1/1.1 ... inside? roots of 0.6z^2+0.5z-1: z = 0.94, -1.77
        assertFalse(Polynomials.isStationary(new double[] {0.5, 0.6}));
        assertTrue(Polynomials.isStationary(new double[] {0.5, -0.3}));
        assertTrue(Polynomials.isStationary(new double[] {0, 0}));
    }

    @Test
    void invertMa_ma1_reciprocal() {
        assertArrayEquals(new double[] {0.5, 0}, Polynomials.invertMa(new double[] {2, 0}), 1e-15);
    }

    @Test
    void invertMa_ma2_reflectsInsideRoot() {
        // 1 + θ1 z + θ2 z² = (1 + 2z)(1 + 0.5z): root -0.5 inside -> (1 + 0.5z)(1 + 0.5z) = 1 + z + 0.25 z²
        double[] out = Polynomials.invertMa(new double[] {2.5, 1.0});
        assertArrayEquals(new double[] {1.0, 0.25}, out, 1e-10);
        assertEquals(Double.POSITIVE_INFINITY, Polynomials.minRootModulus(new double[0], 1));
        assertEquals(2.0, Polynomials.minRootModulus(new double[] {0.5}, 1), 1e-12);
    }
}
