package org.forecast4j.allocation;

/**
 * The relative lift of a cell's outcome as a function of spend: the outcome is {@code baseline·(1 + lift(x))}.
 * Every curve is non-decreasing with {@code lift(0) = 0}. Implementations are immutable.
 *
 * <p>Concave curves (all but Hill with shape &gt; 1 and non-concave piecewise-linear curves) give exact
 * water-filling solutions; for S-shaped curves the solvers work with the largest maximiser of
 * {@code lift(x) − m·x}, which is where the concave envelope and the curve touch.
 *
 * @since 0.1.0
 */
public interface ResponseCurve {

    /**
     * Lift at a spend.
     *
     * @param spend spend &ge; 0
     * @return lift &ge; 0
     */
    double lift(double spend);

    /**
     * Derivative of the lift (right derivative at kinks).
     *
     * @param spend spend &ge; 0
     * @return d lift / d spend &ge; 0
     */
    double derivative(double spend);

    /**
     * Closed-form (or bracketed) inverse of the marginal on the concave branch:
     * {@code sup{x ≥ inflectionSpend() : lift'(x) ≥ slope}}, or {@code inflectionSpend()} when no such x exists;
     * {@code +∞} when {@code slope ≤ 0} and the curve never stops rising.
     *
     * @param slope marginal lift per unit of spend
     * @return spend, possibly {@code +∞}
     */
    double spendForDerivative(double slope);

    /**
     * Inverse of the lift: {@code inf{x ≥ 0 : lift(x) ≥ target}}.
     *
     * @param target lift
     * @return spend, {@code +∞} when the curve never reaches {@code target}
     */
    double spendForLift(double target);

    /**
     * Spend beyond which the curve is concave (0 for concave curves).
     *
     * @return inflection spend
     */
    double inflectionSpend();

    /**
     * Whether the lift is concave on [0, &infin;).
     *
     * @return true for concave curves
     */
    boolean isConcave();

    /**
     * Type name used in the JSON problem format: {@code hill}, {@code exponential}, {@code log}, {@code linear},
     * {@code piecewise}.
     *
     * @return type
     */
    String type();

    /**
     * Hill curve {@code maxLift·x^s / (x^s + ec50^s)}; S-shaped when {@code shape > 1}.
     *
     * @param maxLift saturation lift, &ge; 0
     * @param ec50    spend at half saturation, &gt; 0
     * @param shape   shape s, &gt; 0
     * @return the curve
     * @throws IllegalArgumentException on non-finite or out-of-range parameters
     */
    static ResponseCurve hill(double maxLift, double ec50, double shape) {
        return new HillCurve(maxLift, ec50, shape);
    }

    /**
     * Exponential saturation {@code maxLift·(1 − e^(−x/scale))}.
     *
     * @param maxLift saturation lift, &ge; 0
     * @param scale   spend scale, &gt; 0
     * @return the curve
     * @throws IllegalArgumentException on non-finite or out-of-range parameters
     */
    static ResponseCurve exponential(double maxLift, double scale) {
        return new ExponentialCurve(maxLift, scale);
    }

    /**
     * Logarithmic curve {@code coefficient·ln(1 + x/scale)} (unbounded).
     *
     * @param coefficient lift per e-fold, &ge; 0
     * @param scale       spend scale, &gt; 0
     * @return the curve
     * @throws IllegalArgumentException on non-finite or out-of-range parameters
     */
    static ResponseCurve log(double coefficient, double scale) {
        return new LogCurve(coefficient, scale);
    }

    /**
     * Linear curve {@code min(rate·x, cap)}.
     *
     * @param rate lift per unit of spend, &ge; 0
     * @param cap  maximum lift, &gt; 0, or {@code +∞} for none
     * @return the curve
     * @throws IllegalArgumentException on out-of-range parameters
     */
    static ResponseCurve linear(double rate, double cap) {
        return new LinearCurve(rate, cap);
    }

    /**
     * Piecewise-linear curve through measured {@code (spend, lift)} points, flat after the last one.
     *
     * @param spend ascending spends, &ge; 0; {@code (0, 0)} is prepended when the first spend is &gt; 0. Not
     *              modified.
     * @param lift  non-decreasing lifts (0 at spend 0). Not modified.
     * @return the curve
     * @throws IllegalArgumentException on bad shapes or ordering
     */
    static ResponseCurve piecewise(double[] spend, double[] lift) {
        return new PiecewiseLinearCurve(spend, lift);
    }
}
