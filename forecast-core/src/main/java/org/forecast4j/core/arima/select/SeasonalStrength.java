package org.forecast4j.core.arima.select;

import org.forecast4j.core.Checks;
import org.forecast4j.core.decompose.Stl;
import org.forecast4j.core.decompose.StlDecomposition;

/**
 * The strength of seasonality of Wang, Smith &amp; Hyndman (2006, "Characteristic-based clustering for time
 * series data", <i>Data Mining and Knowledge Discovery</i> 13(3), 335–364), as R's
 * {@code forecast:::seas.heuristic} computes it for {@code nsdiffs(test = "seas")}:
 * <pre>
 *   F_S = max(0, min(1, 1 − Var(R) / Var(S + R)))
 * </pre>
 * with {@code S} and {@code R} the seasonal and remainder components of the STL decomposition that
 * {@code forecast::mstl} makes of a series with one seasonal period: {@code stl(x, s.window = 11)}, not robust.
 * A strength above {@link #THRESHOLD} = 0.64 suggests a seasonal difference.
 *
 * <p>Missing values are filled by linear interpolation before the decomposition and left out of the
 * variances (R's {@code mstl} calls {@code na.interp}, which interpolates linearly only for short series and
 * uses a seasonal model otherwise, so strengths of series with gaps can differ slightly from R).
 *
 * @since 0.1.0
 */
public final class SeasonalStrength {

    /** The strength above which forecast's {@code nsdiffs} takes a seasonal difference. */
    public static final double THRESHOLD = 0.64;
    /** The seasonal window {@code forecast::mstl} uses for the first (only) seasonal period. */
    public static final int MSTL_SEASONAL_WINDOW = 11;

    private SeasonalStrength() {
    }

    /**
     * The seasonal strength of a series.
     *
     * @param x      observations, NaN for missing (at least two observed). Not modified.
     * @param period seasonal period, &ge; 2
     * @return strength in [0, 1]; NaN if {@code S + R} has zero variance
     * @throws IllegalArgumentException if {@code period < 2}, {@code x.length <= 2·period}, a value is infinite
     *                                  or fewer than two values are observed
     */
    public static double of(double[] x, int period) {
        Checks.requireArgument(period >= 2, "period must be >= 2 for a seasonal strength, got %d", period);
        Checks.requireArgument(x.length > 2 * period,
                "seasonal strength needs more than two periods: series length %d <= 2*period (%d)", x.length,
                2 * period);
        double[] filled = Interpolation.linear(x, "x");
        StlDecomposition d = Stl.builder(period).seasonalWindow(MSTL_SEASONAL_WINDOW).build().decompose(filled);
        double[] s = d.seasonal();
        double[] r = d.remainder();
        // variances over the observed positions; the (m - 1) denominators cancel in the ratio
        double mr = 0;
        double msr = 0;
        int c = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                mr += r[i];
                msr += s[i] + r[i];
                c++;
            }
        }
        mr /= c;
        msr /= c;
        double vr = 0;
        double vsr = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                vr += (r[i] - mr) * (r[i] - mr);
                vsr += (s[i] + r[i] - msr) * (s[i] + r[i] - msr);
            }
        }
        if (vsr == 0) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, 1 - vr / vsr));
    }
}
