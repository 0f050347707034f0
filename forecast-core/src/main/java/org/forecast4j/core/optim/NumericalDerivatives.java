package org.forecast4j.core.optim;

/**
 * Finite-difference derivatives as R's {@code optim} computes them when no gradient is given: central
 * differences {@code g_i = (f(x + ε e_i) - f(x - ε e_i)) / (2ε)} with a step {@code ε_i} per coordinate
 * ({@code ndeps}, default 1e-3), and the Hessian of {@code optimhess} by central differences of that gradient,
 * symmetrised.
 */
public final class NumericalDerivatives {

    /** R's default {@code optim} step {@code ndeps}. */
    public static final double NDEPS = 1e-3;

    private NumericalDerivatives() {
    }

    /**
     * Central-difference gradient. When {@code f} is a {@link BatchObjective} the {@code 2n} points are evaluated
     * in one batch, with the same result.
     *
     * @param f     the function
     * @param x     the point; restored on return. Modified temporarily.
     * @param eps   step per coordinate. Not modified.
     * @param grad  the gradient. Modified.
     * @return {@code grad}
     */
    public static double[] gradient(Objective f, double[] x, double[] eps, double[] grad) {
        if (f instanceof BatchObjective && x.length > 0) {
            return batchGradient((BatchObjective) f, x, eps, grad);
        }
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            x[i] = xi + eps[i];
            double f1 = f.value(x);
            x[i] = xi - eps[i];
            double f2 = f.value(x);
            x[i] = xi;
            grad[i] = (f1 - f2) / (2 * eps[i]);
        }
        return grad;
    }

    /** The same central differences from one batch evaluation of the {@code 2n} points. */
    private static double[] batchGradient(BatchObjective f, double[] x, double[] eps, double[] grad) {
        int n = x.length;
        double[][] points = new double[2 * n][];
        for (int i = 0; i < n; i++) {
            double[] up = x.clone();
            up[i] = x[i] + eps[i];
            double[] down = x.clone();
            down[i] = x[i] - eps[i];
            points[2 * i] = up;
            points[2 * i + 1] = down;
        }
        double[] values = new double[2 * n];
        f.values(points, 2 * n, values);
        for (int i = 0; i < n; i++) {
            grad[i] = (values[2 * i] - values[2 * i + 1]) / (2 * eps[i]);
        }
        return grad;
    }

    /**
     * Hessian by central differences of {@link #gradient}: column {@code i} is
     * {@code (g(x + h_i e_i) - g(x - h_i e_i)) / (2 h_i)}, then {@code (H + H')/2}.
     *
     * @param f     the function
     * @param x     the point; restored on return. Modified temporarily.
     * @param eps   gradient step per coordinate. Not modified.
     * @param outer outer step {@code h_i} per coordinate. Not modified.
     * @return the symmetric Hessian {@code h[i][j]}
     */
    public static double[][] hessian(Objective f, double[] x, double[] eps, double[] outer) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            x[i] = xi + outer[i];
            gradient(f, x, eps, g1);
            x[i] = xi - outer[i];
            gradient(f, x, eps, g2);
            x[i] = xi;
            for (int j = 0; j < n; j++) {
                h[i][j] = (g1[j] - g2[j]) / (2 * outer[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = m;
                h[j][i] = m;
            }
        }
        return h;
    }

    /**
     * Hessian by second differences of the function: {@code H_ii = (f(x+h_i) - 2 f(x) + f(x-h_i)) / h_i²},
     * {@code H_ij = (f(x+h_i+h_j) - f(x+h_i-h_j) - f(x-h_i+h_j) + f(x-h_i-h_j)) / (4 h_i h_j)}: {@code 2n²+1}
     * evaluations instead of the {@code 4n²} of differencing a central-difference gradient, with the same
     * O(h²) accuracy.
     *
     * @param f the function
     * @param x the point; restored on return. Modified temporarily.
     * @param h step per coordinate. Not modified.
     * @return the symmetric Hessian
     */
    public static double[][] hessianDirect(Objective f, double[] x, double[] h) {
        int n = x.length;
        double[][] out = new double[n][n];
        double f0 = f.value(x);
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            x[i] = xi + h[i];
            fp[i] = f.value(x);
            x[i] = xi - h[i];
            fm[i] = f.value(x);
            x[i] = xi;
            out[i][i] = (fp[i] - 2 * f0 + fm[i]) / (h[i] * h[i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double xi = x[i];
                double xj = x[j];
                x[i] = xi + h[i];
                x[j] = xj + h[j];
                double fpp = f.value(x);
                x[j] = xj - h[j];
                double fpm = f.value(x);
                x[i] = xi - h[i];
                double fmm = f.value(x);
                x[j] = xj + h[j];
                double fmp = f.value(x);
                x[i] = xi;
                x[j] = xj;
                double v = (fpp - fpm - fmp + fmm) / (4 * h[i] * h[j]);
                out[i][j] = v;
                out[j][i] = v;
            }
        }
        return out;
    }
}
