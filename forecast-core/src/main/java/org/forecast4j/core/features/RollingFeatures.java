package org.forecast4j.core.features;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * A rolling statistic of the series over the {@code window} observations ending {@code lag} steps back:
 * at step t, the statistic of {@code y(t-lag-window+1) … y(t-lag)}. With {@code lag ≥ 1} the value at t uses
 * no information from t itself (no leakage). Missing observations are skipped; a window without any
 * observation (or, for the standard deviation, with fewer than two) gives NaN. The sample standard deviation
 * divides by {@code m - 1}. The horizon is limited to {@code lag} future steps. Column name:
 * {@code roll_mean_7_lag1}. Immutable.
 *
 * @since 0.1.0
 */
public final class RollingFeatures implements Feature {

    /** The statistics. */
    public enum Stat {
        /** Arithmetic mean. */
        MEAN,
        /** Sample standard deviation. */
        SD,
        /** Minimum. */
        MIN,
        /** Maximum. */
        MAX
    }

    private final Stat stat;
    private final int window;
    private final int lag;
    private final List<String> names;

    /**
     * A rolling statistic.
     *
     * @param stat   the statistic
     * @param window number of observations, &ge; 1 (&ge; 2 for SD)
     * @param lag    steps between the window's end and the row, &ge; 1
     * @throws IllegalArgumentException if window or lag are out of range
     */
    public RollingFeatures(Stat stat, int window, int lag) {
        this.stat = Objects.requireNonNull(stat, "stat");
        Checks.requireArgument(window >= (stat == Stat.SD ? 2 : 1), "window must be >= %d for %s, got %d",
                stat == Stat.SD ? 2 : 1, stat, window);
        Checks.requireArgument(lag >= 1, "lag must be >= 1 (no leakage), got %d", lag);
        this.window = window;
        this.lag = lag;
        this.names = Collections.singletonList("roll_" + stat.name().toLowerCase(Locale.ROOT) + "_" + window
                + "_lag" + lag);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int maxHorizon() {
        return lag;
    }

    @Override
    public void fill(TimeSeries series, long from, int rows, double[] out, int stride, int offset) {
        int n = series.length();
        for (int r = 0; r < rows; r++) {
            long end = from + r - lag; // inclusive window end
            Checks.requireArgument(end < n, "rolling window ending at %d needs observations up to %d but only %d "
                    + "are known; horizon must be <= %d", end, end, n, lag);
            long start = Math.max(0, end - window + 1);
            int m = 0;
            double mean = 0;
            double m2 = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (long i = start; i <= end; i++) {
                double v = series.get((int) i);
                if (Double.isNaN(v)) {
                    continue;
                }
                // Welford: mean_m = mean_{m-1} + (v - mean_{m-1}) / m; M2 += (v - mean_{m-1})(v - mean_m)
                m++;
                double d = v - mean;
                mean += d / m;
                m2 += d * (v - mean);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double value;
            switch (stat) {
                case MEAN:
                    value = m == 0 ? Double.NaN : mean;
                    break;
                case SD:
                    value = m < 2 ? Double.NaN : Math.sqrt(m2 / (m - 1));
                    break;
                case MIN:
                    value = m == 0 ? Double.NaN : min;
                    break;
                default:
                    value = m == 0 ? Double.NaN : max;
                    break;
            }
            out[r * stride + offset] = value;
        }
    }
}
