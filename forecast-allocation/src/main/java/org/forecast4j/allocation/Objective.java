package org.forecast4j.allocation;

import java.util.Locale;
import org.forecast4j.core.Checks;

/**
 * What the allocator optimises.
 * <ul>
 *   <li>{@link Kind#MAX_VALUE}: maximise expected incremental value within the budget;</li>
 *   <li>{@link Kind#MIN_SPEND}: minimise (new) spend subject to expected incremental value &ge; target;</li>
 *   <li>{@link Kind#MIN_MARGINAL_ROI}: maximise {@code value − threshold·spend} within the budget, i.e. spend while
 *       the marginal ROI stays at or above the threshold.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class Objective {

    /** Objective kinds; {@link #jsonName()} is the {@code type} of the JSON problem format. */
    public enum Kind {
        /** {@code max-value}. */
        MAX_VALUE("max-value"),
        /** {@code min-spend}. */
        MIN_SPEND("min-spend"),
        /** {@code min-marginal-roi}. */
        MIN_MARGINAL_ROI("min-marginal-roi");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        /**
         * Name in the JSON format.
         *
         * @return e.g. {@code max-value}
         */
        public String jsonName() {
            return json;
        }
    }

    private static final Objective MAX = new Objective(Kind.MAX_VALUE, 0);

    private final Kind kind;
    private final double parameter;

    private Objective(Kind kind, double parameter) {
        this.kind = kind;
        this.parameter = parameter;
    }

    /**
     * Maximise expected value within the budget.
     *
     * @return the objective
     */
    public static Objective maxValue() {
        return MAX;
    }

    /**
     * Minimise spend to reach a target expected incremental value.
     *
     * @param targetValue target, finite, &ge; 0
     * @return the objective
     * @throws IllegalArgumentException if the target is negative or not finite
     */
    public static Objective minSpend(double targetValue) {
        Checks.requireArgument(Double.isFinite(targetValue) && targetValue >= 0,
                "targetValue must be finite and >= 0, got %s", targetValue);
        return new Objective(Kind.MIN_SPEND, targetValue);
    }

    /**
     * Spend while the marginal ROI is at least a threshold.
     *
     * @param threshold marginal value per unit of spend, finite, &ge; 0
     * @return the objective
     * @throws IllegalArgumentException if the threshold is negative or not finite
     */
    public static Objective minMarginalRoi(double threshold) {
        Checks.requireArgument(Double.isFinite(threshold) && threshold >= 0,
                "threshold must be finite and >= 0, got %s", threshold);
        return new Objective(Kind.MIN_MARGINAL_ROI, threshold);
    }

    /**
     * Kind.
     *
     * @return kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Target value ({@link Kind#MIN_SPEND}), ROI threshold ({@link Kind#MIN_MARGINAL_ROI}) or 0.
     *
     * @return parameter
     */
    public double parameter() {
        return parameter;
    }

    /** Price per unit of spend subtracted from the value in the Lagrangian: the threshold, or 0. */
    double spendPrice() {
        return kind == Kind.MIN_MARGINAL_ROI ? parameter : 0;
    }

    @Override
    public String toString() {
        return kind == Kind.MAX_VALUE ? kind.json : String.format(Locale.ROOT, "%s(%s)", kind.json, parameter);
    }
}
