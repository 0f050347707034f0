package org.forecast4j.core.transform;

import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Standardisation fitted on training data: {@code z = (x − mean) / sd}, inverse {@code x = mean + z · sd}, with
 * the mean and the sample standard deviation (divisor {@code n − 1}, as R's {@code scale()} and {@code sd()}) of
 * the observed (non-NaN) <em>training</em> values; {@link #fit(double[], int)} also gives the population standard
 * deviation (divisor {@code n}, as scikit-learn's {@code StandardScaler}).
 *
 * <p><b>Constant training data</b> (sd = 0) and a single observed value (sd undefined): the scale is taken as 1,
 * so {@code z = x − mean}; the training values map to 0 and the inverse is exact — no division by zero, no NaN.
 * {@link #sd()} reports the scale actually used.
 *
 * <p>An instance is the fitted scaler: immutable, thread-safe, and holding only its statistics.
 *
 * @since 0.1.0
 */
public final class StandardScaler implements SeriesTransform {

    private final double mean;
    private final double sd;

    private StandardScaler(double mean, double sd) {
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * Fits mean and standard deviation.
     *
     * @param train training values, NaN ignored. Not modified.
     * @return the fitted scaler
     * @throws IllegalArgumentException if there is no observed value or a value is infinite
     */
    public static StandardScaler fit(double[] train) {
        return fit(train, 1);
    }

    /**
     * Fits mean and standard deviation with the divisor {@code n − ddof} ("delta degrees of freedom"):
     * {@code sd = sqrt(Σ (x − mean)² / (n − ddof))} over the {@code n} observed values, computed in two passes.
     * {@code ddof = 1} is the sample standard deviation of {@link #fit(double[])}; {@code ddof = 0} the population
     * standard deviation. With {@code n ≤ ddof} observed values the scale is 1, as for constant data.
     *
     * @param train training values, NaN ignored. Not modified.
     * @param ddof  0 (population) or 1 (sample)
     * @return the fitted scaler
     * @throws IllegalArgumentException if {@code ddof} is not 0 or 1, there is no observed value or a value is
     *                                  infinite
     * @since 0.1.0
     */
    public static StandardScaler fit(double[] train, int ddof) {
        Objects.requireNonNull(train, "train");
        Checks.requireArgument(ddof == 0 || ddof == 1, "ddof must be 0 or 1, got %d", ddof);
        int count = 0;
        double sum = 0;
        for (int i = 0; i < train.length; i++) {
            double v = train[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "train[%d] must be finite or NaN, got %s", i, v));
            }
            sum += v;
            count++;
        }
        Checks.requireArgument(count > 0, "train must contain at least one observed (non-NaN) value, got %d values "
                + "all missing", train.length);
        double m = sum / count;
        // two-pass variance: sum (x - m)^2 / (n - ddof)
        double ss = 0;
        for (double v : train) {
            if (!Double.isNaN(v)) {
                ss += (v - m) * (v - m);
            }
        }
        double s = count > ddof ? Math.sqrt(ss / (count - ddof)) : 0;
        Checks.requireArgument(Double.isFinite(m) && Double.isFinite(s),
                "train mean or standard deviation overflows (mean %s, sd %s)", m, s);
        return new StandardScaler(m, s > 0 ? s : 1);
    }

    /**
     * Fits on a training series.
     *
     * @param train training series, NaN ignored. Not modified.
     * @return the fitted scaler
     */
    public static StandardScaler fit(TimeSeries train) {
        Objects.requireNonNull(train, "train");
        return fit(train.values());
    }

    /**
     * Training mean.
     *
     * @return mean
     */
    public double mean() {
        return mean;
    }

    /**
     * The scale used: the training sample standard deviation, or 1 for constant or single-value training data.
     *
     * @return sd &gt; 0
     */
    public double sd() {
        return sd;
    }

    @Override
    public double[] apply(double[] x) {
        Objects.requireNonNull(x, "x");
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mean) / sd;
        }
        return out;
    }

    @Override
    public double[] invert(double[] z) {
        Objects.requireNonNull(z, "z");
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = mean + z[i] * sd;
        }
        return out;
    }

    @Override
    public String description() {
        return "StandardScaler(mean=" + mean + ", sd=" + sd + ")";
    }

    @Override
    public String toString() {
        return description();
    }
}
