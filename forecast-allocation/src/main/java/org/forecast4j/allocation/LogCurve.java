package org.forecast4j.allocation;

import java.util.Locale;
import org.forecast4j.core.Checks;

/**
 * Logarithmic curve {@code L(x) = c·ln(1 + x/k)} (c = coefficient, k = scale). Concave and unbounded;
 * {@code L'(x) = c/(k + x)}, inverse marginal {@code x = c/m − k}.
 *
 * @since 0.1.0
 */
public final class LogCurve implements ResponseCurve {

    private final double coefficient;
    private final double scale;

    LogCurve(double coefficient, double scale) {
        Checks.requireArgument(Double.isFinite(coefficient) && coefficient >= 0,
                "log coefficient must be finite and >= 0, got %s", coefficient);
        Checks.requireArgument(Double.isFinite(scale) && scale > 0, "log scale must be finite and > 0, got %s", scale);
        this.coefficient = coefficient;
        this.scale = scale;
    }

    /**
     * Lift per e-fold of {@code 1 + x/scale}.
     *
     * @return coefficient
     */
    public double coefficient() {
        return coefficient;
    }

    /**
     * Spend scale.
     *
     * @return scale
     */
    public double scale() {
        return scale;
    }

    @Override
    public double lift(double x) {
        return x <= 0 ? 0 : coefficient * Math.log1p(x / scale);
    }

    @Override
    public double derivative(double x) {
        return coefficient / (scale + Math.max(x, 0));
    }

    @Override
    public double spendForDerivative(double m) {
        if (m <= 0) {
            return coefficient > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        double x = coefficient / m - scale;
        return x > 0 ? x : 0;
    }

    @Override
    public double spendForLift(double target) {
        if (target <= 0) {
            return 0;
        }
        return coefficient == 0 ? Double.POSITIVE_INFINITY : scale * Math.expm1(target / coefficient);
    }

    @Override
    public double inflectionSpend() {
        return 0;
    }

    @Override
    public boolean isConcave() {
        return true;
    }

    @Override
    public String type() {
        return "log";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "log(coefficient=%s, scale=%s)", coefficient, scale);
    }
}
