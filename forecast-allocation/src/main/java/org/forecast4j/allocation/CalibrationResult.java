package org.forecast4j.allocation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A calibrated response curve with its fit quality (RMSE, R²) and parameter standard errors. Immutable; array
 * getters return copies.
 *
 * @since 0.1.0
 */
public final class CalibrationResult {

    private final ResponseCurve curve;
    private final List<String> names;
    private final double[] estimates;
    private final double[] standardErrors;
    private final double rmse;
    private final double rSquared;
    private final int iterations;
    private final boolean identified;
    private final double baseline;

    CalibrationResult(ResponseCurve curve, String[] names, double[] estimates, double[] standardErrors, double rmse,
                      double rSquared, int iterations, boolean identified, double baseline) {
        this.curve = curve;
        this.names = Collections.unmodifiableList(Arrays.asList(names.clone()));
        this.estimates = estimates.clone();
        this.standardErrors = standardErrors.clone();
        this.rmse = rmse;
        this.rSquared = rSquared;
        this.iterations = iterations;
        this.identified = identified;
        this.baseline = baseline;
    }

    /**
     * The fitted curve.
     *
     * @return curve
     */
    public ResponseCurve curve() {
        return curve;
    }

    /**
     * Parameter names, in the order of {@link #estimates()} ({@code baseline} first for outcome fits).
     *
     * @return names
     */
    public List<String> parameterNames() {
        return names;
    }

    /**
     * Parameter estimates.
     *
     * @return copy
     */
    public double[] estimates() {
        return estimates.clone();
    }

    /**
     * Asymptotic standard errors (NaN when the parameters are not identified).
     *
     * @return copy
     */
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /**
     * Root mean squared residual {@code √(RSS/n)}.
     *
     * @return RMSE
     */
    public double rmse() {
        return rmse;
    }

    /**
     * Coefficient of determination {@code 1 − RSS/TSS}.
     *
     * @return R² (NaN for constant observations)
     */
    public double rSquared() {
        return rSquared;
    }

    /**
     * Optimiser iterations.
     *
     * @return iterations
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Whether {@code JᵀJ} was invertible at the optimum (false: the data do not identify every parameter, e.g. no
     * spends near saturation; standard errors are then NaN).
     *
     * @return identified flag
     */
    public boolean identified() {
        return identified;
    }

    /**
     * Fitted baseline for outcome fits.
     *
     * @return baseline, or NaN for lift fits
     */
    public double baseline() {
        return baseline;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CalibrationResult[%s, rmse=%.4g, R2=%.4f, params=%s, se=%s]", curve, rmse,
                rSquared, Arrays.toString(estimates), Arrays.toString(standardErrors));
    }
}
