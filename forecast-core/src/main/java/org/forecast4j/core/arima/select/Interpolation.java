package org.forecast4j.core.arima.select;

import org.forecast4j.core.Checks;

/** Linear interpolation of gaps, constant extrapolation at the ends (R {@code approx(..., rule = 2)}). */
final class Interpolation {

    private Interpolation() {
    }

    /**
     * Fills NaN values by linear interpolation between the nearest observed neighbours, and with the nearest
     * observed value before the first or after the last observation.
     *
     * @param x    values, NaN for missing. Not modified.
     * @param name argument name for messages
     * @return a new array without NaN (or {@code x} itself when nothing is missing)
     * @throws IllegalArgumentException if a value is infinite or fewer than two values are observed
     */
    static double[] linear(double[] x, String name) {
        int observed = 0;
        for (int i = 0; i < x.length; i++) {
            Checks.requireArgument(!Double.isInfinite(x[i]), "%s[%d] must be finite or NaN, got %s", name, i, x[i]);
            if (!Double.isNaN(x[i])) {
                observed++;
            }
        }
        if (observed == x.length) {
            return x;
        }
        Checks.requireArgument(observed >= 2, "%s needs at least 2 observed values, got %d", name, observed);
        double[] out = x.clone();
        int prev = -1;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                continue;
            }
            if (prev < 0) {
                for (int j = 0; j < i; j++) {
                    out[j] = x[i];
                }
            } else {
                for (int j = prev + 1; j < i; j++) {
                    out[j] = x[prev] + (x[i] - x[prev]) * (j - prev) / (i - prev);
                }
            }
            prev = i;
        }
        for (int j = prev + 1; j < x.length; j++) {
            out[j] = x[prev];
        }
        return out;
    }
}
