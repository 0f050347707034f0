package org.forecast4j.allocation;

import java.util.Arrays;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * Piecewise-linear lift through measured points {@code (x_0 = 0, 0), (x_1, l_1), …, (x_m, l_m)}, flat after
 * {@code x_m}. Concave when the segment slopes are non-increasing; otherwise the solvers use its concave envelope
 * (upper hull) and report the gap.
 *
 * @since 0.1.0
 */
public final class PiecewiseLinearCurve implements ResponseCurve {

    private final double[] xs;
    private final double[] ls;
    private final boolean concave;

    PiecewiseLinearCurve(double[] spend, double[] lift) {
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(lift, "lift");
        Checks.requireArgument(spend.length == lift.length, "piecewise spend length %d != lift length %d",
                spend.length, lift.length);
        Checks.requireArgument(spend.length >= 1, "piecewise curve needs at least 1 point, got 0");
        Checks.requireFinite(spend, "piecewise spend");
        Checks.requireFinite(lift, "piecewise lift");
        Checks.requireArgument(spend[0] >= 0, "piecewise spend[0] must be >= 0, got %s", spend[0]);
        boolean prepend = spend[0] > 0;
        if (!prepend) {
            Checks.requireArgument(lift[0] == 0, "piecewise lift at spend 0 must be 0, got %s", lift[0]);
        }
        int m = spend.length + (prepend ? 1 : 0);
        xs = new double[m];
        ls = new double[m];
        System.arraycopy(spend, 0, xs, prepend ? 1 : 0, spend.length);
        System.arraycopy(lift, 0, ls, prepend ? 1 : 0, lift.length);
        for (int i = 1; i < m; i++) {
            Checks.requireArgument(xs[i] > xs[i - 1], "piecewise spends must be strictly ascending, got %s after %s",
                    xs[i], xs[i - 1]);
            Checks.requireArgument(ls[i] >= ls[i - 1], "piecewise lifts must be non-decreasing, got %s after %s",
                    ls[i], ls[i - 1]);
        }
        boolean c = true;
        for (int i = 2; i < m; i++) {
            double s0 = (ls[i - 1] - ls[i - 2]) / (xs[i - 1] - xs[i - 2]);
            double s1 = (ls[i] - ls[i - 1]) / (xs[i] - xs[i - 1]);
            if (s1 > s0 * (1 + 1e-12)) {
                c = false;
            }
        }
        concave = c;
    }

    /**
     * Spends of the points, starting at 0.
     *
     * @return copy
     */
    public double[] spends() {
        return xs.clone();
    }

    /**
     * Lifts of the points, starting at 0.
     *
     * @return copy
     */
    public double[] lifts() {
        return ls.clone();
    }

    /** Index of the segment [xs[i], xs[i+1]) containing x, or xs.length − 1 past the last point. */
    private int segment(double x) {
        int i = Arrays.binarySearch(xs, x);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public double lift(double x) {
        if (x <= 0) {
            return 0;
        }
        int i = segment(x);
        if (i >= xs.length - 1) {
            return ls[xs.length - 1];
        }
        return ls[i] + (ls[i + 1] - ls[i]) * (x - xs[i]) / (xs[i + 1] - xs[i]);
    }

    @Override
    public double derivative(double x) {
        int i = segment(Math.max(x, 0));
        if (i >= xs.length - 1) {
            return 0;
        }
        return (ls[i + 1] - ls[i]) / (xs[i + 1] - xs[i]);
    }

    /**
     * {@inheritDoc} For a non-concave curve, the largest point maximising {@code L(x) − m·x} (a vertex of the
     * upper hull).
     */
    @Override
    public double spendForDerivative(double m) {
        if (m <= 0) {
            return xs[xs.length - 1];
        }
        double best = 0;
        double bestV = 0;
        for (int i = 1; i < xs.length; i++) {
            double v = ls[i] - m * xs[i];
            if (v >= bestV) {
                bestV = v;
                best = xs[i];
            }
        }
        return best;
    }

    @Override
    public double spendForLift(double target) {
        if (target <= 0) {
            return 0;
        }
        for (int i = 1; i < xs.length; i++) {
            if (ls[i] >= target) {
                return xs[i - 1] + (target - ls[i - 1]) / (ls[i] - ls[i - 1]) * (xs[i] - xs[i - 1]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double inflectionSpend() {
        return 0;
    }

    @Override
    public boolean isConcave() {
        return concave;
    }

    @Override
    public String type() {
        return "piecewise";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("piecewise(");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('[').append(xs[i]).append(", ").append(ls[i]).append(']');
        }
        return sb.append(')').toString();
    }
}
