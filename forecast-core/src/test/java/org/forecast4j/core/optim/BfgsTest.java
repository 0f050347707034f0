package org.forecast4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** BFGS against known optima (theory: Rosenbrock's minimum is (1, 1) with value 0; a quadratic's is -A⁻¹b). */
class BfgsTest {

    private static final double[] EPS2 = {1e-3, 1e-3};

    @Test
    void minimize_rosenbrock_findsKnownOptimum() {
        Objective rosen = x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);
        Bfgs.Result r = new Bfgs(500, 1e-12).minimize(rosen, new double[] {-1.2, 1}, EPS2);
        assertTrue(r.converged());
        // central differences with step 1e-3 bias the gradient by O(1e-6): the optimum is found to ~1e-3
        assertEquals(1.0, r.point()[0], 2e-3);
        assertEquals(1.0, r.point()[1], 4e-3);
        assertTrue(r.value() < 1e-5);
    }

    @Test
    void minimize_quadratic_isExact() {
        // f = (x-3)^2 + 2 (y+1)^2 + x y ; gradient zero at solve([[2,1],[1,4]], [6,-4]) = (4, -2)
        Objective f = x -> Math.pow(x[0] - 3, 2) + 2 * Math.pow(x[1] + 1, 2) + x[0] * x[1];
        Bfgs.Result r = new Bfgs(100, 1e-10).minimize(f, new double[] {0, 0}, EPS2);
        assertEquals(4.0, r.point()[0], 1e-5);
        assertEquals(-2.0, r.point()[1], 1e-5);
    }

    @Test
    void minimize_iterationLimit_reportsNotConverged() {
        Objective rosen = x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);
        Bfgs.Result r = new Bfgs(3, 1e-8).minimize(rosen, new double[] {-1.2, 1}, EPS2);
        assertFalse(r.converged());
        assertEquals(3, r.iterations());
    }

    @Test
    void minimize_nonFiniteStart_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> new Bfgs(10, 1e-8).minimize(x -> Double.NaN, new double[] {0}, new double[] {1e-3}));
        assertThrows(IllegalArgumentException.class, () -> new Bfgs(-1, 1e-8));
    }

    @Test
    void hessianDirect_quadratic_isExact() {
        Objective f = x -> Math.pow(x[0] - 3, 2) + 2 * Math.pow(x[1] + 1, 2) + x[0] * x[1];
        double[][] h = NumericalDerivatives.hessianDirect(f, new double[] {1, 1}, EPS2);
        assertEquals(2, h[0][0], 1e-6);
        assertEquals(4, h[1][1], 1e-6);
        assertEquals(1, h[0][1], 1e-6);
        double[][] h2 = NumericalDerivatives.hessian(f, new double[] {1, 1}, EPS2, EPS2);
        assertEquals(1, h2[1][0], 1e-6);
    }
}
