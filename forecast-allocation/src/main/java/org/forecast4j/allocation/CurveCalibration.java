package org.forecast4j.allocation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;
import org.forecast4j.core.Checks;
import org.forecast4j.core.ModelFitException;

/**
 * Fits response-curve parameters to history by non-linear least squares (Commons Math
 * {@link LevenbergMarquardtOptimizer}) with analytic Jacobians.
 * <ul>
 *   <li>{@link #fitLift}: observed relative lifts (e.g. lift-test results) {@code l_i ≈ L(x_i; θ)};</li>
 *   <li>{@link #fitOutcome}: observed outcomes {@code y_i ≈ b·(1 + L(x_i; θ))} with the baseline b estimated too.</li>
 * </ul>
 * Positive parameters are optimised as {@code θ = e^φ}; standard errors come from
 * {@code σ²·(JᵀJ)⁻¹} at the optimum ({@code σ² = RSS/(n − p)}), mapped back by the delta method
 * {@code se(θ) = θ·se(φ)}, which equals the usual Gauss–Newton standard errors in θ (as R's {@code nls} reports).
 *
 * @since 0.1.0
 */
public final class CurveCalibration {

    /** Curve families that can be calibrated: hill (maxLift, ec50, shape), exponential (maxLift, scale),
     * log (coefficient, scale), linear (rate). */
    public static final List<String> TYPES = List.of("hill", "exponential", "log", "linear");

    private static final int MAX_EVALUATIONS = 10_000;
    private static final int MAX_ITERATIONS = 2_000;
    /** Singularity threshold for (JᵀJ)⁻¹. */
    private static final double SINGULAR = 1e-14;

    private CurveCalibration() {
    }

    /**
     * Fits a curve to observed lifts.
     *
     * @param type  one of {@link #TYPES}
     * @param spend spends, finite, &ge; 0. Not modified.
     * @param lift  observed lifts, finite. Not modified.
     * @return the fit
     * @throws IllegalArgumentException on bad type, shapes, values, or fewer observations than parameters + 1
     * @throws ModelFitException if the optimiser fails
     */
    public static CalibrationResult fitLift(String type, double[] spend, double[] lift) {
        return fit(type, spend, lift, false);
    }

    /**
     * Fits a curve and the baseline to observed outcomes {@code y ≈ b·(1 + L(x))}.
     *
     * @param type    one of {@link #TYPES}
     * @param spend   spends, finite, &ge; 0. Not modified.
     * @param outcome observed outcomes, finite, with a positive mean. Not modified.
     * @return the fit (parameters: {@code baseline} first, then the curve's)
     * @throws IllegalArgumentException on bad type, shapes, values, or too few observations
     * @throws ModelFitException if the optimiser fails
     */
    public static CalibrationResult fitOutcome(String type, double[] spend, double[] outcome) {
        return fit(type, spend, outcome, true);
    }

