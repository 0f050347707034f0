package org.forecast4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Central differences: exact on quadratics (theory), and the batch path identical to the point-by-point one. */
class NumericalDerivativesTest {

    private static final Objective ROSENBROCK = x -> {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
        }
        return s;
    };

    /** The same function, also offering the batch interface (evaluating each point with value()). */
    private static final BatchObjective ROSENBROCK_BATCH = new BatchObjective() {
        @Override
        public double value(double[] x) {
            return ROSENBROCK.value(x);
        }

        @Override
        public void values(double[][] points, int count, double[] values) {
            for (int b = count - 1; b >= 0; b--) {
                values[b] = ROSENBROCK.value(points[b]);
            }
        }
    };

    @Test
    void gradient_quadratic_exactUpToRounding() {
        // f = x0^2 + 3 x0 x1 + 2 x1^2: the central difference of a quadratic is exact, grad = (2x0 + 3x1, 3x0 + 4x1)
        Objective f = x -> x[0] * x[0] + 3 * x[0] * x[1] + 2 * x[1] * x[1];
        double[] g = NumericalDerivatives.gradient(f, new double[] {1.5, -2}, new double[] {1e-3, 1e-3}, new double[2]);
        assertEquals(2 * 1.5 - 6, g[0], 1e-9);
        assertEquals(4.5 - 8, g[1], 1e-9);
    }

    @Property(tries = 100)
    void gradientAndHessian_batchObjective_identicalToPointwise(@ForAll @DoubleRange(min = -2, max = 2) double a,
                                                                @ForAll @DoubleRange(min = -2, max = 2) double b,
                                                                @ForAll @DoubleRange(min = -2, max = 2) double c) {
        double[] x = {a, b, c};
        double[] eps = {1e-3, 1e-3, 1e-3};
        double[] g1 = NumericalDerivatives.gradient(ROSENBROCK, x.clone(), eps, new double[3]);
        double[] xb = x.clone();
        double[] g2 = NumericalDerivatives.gradient(ROSENBROCK_BATCH, xb, eps, new double[3]);
        assertArrayEquals(g1, g2, 0.0);
        assertArrayEquals(x, xb, 0.0);
        double[][] h1 = NumericalDerivatives.hessian(ROSENBROCK, x.clone(), eps, eps);
        double[][] h2 = NumericalDerivatives.hessian(ROSENBROCK_BATCH, x.clone(), eps, eps);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(h1[i], h2[i], 0.0);
        }
    }
}
