package org.forecast4j.core.optim;

/**
 * An {@link Objective} that can also evaluate several points in one pass, e.g. the {@code 2n} points of a
 * central-difference gradient. A recursion over the data that is latency-bound for one parameter vector (each
 * step waits for the previous one) runs the recursions of many vectors side by side, which the processor
 * overlaps and the JIT compiler can vectorise. {@link NumericalDerivatives} uses it when available.
 *
 * <p>Contract: {@code values[b]} must be exactly (bit for bit) {@code value(points[b])}, so that results do
 * not depend on whether the batch path was taken.
 */
public interface BatchObjective extends Objective {

    /**
     * Evaluates the function at {@code count} points.
     *
     * @param points the points, {@code points[b]} for {@code b < count}. Not modified.
     * @param count  the number of points to evaluate, &ge; 1
     * @param values {@code values[b] = value(points[b])} for {@code b < count}. Modified.
     */
    void values(double[][] points, int count, double[] values);
}
