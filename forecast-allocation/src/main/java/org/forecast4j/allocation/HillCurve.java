package org.forecast4j.allocation;

import java.util.Locale;
import org.forecast4j.core.Checks;

/**
 * Hill curve {@code L(x) = M·x^s / (x^s + e^s)} (M = maxLift, e = ec50, s = shape). Concave for
 * {@code s ≤ 1}; S-shaped for {@code s > 1} with inflection at {@code e·((s−1)/(s+1))^(1/s)}.
 * <p>{@code L'(x) = M·s·e^s·x^(s−1) / (x^s + e^s)²}; for {@code s = 1} the inverse of the marginal is closed form,
 * {@code x = √(M·e/m) − e}; otherwise it is found by bisection on the (monotone) concave branch.
 *
 * @since 0.1.0
 */
public final class HillCurve implements ResponseCurve {

    /** Bisection steps for the inverse marginal when {@code s ≠ 1}: brackets shrink to 2^-200 of their width. */
    private static final int BISECTION_STEPS = 200;

    private final double maxLift;
    private final double ec50;
    private final double shape;
    private final double ec50s;
    private final double inflection;

    HillCurve(double maxLift, double ec50, double shape) {
        Checks.requireArgument(Double.isFinite(maxLift) && maxLift >= 0, "hill maxLift must be finite and >= 0, got %s",
                maxLift);
        Checks.requireArgument(Double.isFinite(ec50) && ec50 > 0, "hill ec50 must be finite and > 0, got %s", ec50);
        Checks.requireArgument(Double.isFinite(shape) && shape > 0 && shape <= 50,
                "hill shape must be in (0, 50], got %s", shape);
        this.maxLift = maxLift;
        this.ec50 = ec50;
        this.shape = shape;
        this.ec50s = Math.pow(ec50, shape);
        this.inflection = shape > 1 ? ec50 * Math.pow((shape - 1) / (shape + 1), 1 / shape) : 0;
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
     * Half-saturation spend.
     *
     * @return ec50
     */
    public double ec50() {
        return ec50;
    }

    /**
     * Shape exponent.
     *
     * @return shape
     */
    public double shape() {
        return shape;
    }

    @Override
    public double lift(double x) {
        if (x <= 0) {
            return 0;
        }
        if (shape == 1) {
            return maxLift * x / (x + ec50);
        }
        // M / (1 + (e/x)^s) avoids overflow of x^s for large x
        return maxLift / (1 + Math.pow(ec50 / x, shape));
    }

    @Override
    public double derivative(double x) {
        if (shape == 1) {
            double d = Math.max(x, 0) + ec50;
            return maxLift * ec50 / (d * d);
        }
        if (x <= 0) {
            return shape < 1 ? Double.POSITIVE_INFINITY : (shape == 1 ? maxLift / ec50 : 0);
        }
        // L' = M s r / (x (1 + r)^2) with r = (e/x)^s
        double r = Math.pow(ec50 / x, shape);
        if (Double.isInfinite(r)) {
            return shape < 1 ? Double.POSITIVE_INFINITY : 0;
        }
        return maxLift * shape * r / (x * (1 + r) * (1 + r));
    }

    @Override
    public double spendForDerivative(double m) {
        if (m <= 0) {
            return maxLift > 0 ? Double.POSITIVE_INFINITY : inflection;
        }
        if (shape == 1) {
            double x = Math.sqrt(maxLift * ec50 / m) - ec50;
            return x > 0 ? x : 0;
        }
        if (derivative(inflection) < m) {
            return inflection;
        }
        // bracket [lo, hi] on the concave branch where L' is decreasing
        double lo = inflection;
        double hi = Math.max(ec50, inflection) * 2;
        while (derivative(hi) >= m) {
            lo = hi;
            hi *= 2;
            if (Double.isInfinite(hi)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int k = 0; k < BISECTION_STEPS && hi - lo > Math.ulp(hi); k++) {
            double mid = 0.5 * (lo + hi);
            if (derivative(mid) >= m) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public double spendForLift(double target) {
        if (target <= 0) {
            return 0;
        }
        if (target >= maxLift) {
            return Double.POSITIVE_INFINITY;
        }
        // x = e · (l / (M − l))^(1/s)
        return ec50 * Math.pow(target / (maxLift - target), 1 / shape);
    }

    @Override
    public double inflectionSpend() {
        return inflection;
    }

    @Override
    public boolean isConcave() {
        return shape <= 1;
    }

    @Override
    public String type() {
        return "hill";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "hill(maxLift=%s, ec50=%s, shape=%s)", maxLift, ec50, shape);
    }
}
