package org.forecast4j.core.transform;

import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Min–max scaling fitted on training data: {@code y = lo + (x − min) · (hi − lo) / (max − min)}, inverse
 * {@code x = min + (y − lo) · (max − min) / (hi − lo)}, where {@code min} and {@code max} are taken over the
 * <em>training</em> values (ignoring NaN) and {@code [lo, hi]} is the target range ({@code [0, 1]} by default).
 * Values outside the training range map outside {@code [lo, hi]}; they are not clipped.
 *
 * <p><b>Constant training data</b> ({@code max = min}): the scale is taken as 1, so {@code y = lo + (x − min)};
 * every training value maps to {@code lo} and the inverse is exact — no division by zero, no NaN.
 *
 * <p>An instance is the fitted scaler: immutable, thread-safe, and holding only its statistics.
 *
 * <pre>{@code
 * MinMaxScaler s = MinMaxScaler.fit(train);     // statistics from the training part only
 * TimeSeries z = s.apply(test);
 * double[] back = s.invert(z.values());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MinMaxScaler implements SeriesTransform {

    private final double min;
    private final double max;
    private final double lo;
    private final double hi;
    /** Factor applied to {@code x − min}: {@code (hi − lo) / (max − min)}, or 1 for constant training data. */
    private final double scale;

    private MinMaxScaler(double min, double max, double lo, double hi) {
        this.min = min;
        this.max = max;
        this.lo = lo;
        this.hi = hi;
        double range = max - min;
        this.scale = range == 0 ? 1 : (hi - lo) / range;
    }

    /**
     * Fits to {@code [0, 1]}.
     *
     * @param train training values, NaN ignored. Not modified.
     * @return the fitted scaler
     * @throws IllegalArgumentException if there is no finite value, or a value is infinite
     */
    public static MinMaxScaler fit(double[] train) {
        return fit(train, 0, 1);
    }

    /**
     * Fits to the target range {@code [lo, hi]}.
     *
     * @param train training values, NaN ignored. Not modified.
     * @param lo    lower end of the target range
     * @param hi    upper end, &gt; {@code lo}
     * @return the fitted scaler
     * @throws IllegalArgumentException if there is no observed value, a value is infinite, or {@code lo ≥ hi}
     */
    public static MinMaxScaler fit(double[] train, double lo, double hi) {
        Objects.requireNonNull(train, "train");
        Checks.requireFinite(lo, "lo");
        Checks.requireFinite(hi, "hi");
        Checks.requireArgument(lo < hi, "lo (%s) must be < hi (%s)", lo, hi);
        double mn = Double.POSITIVE_INFINITY;
        double mx = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int i = 0; i < train.length; i++) {
            double v = train[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "train[%d] must be finite or NaN, got %s", i, v));
            }
            mn = Math.min(mn, v);
            mx = Math.max(mx, v);
            count++;
        }
        Checks.requireArgument(count > 0, "train must contain at least one observed (non-NaN) value, got %d values "
                + "all missing", train.length);
        Checks.requireArgument(Double.isFinite(mx - mn), "train range max - min overflows (min %s, max %s)", mn, mx);
        return new MinMaxScaler(mn, mx, lo, hi);
    }

    /**
     * Fits to {@code [0, 1]} on a training series.
     *
     * @param train training series, NaN ignored. Not modified.
     * @return the fitted scaler
     */
    public static MinMaxScaler fit(TimeSeries train) {
        Objects.requireNonNull(train, "train");
        return fit(train.values());
    }

    /**
     * Training minimum.
     *
     * @return min
     */
    public double min() {
        return min;
    }

    /**
     * Training maximum.
     *
     * @return max
     */
    public double max() {
        return max;
    }

    /**
     * Lower end of the target range.
     *
     * @return lo
     */
    public double lo() {
        return lo;
    }

    /**
     * Upper end of the target range.
     *
     * @return hi
     */
    public double hi() {
        return hi;
    }

    @Override
    public double[] apply(double[] x) {
        Objects.requireNonNull(x, "x");
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            // y = lo + (x - min) * scale
            out[i] = lo + (x[i] - min) * scale;
        }
        return out;
    }

    @Override
    public double[] invert(double[] y) {
        Objects.requireNonNull(y, "y");
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            // x = min + (y - lo) / scale
            out[i] = min + (y[i] - lo) / scale;
        }
        return out;
    }

    @Override
    public String description() {
        return "MinMaxScaler(min=" + min + ", max=" + max + ", range=[" + lo + ", " + hi + "])";
    }

    @Override
    public String toString() {
        return description();
    }
}
