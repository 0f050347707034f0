package org.forecast4j.core.transform;

import java.util.Locale;
import java.util.Objects;

/**
 * The natural logarithm {@code w = log(x)} (inverse {@code exp}) and {@code w = log1p(x) = log(1 + x)} (inverse
 * {@code expm1}, for counts with zeros). {@code log} needs {@code x > 0} and {@code log1p} needs {@code x > −1};
 * a value outside the domain is rejected with a message naming its index and value. {@code NaN} passes through as
 * missing. {@code log1p}/{@code expm1} are accurate for small {@code x} where {@code log(1 + x)} is not.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LogTransform implements SeriesTransform {

    private static final LogTransform LOG = new LogTransform(false);
    private static final LogTransform LOG1P = new LogTransform(true);

    private final boolean plusOne;

    private LogTransform(boolean plusOne) {
        this.plusOne = plusOne;
    }

    /**
     * The natural log transform.
     *
     * @return {@code log}
     */
    public static LogTransform log() {
        return LOG;
    }

    /**
     * The {@code log(1 + x)} transform.
     *
     * @return {@code log1p}
     */
    public static LogTransform log1p() {
        return LOG1P;
    }

    /**
     * Applies the transform.
     *
     * @param x values, NaN for missing. Not modified.
     * @return a new array
     * @throws IllegalArgumentException if a value is &le; 0 ({@code log}) or &le; −1 ({@code log1p})
     */
    @Override
    public double[] apply(double[] x) {
        Objects.requireNonNull(x, "x");
        double[] out = new double[x.length];
        double bound = plusOne ? -1 : 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                out[i] = v;
                continue;
            }
            if (!(v > bound)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs x > %s, got x[%d] = %s%s",
                        plusOne ? "log1p" : "log", plusOne ? "-1" : "0", i, v,
                        plusOne ? "" : " (use log1p for counts with zeros)"));
            }
            out[i] = plusOne ? Math.log1p(v) : Math.log(v);
        }
        return out;
    }

    /**
     * Applies the inverse, {@code exp} or {@code expm1}.
     *
     * @param y transformed values, NaN for missing. Not modified.
     * @return a new array
     * @throws IllegalArgumentException if a value overflows (above about 709.78)
     */
    @Override
    public double[] invert(double[] y) {
        Objects.requireNonNull(y, "y");
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = plusOne ? Math.expm1(y[i]) : Math.exp(y[i]);
            if (Double.isInfinite(out[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "inverse %s overflows: y[%d] = %s is above log(Double.MAX_VALUE) (~709.78)",
                        description(), i, y[i]));
            }
        }
        return out;
    }

    @Override
    public String description() {
        return plusOne ? "log1p" : "log";
    }

    @Override
    public String toString() {
        return description();
    }
}