    private static CalibrationResult fit(String type, double[] spend, double[] y, boolean withBase) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(y, "observations");
        Checks.requireArgument(TYPES.contains(type), "curve type must be one of %s, got '%s'", TYPES, type);
        Checks.requireArgument(spend.length == y.length, "spend length %d != observations length %d", spend.length,
                y.length);
        Checks.requireFinite(spend, "spend");
        Checks.requireFinite(y, "observations");
        for (int i = 0; i < spend.length; i++) {
            Checks.requireArgument(spend[i] >= 0, "spend[%d] must be >= 0, got %s", i, spend[i]);
        }
        int q = curveParameters(type);
        int p = q + (withBase ? 1 : 0);
        int n = spend.length;
        Checks.requireArgument(n > p, "need more observations than parameters (%d), got %d", p, n);
        double[] x = spend.clone();
        double[] obs = y.clone();
        double base = Double.NaN;
        double[] lifts = obs;
        if (withBase) {
            double mean = 0;
            for (double v : obs) {
                mean += v;
            }
            Checks.requireArgument(mean > 0, "outcomes must have a positive mean, got %s", mean / n);
            // baseline guess: mean outcome of the lowest-spend quarter
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double cut = sorted[Math.max(0, n / 4 - 1)];
            double s = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (x[i] <= cut) {
                    s += obs[i];
                    k++;
                }
            }
            base = s / k;
            lifts = new double[n];
            for (int i = 0; i < n; i++) {
                lifts[i] = obs[i] / base - 1;
            }
        }
        double[] theta0 = start(type, x, lifts);
        double[] phi0 = new double[p];
        int off = 0;
        if (withBase) {
            phi0[0] = Math.log(base);
            off = 1;
        }
        for (int j = 0; j < q; j++) {
            phi0[off + j] = Math.log(theta0[j]);
        }
        final boolean wb = withBase;
        final int o = off;
        MultivariateJacobianFunction model = point -> {
            double[] phi = point.toArray();
            double[] th = new double[q];
            for (int j = 0; j < q; j++) {
                th[j] = Math.exp(phi[o + j]);
            }
            double b = wb ? Math.exp(phi[0]) : 1;
            double[] value = new double[n];
            double[][] jac = new double[n][p];
            double[] grad = new double[q];
            for (int i = 0; i < n; i++) {
                double l = liftAndGradient(type, th, x[i], grad);
                value[i] = wb ? b * (1 + l) : l;
                if (wb) {
                    // ∂y/∂φ_b = b·(1 + L)
                    jac[i][0] = b * (1 + l);
                }
                for (int j = 0; j < q; j++) {
                    // ∂/∂φ_j = θ_j ∂/∂θ_j
                    jac[i][o + j] = (wb ? b : 1) * grad[j] * th[j];
                }
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(phi0).model(model).target(obs)
                .maxEvaluations(MAX_EVALUATIONS).maxIterations(MAX_ITERATIONS).lazyEvaluation(false).build();
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            throw new ModelFitException("least-squares calibration of the " + type + " curve did not converge: "
                    + e.getMessage() + "; check that the spends cover the curve's saturation range", e);
        }
        double[] phi = opt.getPoint().toArray();
        double[] est = new double[p];
        for (int j = 0; j < p; j++) {
            est[j] = Math.exp(phi[j]);
        }
        double rss = 0;
        double mean = 0;
        for (double v : obs) {
            mean += v / n;
        }
        double tss = 0;
        RealVector res = opt.getResiduals();
        for (int i = 0; i < n; i++) {
            rss += res.getEntry(i) * res.getEntry(i);
            tss += (obs[i] - mean) * (obs[i] - mean);
        }
        double sigma2 = rss / (n - p);
        double[] se = new double[p];
        boolean identified = true;
        try {
            RealMatrix cov = opt.getCovariances(SINGULAR);
            for (int j = 0; j < p; j++) {
                se[j] = est[j] * Math.sqrt(Math.max(cov.getEntry(j, j) * sigma2, 0));
            }
        } catch (SingularMatrixException e) {
            Arrays.fill(se, Double.NaN);
            identified = false;
        }
        String[] names = parameterNames(type, withBase);
        double[] curveParams = Arrays.copyOfRange(est, off, p);
        ResponseCurve curve = build(type, curveParams);
        return new CalibrationResult(curve, names, est, se, Math.sqrt(rss / n), tss > 0 ? 1 - rss / tss : Double.NaN,
                opt.getIterations(), identified, withBase ? est[0] : Double.NaN);
    }

    static int curveParameters(String type) {
        switch (type) {
            case "hill":
                return 3;
            case "linear":
                return 1;
            default:
                return 2;
        }
    }

    private static String[] parameterNames(String type, boolean withBase) {
        String[] c;
        switch (type) {
            case "hill":
                c = new String[] {"maxLift", "ec50", "shape"};
                break;
            case "exponential":
                c = new String[] {"maxLift", "scale"};
                break;
            case "log":
                c = new String[] {"coefficient", "scale"};
                break;
            default:
                c = new String[] {"rate"};
                break;
        }
        if (!withBase) {
            return c;
        }
        String[] out = new String[c.length + 1];
        out[0] = "baseline";
        System.arraycopy(c, 0, out, 1, c.length);
        return out;
    }

    private static ResponseCurve build(String type, double[] t) {
        switch (type) {
            case "hill":
                return ResponseCurve.hill(t[0], t[1], Math.min(t[2], 50));
            case "exponential":
                return ResponseCurve.exponential(t[0], t[1]);
            case "log":
                return ResponseCurve.log(t[0], t[1]);
            default:
                return ResponseCurve.linear(t[0], Double.POSITIVE_INFINITY);
        }
    }

    /** Starting values from the data: saturation ~ 1.2·max lift, scale ~ median spend, shape 1. */
    private static double[] start(String type, double[] x, double[] l) {
        double maxL = 1e-6;
        double sxl = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            maxL = Math.max(maxL, l[i]);
            sxl += x[i] * l[i];
            sxx += x[i] * x[i];
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double med = Math.max(s[s.length / 2], 1e-6);
        switch (type) {
            case "hill":
                return new double[] {1.2 * maxL, med, 1};
            case "exponential":
                return new double[] {1.2 * maxL, med};
            case "log":
                return new double[] {maxL / Math.log(1 + s[s.length - 1] / med), med};
            default:
                return new double[] {Math.max(sxl / Math.max(sxx, 1e-300), 1e-12)};
        }
    }

    /** Lift at x and its gradient with respect to the curve parameters θ. */
    static double liftAndGradient(String type, double[] t, double x, double[] grad) {
        switch (type) {
            case "hill": {
                // u = (x/e)^s, L = M·u/(1+u); ∂M = u/(1+u), ∂e = −M·s·u/(e(1+u)²), ∂s = M·u·ln(x/e)/(1+u)²
                if (x <= 0) {
                    grad[0] = 0;
                    grad[1] = 0;
                    grad[2] = 0;
                    return 0;
                }
                double u = Math.pow(x / t[1], t[2]);
                double d = (1 + u) * (1 + u);
                grad[0] = u / (1 + u);
                grad[1] = -t[0] * t[2] * u / (t[1] * d);
                grad[2] = t[0] * u * Math.log(x / t[1]) / d;
                return t[0] * u / (1 + u);
            }
            case "exponential": {
                // L = M(1 − e^(−x/k)); ∂M = 1 − e^(−x/k), ∂k = −M·x·e^(−x/k)/k²
                double e = Math.exp(-x / t[1]);
                grad[0] = 1 - e;
                grad[1] = -t[0] * x * e / (t[1] * t[1]);
                return t[0] * (1 - e);
            }
            case "log": {
                // L = c·ln(1 + x/k); ∂c = ln(1 + x/k), ∂k = −c·x/(k(k + x))
                double lg = Math.log1p(x / t[1]);
                grad[0] = lg;
                grad[1] = -t[0] * x / (t[1] * (t[1] + x));
                return t[0] * lg;
            }
            default:
                grad[0] = x;
                return t[0] * x;
        }
    }

    /** Formats a result like R's coefficient table. */
    static String table(CalibrationResult r) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < r.parameterNames().size(); j++) {
            sb.append(String.format(Locale.ROOT, "%-12s %14.6g %14.6g%n", r.parameterNames().get(j),
                    r.estimates()[j], r.standardErrors()[j]));
        }
        return sb.toString();
    }
}
