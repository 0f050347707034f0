package org.forecast4j.core.arima.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * How many ordinary and seasonal differences a series needs, decided as R's {@code forecast} 8.20 does for
 * {@code auto.arima} (Hyndman &amp; Khandakar 2008, "Automatic time series forecasting: the forecast package
 * for R", <i>Journal of Statistical Software</i> 27(3)).
 *
 * <p><b>{@code ndiffs}</b>: missing values are dropped; a constant series needs 0 differences; otherwise the
 * {@link Kpss} test (lag {@code ⌊3√n/13⌋} of the series being tested) is applied to {@code y}, {@code Δy},
 * {@code Δ²y}, … and {@code d} grows while the p-value is below α (default 0.05) and {@code d < maxD}
 * (default 2). A series that becomes constant after differencing stops there; a test that cannot be computed
 * keeps the current {@code d}.
 *
 * <p><b>{@code nsdiffs}</b>: a constant series, or one not longer than its period, needs 0 seasonal differences;
 * otherwise the seasonal test ({@link SeasonalStrength} &gt; 0.64 by default, or {@link Ocsb}) is applied and
 * {@code D} grows while it asks for a difference and {@code D < maxD} (default 1); the test is repeated only on
 * seasonally differenced series of at least two periods. A test that cannot be computed (series too short for
 * STL or for the OCSB regression) counts as "no difference", as R's error handler does.
 *
 * <p>Constancy follows R's {@code is.constant}: {@code all.equal(x, rep(x[1], n))}, i.e. the mean absolute
 * deviation from the first value, over the values that differ from it, relative to their mean absolute value, is
 * at most 1.5e-8.
 *
 * @since 0.1.0
 */
public final class UnitRootTests {

    /** Significance level of {@code ndiffs}' KPSS tests. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** R's default maximum number of differences. */
    public static final int DEFAULT_MAX_D = 2;
    /** R's default maximum number of seasonal differences. */
    public static final int DEFAULT_MAX_SEASONAL_D = 1;
    /** The tolerance of R's {@code all.equal}, used to call a series constant. */
    static final double CONSTANT_TOLERANCE = 1.5e-8;
    /** The smallest and largest α the KPSS table supports (R clamps to this range). */
    private static final double MIN_ALPHA = 0.01;
    private static final double MAX_ALPHA = 0.10;

    private UnitRootTests() {
    }

    /**
     * The number of differences by R's defaults (KPSS, level, α = 0.05, at most 2).
     *
     * @param series the series; missing values are dropped
     * @return d in [0, 2]
     */
    public static int ndiffs(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return ndiffsDecision(series.values(), DEFAULT_ALPHA, Kpss.Type.LEVEL, DEFAULT_MAX_D).order();
    }

    /**
     * The number of differences with the tests that led to it.
     *
     * @param x     observations, NaN for missing (dropped). Not modified.
     * @param alpha significance level in [0.01, 0.10]
     * @param type  level or trend stationarity under the null
     * @param maxD  largest number of differences, &ge; 0
     * @return the decision
     * @throws IllegalArgumentException if {@code alpha} is outside [0.01, 0.10], {@code maxD < 0} or a value is
     *                                  infinite
     */
    public static DifferencingDecision ndiffsDecision(double[] x, double alpha, Kpss.Type type, int maxD) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(type, "type");
        Checks.requireArgument(alpha >= MIN_ALPHA && alpha <= MAX_ALPHA,
                "alpha must be in [0.01, 0.10] (the range of the KPSS table), got %s", alpha);
        Checks.requireNonNegative(maxD, "maxD");
        double[] y = dropMissing(x);
        List<DifferencingStep> steps = new ArrayList<>();
        if (y.length == 0 || isConstant(y)) {
            return new DifferencingDecision(0, "kpss", steps, "series is constant");
        }
        int d = 0;
        while (true) {
            KpssResult r = kpss(y, type);
            boolean more = r != null && !Double.isNaN(r.pValue()) && r.pValue() < alpha;
            steps.add(r == null
                    ? new DifferencingStep(d, Double.NaN, Double.NaN, alpha, false,
                    "series of length " + y.length + " is too short for the KPSS test")
                    : new DifferencingStep(d, r.statistic(), r.pValue(), alpha, more, ""));
            if (!more) {
                return new DifferencingDecision(d, "kpss", steps,
                        r == null || Double.isNaN(r.pValue()) ? "test could not be computed"
                                : "test did not ask for another difference");
            }
            if (d >= maxD) {
                return new DifferencingDecision(d, "kpss", steps, "maximum number of differences reached");
            }
            d++;
            y = diff(y, 1);
            if (isConstant(y)) {
                return new DifferencingDecision(d, "kpss", steps, "differenced series is constant");
            }
        }
    }

    /**
     * The number of seasonal differences by R's defaults (seasonal strength, at most 1), for the series'
     * period.
     *
     * @param series the series, period &ge; 2
     * @return D in [0, 1]
     * @throws IllegalArgumentException if the series' period is 1
     */
    public static int nsdiffs(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return nsdiffsDecision(series.values(), series.period(), SeasonalTest.SEASONAL_STRENGTH,
                DEFAULT_MAX_SEASONAL_D).order();
    }

    /**
     * The number of seasonal differences with the tests that led to it.
     *
     * @param x      observations, NaN for missing (interpolated linearly for the tests). Not modified.
     * @param period seasonal period, &ge; 2
     * @param test   seasonal strength (R's default) or OCSB
     * @param maxD   largest number of seasonal differences, &ge; 0
     * @return the decision
     * @throws IllegalArgumentException if {@code period < 2} ("non-seasonal data", as R), {@code maxD < 0}, a
     *                                  value is infinite or fewer than two values are observed
     */
    public static DifferencingDecision nsdiffsDecision(double[] x, int period, SeasonalTest test, int maxD) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(test, "test");
        Checks.requireArgument(period >= 2, "nsdiffs needs seasonal data: period must be >= 2, got %d", period);
        Checks.requireNonNegative(maxD, "maxD");
        String name = test == SeasonalTest.OCSB ? "ocsb" : "seas";
        List<DifferencingStep> steps = new ArrayList<>();
        if (isConstant(x)) {
            return new DifferencingDecision(0, name, steps, "series is constant");
        }
        if (period >= x.length) {
            return new DifferencingDecision(0, name, steps,
                    "series length " + x.length + " <= period " + period);
        }
        double[] y = Interpolation.linear(x, "x");
        DifferencingStep step = seasonalStep(y, period, test, 0);
        steps.add(step);
        boolean more = step.differenceSuggested();
        int big = 0;
        while (more && big < maxD) {
            big++;
            y = diff(y, period);
            if (isConstant(y)) {
                return new DifferencingDecision(big, name, steps, "differenced series is constant");
            }
            if (y.length >= 2 * period && big < maxD) {
                step = seasonalStep(y, period, test, big);
                steps.add(step);
                more = step.differenceSuggested();
            } else {
                more = false;
            }
        }
        String reason = more ? "maximum number of seasonal differences reached"
                : big == 0 && !step.note().isEmpty() ? "test could not be computed"
                : "test did not ask for another difference";
        return new DifferencingDecision(big, name, steps, reason);
    }

    /**
     * Whether a series is constant in the sense of R's {@code forecast:::is.constant}
     * ({@code all.equal(x, rep(x[1], n))} with tolerance 1.5e-8). NaN values: a series whose first value is
     * observed and which has a NaN elsewhere is not constant (R reports an NA mismatch); an all-NaN series is.
     *
     * @param x values. Not modified.
     * @return true if constant
     */
    public static boolean isConstant(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            return true;
        }
        double first = x[0];
        boolean firstMissing = Double.isNaN(first);
        double sumDiff = 0;
        double sumAbs = 0;
        int differing = 0;
        for (double v : x) {
            if (Double.isNaN(v) != firstMissing) {
                return false;
            }
            if (firstMissing || v == first) {
                continue;
            }
            sumDiff += Math.abs(v - first);
            sumAbs += Math.abs(v);
            differing++;
        }
        if (differing == 0) {
            return true;
        }
        double scale = sumAbs / differing;
        double meanDiff = sumDiff / differing;
        double dev = Double.isFinite(scale) && scale > CONSTANT_TOLERANCE ? meanDiff / scale : meanDiff;
        return dev <= CONSTANT_TOLERANCE;
    }

    private static DifferencingStep seasonalStep(double[] y, int period, SeasonalTest test, int big) {
        if (test == SeasonalTest.OCSB) {
            OcsbResult r = Ocsb.compute(y, period, Ocsb.NSDIFFS_MAX_LAG, Ocsb.LagSelection.AIC);
            if (r == null) {
                return new DifferencingStep(big, Double.NaN, Double.NaN, Ocsb.criticalValue(period), false,
                        "OCSB regression has no solution for a series of length " + y.length);
            }
            return new DifferencingStep(big, r.statistic(), Double.NaN, r.criticalValue(),
                    r.seasonalDifferenceSuggested(), "");
        }
        if (y.length <= 2 * period) {
            return new DifferencingStep(big, Double.NaN, Double.NaN, SeasonalStrength.THRESHOLD, false,
                    "STL needs more than two periods, series has " + y.length + " observations");
        }
        double s = SeasonalStrength.of(y, period);
        if (Double.isNaN(s)) {
            return new DifferencingStep(big, s, Double.NaN, SeasonalStrength.THRESHOLD, false,
                    "seasonal plus remainder component has zero variance");
        }
        return new DifferencingStep(big, s, Double.NaN, SeasonalStrength.THRESHOLD, s > SeasonalStrength.THRESHOLD,
                "");
    }

    private static KpssResult kpss(double[] y, Kpss.Type type) {
        int n = y.length;
        if (n < (type == Kpss.Type.LEVEL ? 2 : 3)) {
            return null;
        }
        return Kpss.test(y, type, Kpss.ndiffsLags(n));
    }

    private static double[] dropMissing(double[] x) {
        int c = 0;
        for (double v : x) {
            Checks.requireArgument(!Double.isInfinite(v), "x must be finite or NaN, got %s", v);
            if (!Double.isNaN(v)) {
                c++;
            }
        }
        if (c == x.length) {
            return x;
        }
        double[] out = new double[c];
        int j = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[j++] = v;
            }
        }
        return out;
    }

    /** Lag-{@code lag} differences {@code x_t − x_{t−lag}}, length n − lag (possibly 0). */
    private static double[] diff(double[] x, int lag) {
        int n = Math.max(0, x.length - lag);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[i + lag] - x[i];
        }
        return out;
    }
}
