package org.forecast4j.lstm.internal;

import java.util.Arrays;
import org.forecast4j.core.transform.LogTransform;
import org.forecast4j.core.transform.MinMaxScaler;
import org.forecast4j.core.transform.StandardScaler;
import org.forecast4j.lstm.Scaling;

/**
 * An affine target scaling {@code s = (y - center) / scale}, optionally after a log transform
 * ({@code s = (log y - center) / scale}, inverted by {@code exp}), fitted on a prefix of a series (the training
 * part) so that nothing from the held-out tail leaks into the inputs of training. Immutable.
 *
 * <p>The statistics come from the core transforms: {@link MinMaxScaler} (center = min, scale = max &minus; min),
 * {@link StandardScaler} with the population standard deviation (center = mean, scale = sd), and
 * {@link LogTransform#log()} for the logarithm. What a model keeps, and its saved format (version 1) stores, is the
 * pair (center, scale) of either kind, so the affine map is applied here from that pair: rebuilding a core scaler
 * from it would not give back the same bits (a min-max scaler keeps the maximum, and {@code min + (max - min)} need
 * not round back to {@code max}).
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
     * @throws IllegalArgumentException if {@code log} is set and a training value is &le; 0
     */
    public static Scaler fit(Scaling kind, boolean log, double[] y, int length) {
        if (!log) {
            return fit(kind, y, length);
        }
        double[] z = LogTransform.log().apply(Arrays.copyOf(y, length));
        Scaler s = fit(kind, z, length);
        // a unit change of the scaled value moves y by about scale·y (delta method); use the geometric mean level
        double meanLog = kind == Scaling.STANDARD ? s.center : StandardScaler.fit(z, 0).mean();
        return new Scaler(kind, true, s.center, s.scale, s.scale * Math.exp(meanLog));
    }

    /**
     * Fits the scaling on {@code y[0, length)}. MIN_MAX: center = min, scale = max - min
     * ({@link MinMaxScaler}); STANDARD: center = mean, scale = population standard deviation
     * ({@link StandardScaler#fit(double[], int) StandardScaler.fit(y, 0)}); NONE: 0 and 1. A zero scale (constant
     * training data) is replaced by 1 so that the transform stays finite.
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
                MinMaxScaler m = MinMaxScaler.fit(Arrays.copyOf(y, length));
                center = m.min();
                scale = m.max() - m.min();
                break;
            }
            case STANDARD: {
                // population sd (divisor n), as this scaler has always used: saved models depend on it
                StandardScaler st = StandardScaler.fit(Arrays.copyOf(y, length), 0);
                center = st.mean();
                scale = st.sd();
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
     * @param y values (&gt; 0 with the log transform). Not modified.
     * @return {@code (y - center) / scale}, or {@code (log y - center) / scale}, new array
     * @throws IllegalArgumentException if a value is &le; 0 with the log transform
     */
    public double[] transform(double[] y) {
        double[] s = log ? LogTransform.log().apply(y) : y.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = (s[i] - center) / scale;
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
        // Math.exp, not LogTransform.invert: an overflow must reach the callers as +∞, which they report as a
        // ModelFitException (a network that produces non-finite forecasts), not as an argument error
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
