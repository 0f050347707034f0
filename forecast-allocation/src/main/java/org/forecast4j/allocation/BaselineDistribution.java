package org.forecast4j.allocation;

import java.util.Arrays;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * The forecast distribution of a cell's baseline outcome as a discrete distribution: atoms {@code b_k} with
 * probabilities {@code w_k}. Built from a mean alone (one atom) or from forecast quantiles.
 *
 * <p>Quantiles {@code (p_1 &lt; … &lt; p_K, q_1 ≤ … ≤ q_K)} become atoms {@code q_k} whose probabilities are the
 * widths of the cells between the midpoints {@code (p_k + p_(k+1))/2} (with 0 and 1 at the ends); the atoms are then
 * scaled by {@code mean / Σ w_k q_k} so that the distribution's mean is the stated baseline mean exactly (the
 * expected value without capacity is then {@code value·mean·lift(x)}, independent of the quantiles).
 *
 * @since 0.1.0
 */
public final class BaselineDistribution {

    private final double mean;
    private final double[] values;
    private final double[] probabilities;

    private BaselineDistribution(double mean, double[] values, double[] probabilities) {
        this.mean = mean;
        this.values = values;
        this.probabilities = probabilities;
    }

    /**
     * A point mass at the mean.
     *
     * @param mean baseline mean, finite and &ge; 0
     * @return the distribution
     * @throws IllegalArgumentException if the mean is negative or not finite
     */
    public static BaselineDistribution ofMean(double mean) {
        Checks.requireArgument(Double.isFinite(mean) && mean >= 0, "baseline must be finite and >= 0, got %s", mean);
        return new BaselineDistribution(mean, new double[] {mean}, new double[] {1});
    }

    /**
     * A discrete distribution from forecast quantiles, scaled to the given mean.
     *
     * @param mean        baseline mean, finite and &ge; 0
     * @param probability quantile probabilities, strictly ascending in (0, 1). Not modified.
     * @param quantile    quantile values, non-decreasing, &ge; 0. Not modified.
     * @return the distribution
     * @throws IllegalArgumentException on bad shapes, ordering or values
     */
    public static BaselineDistribution fromQuantiles(double mean, double[] probability, double[] quantile) {
        Objects.requireNonNull(probability, "probability");
        Objects.requireNonNull(quantile, "quantile");
        Checks.requireArgument(Double.isFinite(mean) && mean >= 0, "baseline must be finite and >= 0, got %s", mean);
        int k = probability.length;
        Checks.requireArgument(k >= 1 && quantile.length == k,
                "baselineQuantiles need >= 1 (p, value) pairs of equal length, got %d and %d", k, quantile.length);
        Checks.requireFinite(quantile, "baselineQuantiles value");
        for (int i = 0; i < k; i++) {
            Checks.requireArgument(probability[i] > 0 && probability[i] < 1,
                    "baselineQuantiles p must be in (0, 1), got %s", probability[i]);
            Checks.requireArgument(quantile[i] >= 0, "baselineQuantiles value must be >= 0, got %s", quantile[i]);
            if (i > 0) {
                Checks.requireArgument(probability[i] > probability[i - 1],
                        "baselineQuantiles p must be strictly ascending, got %s after %s", probability[i],
                        probability[i - 1]);
                Checks.requireArgument(quantile[i] >= quantile[i - 1],
                        "baselineQuantiles values must be non-decreasing, got %s after %s", quantile[i],
                        quantile[i - 1]);
            }
        }
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            // cell [m_(i-1), m_i] around p_i, with m = midpoints and 0, 1 at the ends
            double left = i == 0 ? 0 : 0.5 * (probability[i - 1] + probability[i]);
            double right = i == k - 1 ? 1 : 0.5 * (probability[i] + probability[i + 1]);
            w[i] = right - left;
            sum += w[i] * quantile[i];
        }
        double[] v = new double[k];
        if (mean > 0) {
            Checks.requireArgument(sum > 0, "baselineQuantiles values are all 0 but baseline is %s", mean);
            double scale = mean / sum;
            for (int i = 0; i < k; i++) {
                v[i] = quantile[i] * scale;
            }
        }
        return new BaselineDistribution(mean, v, w);
    }

    /**
     * Mean of the distribution.
     *
     * @return mean
     */
    public double mean() {
        return mean;
    }

    /**
     * Atoms.
     *
     * @return copy of the atom values
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * Atom probabilities (sum to 1).
     *
     * @return copy
     */
    public double[] probabilities() {
        return probabilities.clone();
    }

    int size() {
        return values.length;
    }

    double value(int k) {
        return values[k];
    }

    double probability(int k) {
        return probabilities[k];
    }

    @Override
    public String toString() {
        return "BaselineDistribution[mean=" + mean + ", atoms=" + Arrays.toString(values) + ", p="
                + Arrays.toString(probabilities) + "]";
    }
}
