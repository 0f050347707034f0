package org.forecast4j.allocation;

import java.util.Locale;
import org.forecast4j.core.Checks;

/**
 * Exponential saturation {@code L(x) = M·(1 − e^(−x/k))} (M = maxLift, k = scale). Concave;
 * {@code L'(x) = (M/k)·e^(−x/k)}, inverse marginal {@code x = k·ln(M/(k·m))}.
 *
 * @since 0.1.0
 */
public final class ExponentialCurve implements ResponseCurve {

    private final double maxLift;
    private final double scale;

    ExponentialCurve(double maxLift, double scale) {
        Checks.requireArgument(Double.isFinite(maxLift) && maxLift >= 0,
                "exponential maxLift must be finite and >= 0, got %s", maxLift);
        Checks.requireArgument(Double.isFinite(scale) && scale > 0, "exponential scale must be finite and > 0, got %s",
                scale);
        this.maxLift = maxLift;
        this.scale = scale;
    }

    /**
     * Saturation lift.
     *
     * @return maxLift
     */
    public double maxLift() {
        return maxLift;
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
        return x <= 0 ? 0 : -maxLift * Math.expm1(-x / scale);
    }

    @Override
    public double derivative(double x) {
        return maxLift / scale * Math.exp(-Math.max(x, 0) / scale);
    }

    @Override
    public double spendForDerivative(double m) {
        if (m <= 0) {
            return maxLift > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        double t = maxLift / (scale * m);
        return t > 1 ? scale * Math.log(t) : 0;
    }

    @Override
    public double spendForLift(double target) {
        if (target <= 0) {
            return 0;
        }
        return target >= maxLift ? Double.POSITIVE_INFINITY : -scale * Math.log1p(-target / maxLift);
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
        return "exponential";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "exponential(maxLift=%s, scale=%s)", maxLift, scale);
    }
}
