package org.forecast4j.core.optim;

import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * Variable-metric (BFGS) minimiser with the conventions of R's {@code optim(method = "BFGS")}: the inverse
 * Hessian approximation starts at the identity, each iteration backtracks along {@code -B g} from step 1 by a
 * factor 0.2 until the Armijo condition {@code f ≤ f0 + 1e-4 t g'd} holds, the BFGS update is skipped (and the
 * metric reset) when the curvature {@code s'y} is not positive, the metric is reset every {@code 2n}
 * gradients, and the search stops when an accepted step changes {@code f} by at most
 * {@code reltol (|f| + reltol)} or when no coordinate changes any more.
 *
 * <p>Gradients are central differences ({@link NumericalDerivatives}) with the steps given to the
 * constructor, as {@code optim} does without an analytic gradient.
 *
 * <p>Reference: J. C. Nash (1990), Compact Numerical Methods for Computers, 2nd ed., Algorithm 21.
 */
public final class Bfgs {

    /** Backtracking factor of the line search. */
    private static final double STEP_REDUCTION = 0.2;
    /** Sufficient-decrease constant of the line search. */
    private static final double ACCEPT_TOL = 1e-4;
    /** Offset used to decide whether a coordinate still changes ({@code 10 + x == 10 + x'}). */
    private static final double REL_TEST = 10.0;

    private final int maxIterations;
    private final double relTol;

    /**
     * Creates a minimiser.
     *
     * @param maxIterations iteration limit (R's default {@code maxit = 100}), &ge; 0
     * @param relTol        relative convergence tolerance (R's default 1e-8), &gt; 0
     */
    public Bfgs(int maxIterations, double relTol) {
        Checks.requireNonNegative(maxIterations, "maxIterations");
        Checks.requireArgument(relTol > 0, "relTol must be > 0, got %s", relTol);
        this.maxIterations = maxIterations;
        this.relTol = relTol;
    }

    /**
     * Minimises {@code f} from {@code start} with numerical gradients of step {@code eps}.
     *
     * @param f     the function
     * @param start starting point. Not modified.
     * @param eps   gradient step per coordinate. Not modified.
     * @return the result
     * @throws IllegalArgumentException if {@code f(start)} is not finite
     */
    public Result minimize(Objective f, double[] start, double[] eps) {
        Objects.requireNonNull(f, "f");
        int n = start.length;
        double[] b = start.clone();
        if (maxIterations == 0 || n == 0) {
            double v = f.value(b);
            return new Result(b, v, 0, 1, 0, true);
        }
        double fmin = f.value(b);
        Checks.requireArgument(Double.isFinite(fmin), "initial value of the objective is not finite: %s", fmin);
        double[] g = new double[n];
        double[] t = new double[n];
        double[] x = new double[n];
        double[] c = new double[n];
        double[][] bm = new double[n][n];
        int funcount = 1;
        int gradcount = 1;
        NumericalDerivatives.gradient(f, b, eps, g);
        funcount += 2 * n;
        int iter = 1;
        int ilast = gradcount;
        int count;
        double fval = fmin;
        do {
            if (ilast == gradcount) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        bm[i][j] = 0.0;
                    }
                    bm[i][i] = 1.0;
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = b[i];
                c[i] = g[i];
            }
            // search direction t = -B g, slope g't
            double gradproj = 0.0;
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int j = 0; j <= i; j++) {
                    s -= bm[i][j] * g[j];
                }
                for (int j = i + 1; j < n; j++) {
                    s -= bm[j][i] * g[j];
                }
                t[i] = s;
                gradproj += s * g[i];
            }
            if (gradproj < 0.0) {
                double steplength = 1.0;
                boolean accpoint = false;
                do {
                    count = 0;
                    for (int i = 0; i < n; i++) {
                        b[i] = x[i] + steplength * t[i];
                        if (REL_TEST + x[i] == REL_TEST + b[i]) {
                            count++;
                        }
                    }
                    if (count < n) {
                        fval = f.value(b);
                        funcount++;
                        accpoint = Double.isFinite(fval) && fval <= fmin + gradproj * steplength * ACCEPT_TOL;
                        if (!accpoint) {
                            steplength *= STEP_REDUCTION;
                        }
                    }
                } while (!(count == n || accpoint));
                boolean enough = Math.abs(fval - fmin) > relTol * (Math.abs(fmin) + relTol);
                if (!enough) {
                    count = n;
                    fmin = fval;
                }
                if (count < n) {
                    fmin = fval;
                    NumericalDerivatives.gradient(f, b, eps, g);
                    funcount += 2 * n;
                    gradcount++;
                    iter++;
                    // s = t·step, y = g_new - g_old; BFGS update of the inverse Hessian when s'y > 0
                    double d1 = 0.0;
                    for (int i = 0; i < n; i++) {
                        t[i] = steplength * t[i];
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }
                    if (d1 > 0) {
                        double d2 = 0.0;
                        for (int i = 0; i < n; i++) {
                            double s = 0.0;
                            for (int j = 0; j <= i; j++) {
                                s += bm[i][j] * c[j];
                            }
                            for (int j = i + 1; j < n; j++) {
                                s += bm[j][i] * c[j];
                            }
                            x[i] = s;
                            d2 += s * c[i];
                        }
                        d2 = 1.0 + d2 / d1;
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j <= i; j++) {
                                bm[i][j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                            }
                        }
                    } else {
                        ilast = gradcount;
                    }
                } else if (ilast < gradcount) {
                    // no progress: retry once from a fresh metric
                    count = 0;
                    ilast = gradcount;
                }
            } else {
                // uphill direction: reset the metric unless it was just reset
                count = 0;
                if (ilast == gradcount) {
                    count = n;
                } else {
                    ilast = gradcount;
                }
            }
            if (iter >= maxIterations) {
                break;
            }
            if (gradcount - ilast > 2 * n) {
                ilast = gradcount;
            }
        } while (count != n || ilast != gradcount);
        // when the loop stopped on "no change", b holds the last trial point; R returns b as is
        boolean converged = iter < maxIterations;
        return new Result(b, fmin, iter, funcount, gradcount, converged);
    }

    /** Outcome of a minimisation. */
    public static final class Result {
        private final double[] point;
        private final double value;
        private final int iterations;
        private final int evaluations;
        private final int gradients;
        private final boolean converged;

        Result(double[] point, double value, int iterations, int evaluations, int gradients, boolean converged) {
            this.point = point;
            this.value = value;
            this.iterations = iterations;
            this.evaluations = evaluations;
            this.gradients = gradients;
            this.converged = converged;
        }

        /**
         * The final point.
         *
         * @return a copy
         */
        public double[] point() {
            return point.clone();
        }

        /**
         * Objective at the best point.
         *
         * @return value
         */
        public double value() {
            return value;
        }

        /**
         * Iterations (gradient evaluations) used.
         *
         * @return count
         */
        public int iterations() {
            return iterations;
        }

        /**
         * Function evaluations, including those of the numerical gradients.
         *
         * @return count
         */
        public int evaluations() {
            return evaluations;
        }

        /**
         * Number of gradients.
         *
         * @return count
         */
        public int gradients() {
            return gradients;
        }

        /**
         * Whether the search stopped before the iteration limit (R's {@code convergence == 0}).
         *
         * @return the flag
         */
        public boolean converged() {
            return converged;
        }
    }
}
