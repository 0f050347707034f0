package org.forecast4j.allocation;

import java.util.Arrays;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * The forecast distribution of a cell's baseline outcome as a discrete distribution: atoms {@code b_k} with
 * probabilities {@code w_k}, the atoms non-decreasing. Built from a mean alone (one atom), from forecast quantiles or
 * from forecast samples (sample paths).
 *
 * <p>Quantiles {@code (p_1 &lt; … &lt; p_K, q_1 ≤ … ≤ q_K)} become atoms {@code q_k} whose probabilities are the
 * widths of the cells between the midpoints {@code (p_k + p_(k+1))/2} (with 0 and 1 at the ends); the atoms are then
 * scaled by {@code mean / Σ w_k q_k} so that the distribution's mean is the stated baseline mean exactly (the
 * expected value without capacity is then {@code value·mean·lift(x)}, independent of the quantiles).
 *
 * <p>Samples {@code s_1, …, s_N} (e.g. the values of N simulated sample paths at one step) give the empirical
 * distribution: the distinct sample values, ascending, each with probability (number of samples equal to it)/N.
 * Its mean is the sample average, or, when a mean is stated, the atoms are scaled to it as for quantiles.
 * The atoms of every distribution are non-decreasing, which lets {@link Cell} build its piecewise-linear value
 * function in {@code O(N)} after this {@code O(N log N)} sort.
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
     * The empirical distribution of forecast samples (e.g. simulated sample paths at one step), with the sample
     * average as its mean: atoms are the distinct sample values, ascending, with probability count/N.
     *
     * @param samples sample values, at least one, finite and &ge; 0. Not modified.
     * @return the distribution
     * @throws IllegalArgumentException if {@code samples} is empty or has a negative or non-finite value
     */
    public static BaselineDistribution fromSamples(double[] samples) {
        double[] sorted = sortedSamples(samples);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        // the average of values in [min, max] lies in [min, max]; guard the last ulp of rounding
        double mean = Math.min(Math.max(sum / sorted.length, sorted[0]), sorted[sorted.length - 1]);
        return empirical(mean, sorted, 1);
    }

    /**
     * The empirical distribution of forecast samples scaled to a stated mean (as {@link #fromQuantiles} does):
     * atoms {@code s_k · mean / average(s)}.
     *
     * @param mean    baseline mean, finite and &ge; 0
     * @param samples sample values, at least one, finite and &ge; 0, not all 0 when {@code mean > 0}. Not modified.
     * @return the distribution
     * @throws IllegalArgumentException on a bad mean or bad samples
     */
    public static BaselineDistribution fromSamples(double mean, double[] samples) {
        Checks.requireArgument(Double.isFinite(mean) && mean >= 0, "baseline must be finite and >= 0, got %s", mean);
        double[] sorted = sortedSamples(samples);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        if (mean == 0) {
            return empirical(0, sorted, 0);
        }
        Checks.requireArgument(sum > 0, "baselineSamples are all 0 but baseline is %s", mean);
        return empirical(mean, sorted, mean / (sum / sorted.length));
    }

    private static double[] sortedSamples(double[] samples) {
        Objects.requireNonNull(samples, "samples");
        Checks.requireArgument(samples.length >= 1, "baselineSamples must have >= 1 value, got 0");
        for (int i = 0; i < samples.length; i++) {
            Checks.requireArgument(Double.isFinite(samples[i]) && samples[i] >= 0,
                    "baselineSamples values must be finite and >= 0, got %s at index %d", samples[i], i);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Merges equal sorted values into atoms with probability count/N, scaled by {@code scale}. */
    private static BaselineDistribution empirical(double mean, double[] sorted, double scale) {
        int n = sorted.length;
        double[] v = new double[n];
        double[] w = new double[n];
        int m = 0;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            v[m] = sorted[i] * scale;
            w[m] = (double) (j - i) / n;
            m++;
            i = j;
        }
        return new BaselineDistribution(mean, Arrays.copyOf(v, m), Arrays.copyOf(w, m));
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
