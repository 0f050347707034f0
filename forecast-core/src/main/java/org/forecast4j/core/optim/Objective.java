package org.forecast4j.core.optim;

/**
 * A scalar function of a parameter vector, minimised by {@link Bfgs}. Implementations may return
 * {@code +∞} (or NaN) for points outside their domain.
 */
@FunctionalInterface
public interface Objective {

    /**
     * Evaluates the function.
     *
     * @param x the point. Not modified.
     * @return the value
     */
    double value(double[] x);
}
