package org.forecast4j.lstm.internal;

import org.forecast4j.lstm.Scaling;

/**
 * An affine target scaling {@code s = (y - center) / scale}, optionally after a log transform
 * ({@code s = (log y - center) / scale}, inverted by {@code exp}), fitted on a prefix of a series (the training
 * part) so that nothing from the held-out tail leaks into the inputs of training. Immutable.
 */
public final class Scaler {

    private final Scaling kind;
    private final boolean log;
    private final double center;
    private final double scale;
    private final double unitScale;

    /**
     * Creates a scaler from its parameters (e.g. read from a saved model).
     *
     * @param kind      the scaling
     * @param log       whether values are log-transformed before scaling
     * @param center    subtracted value
     * @param scale     divisor, finite and &gt; 0
     * @param unitScale spread in the units of the series, used to pool errors across series (see
     *                  {@link #unitScale()})
     */
    public Scaler(Scaling kind, boolean log, double center, double scale, double unitScale) {
        this.kind = kind;
        this.log = log;
        this.center = center;
        this.scale = scale;
        this.unitScale = unitScale;
    }

    /**
     * Fits the scaling on {@code y[0, length)}, after a log transform when {@code log} is set.
     *
     * @param kind   scaling kind
     * @param log    log-transform first (values must be &gt; 0)
     * @param y      series values. Not modified.
     * @param length prefix length &ge; 1
     * @return the fitted scaler
     */
    public static Scaler fit(Scaling kind, boolean log, double[] y, int length) {
        if (!log) {
            return fit(kind, y, length);
        }
        double[] z = new double[length];
        double mean = 0;
        for (int i = 0; i < length; i++) {
            z[i] = Math.log(y[i]);
            mean += z[i];
        }
        mean /= length;
        Scaler s = fit(kind, z, length);
        // a unit change of the scaled value moves y by about scale·y (delta method); use the geometric mean level
        return new Scaler(kind, true, s.center, s.scale, s.scale * Math.exp(mean));
    }

    /**
     * Fits the scaling on {@code y[0, length)}. MIN_MAX: center = min, scale = max - min; STANDARD: center =
     * mean, scale = population standard deviation; NONE: 0 and 1. A zero scale (constant training data) is
     * replaced by 1 so that the transform stays finite.
     *
     * @param kind   scaling kind
     * @param y      series values, all finite in the range. Not modified.
     * @param length prefix length &ge; 1
     * @return the fitted scaler
     */
    public static Scaler fit(Scaling kind, double[] y, int length) {
        double center;
        double scale;
        switch (kind) {
            case MIN_MAX: {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < length; i++) {
                    lo = Math.min(lo, y[i]);
                    hi = Math.max(hi, y[i]);
                }
                center = lo;
                scale = hi - lo;
                break;
            }
            case STANDARD: {
                double s = 0;
                for (int i = 0; i < length; i++) {
                    s += y[i];
                }
                double mean = s / length;
                double ss = 0;
                for (int i = 0; i < length; i++) {
                    ss += (y[i] - mean) * (y[i] - mean);
                }
                center = mean;
                scale = Math.sqrt(ss / length);
                break;
            }
            case NONE:
                center = 0;
                scale = 1;
                break;
            default:
                throw new IllegalArgumentException("unknown scaling " + kind);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            scale = 1.0;
        }
        return new Scaler(kind, false, center, scale, scale);
    }

    /**
     * Scales a whole array.
     *
     * @param y values. Not modified.
     * @return {@code (y - center) / scale}, new array
     */
    public double[] transform(double[] y) {
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            s[i] = ((log ? Math.log(y[i]) : y[i]) - center) / scale;
        }
        return s;
    }

    /**
     * Inverts the scaling of one value.
     *
     * @param s scaled value
     * @return {@code s·scale + center}, exponentiated when log-transformed
     */
    public double inverse(double s) {
        double v = s * scale + center;
        return log ? Math.exp(v) : v;
    }

    /** @return whether values are log-transformed before scaling */
    public boolean log() {
        return log;
    }

    /**
     * The spread of the series in its own units: {@code scale} without log transform, {@code scale·exp(mean log y)}
     * with it. Global models divide absolute errors by it to pool them across series.
     *
     * @return positive spread
     */
    public double unitScale() {
        return unitScale;
    }

    /** @return the scaling kind */
    public Scaling kind() {
        return kind;
    }

    /** @return the subtracted center (min for MIN_MAX, mean for STANDARD) */
    public double center() {
        return center;
    }

    /** @return the divisor (range for MIN_MAX, sd for STANDARD) */
    public double scale() {
        return scale;
    }
}
