package org.forecast4j.core.decompose;

/**
 * The result of an {@link Stl} decomposition {@code y = seasonal + trend + remainder}: the three components
 * and the final robustness weights (all 1 for a non-robust fit), each of the series' length. Immutable; array
 * getters return copies.
 *
 * @since 0.1.0
 */
public final class StlDecomposition {

    private final double[] seasonal;
    private final double[] trend;
    private final double[] remainder;
    private final double[] weights;

    StlDecomposition(double[] seasonal, double[] trend, double[] remainder, double[] weights) {
        this.seasonal = seasonal;
        this.trend = trend;
        this.remainder = remainder;
        this.weights = weights;
    }

    /**
     * The seasonal component.
     *
     * @return copy, length n
     */
    public double[] seasonal() {
        return seasonal.clone();
    }

    /**
     * The trend component.
     *
     * @return copy, length n
     */
    public double[] trend() {
        return trend.clone();
    }

    /**
     * The remainder {@code y − seasonal − trend}.
     *
     * @return copy, length n
     */
    public double[] remainder() {
        return remainder.clone();
    }

    /**
     * The robustness weights of the last outer iteration (R's {@code stl(...)$weights}); all 1 when the fit
     * is not robust.
     *
     * @return copy, length n, values in [0, 1]
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The series length.
     *
     * @return n
     */
    public int length() {
        return seasonal.length;
    }

    /**
     * The seasonally adjusted series {@code trend + remainder}.
     *
     * @return a new array, length n
     */
    public double[] seasonallyAdjusted() {
        double[] out = new double[trend.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = trend[i] + remainder[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "StlDecomposition[n=" + seasonal.length + "]";
    }
}
