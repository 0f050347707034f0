package org.forecast4j.allocation;

import java.util.Locale;
import org.forecast4j.core.Checks;

/**
 * Linear curve with an optional cap, {@code L(x) = min(r·x, cap)}. Concave;
 * {@code L'(x) = r} below {@code cap/r} and 0 above.
 *
 * @since 0.1.0
 */
public final class LinearCurve implements ResponseCurve {

    private final double rate;
    private final double cap;

    LinearCurve(double rate, double cap) {
        Checks.requireArgument(Double.isFinite(rate) && rate >= 0, "linear rate must be finite and >= 0, got %s", rate);
        Checks.requireArgument(!Double.isNaN(cap) && cap > 0, "linear cap must be > 0 (or infinite), got %s", cap);
        this.rate = rate;
        this.cap = cap;
    }

    /**
     * Lift per unit of spend.
     *
     * @return rate
     */
    public double rate() {
        return rate;
    }

    /**
     * Maximum lift ({@code +∞} when uncapped).
     *
     * @return cap
     */
    public double cap() {
        return cap;
    }

    @Override
    public double lift(double x) {
        return x <= 0 ? 0 : Math.min(rate * x, cap);
    }

    @Override
    public double derivative(double x) {
        return rate * Math.max(x, 0) < cap ? rate : 0;
    }

    @Override
    public double spendForDerivative(double m) {
        if (rate == 0) {
            return m <= 0 ? Double.POSITIVE_INFINITY : 0;
        }
        if (m <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return m <= rate ? cap / rate : 0;
    }

    @Override
    public double spendForLift(double target) {
        if (target <= 0) {
            return 0;
        }
        return target > cap || rate == 0 ? Double.POSITIVE_INFINITY : target / rate;
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
        return "linear";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "linear(rate=%s, cap=%s)", rate, cap);
    }
}
