package org.forecast4j.core.arima;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.transform.BoxCox;

/**
 * Specification of a seasonal ARIMA(p,d,q)(P,D,Q)[s] model, optionally with a mean, a drift and regressors
 * (regression with ARIMA errors), estimated as R's {@code stats::arima} / {@code forecast::Arima}: immutable,
 * reusable, configured by {@code withX} methods that return new instances.
 *
 * <pre>{@code
 * FittedArima m = Arima.of(1, 1, 1).withSeasonal(0, 1, 1, 7).withDrift(true)
 *                      .withMethod(ArimaMethod.ML).fit(series);
 * Forecast f = m.forecast(14, 80, 95);
 * }</pre>
 *
 * <p>Defaults follow R: method {@link ArimaMethod#CSS_ML}, a mean when {@code d + D = 0}, no drift, no seasonal
 * part; the seasonal period is the series' unless set. The mean is silently dropped when {@code d + D > 0} (as
 * R); a drift is used when {@code d + D ≤ 1} (as {@code forecast::Arima(include.drift = TRUE)}) and dropped with a
 * warning otherwise.
 *
 * @since 0.1.0
 */
public final class Arima implements XregForecaster {

    /** Largest order accepted for each of p, q, P, Q (R's transform supports 100). */
    public static final int MAX_ORDER = 100;
    /** Largest number of differences accepted for d and D. */
    public static final int MAX_DIFF = 3;

    final int p;
    final int d;
    final int q;
    final int seasonalP;
    final int seasonalD;
    final int seasonalQ;
    final int period;
    final boolean includeMean;
    final boolean includeDrift;
    final ArimaMethod method;
    final double[] fixed;
    final boolean transformPars;
    /** Box–Cox lambda, NaN for none (or when chosen automatically). */
    final double lambda;
    final boolean lambdaAuto;
    final boolean biasAdjust;

    private Arima(int p, int d, int q, int sp, int sd, int sq, int period, boolean includeMean,
                  boolean includeDrift, ArimaMethod method, double[] fixed, boolean transformPars, double lambda,
                  boolean lambdaAuto, boolean biasAdjust) {
        this.p = p;
        this.d = d;
        this.q = q;
        this.seasonalP = sp;
        this.seasonalD = sd;
        this.seasonalQ = sq;
        this.period = period;
        this.includeMean = includeMean;
        this.includeDrift = includeDrift;
        this.method = method;
        this.fixed = fixed;
        this.transformPars = transformPars;
        this.lambda = lambda;
        this.lambdaAuto = lambdaAuto;
        this.biasAdjust = biasAdjust;
    }

    /**
     * A non-seasonal ARIMA(p,d,q) with R's defaults.
     *
     * @param p AR order in [0, 100]
     * @param d differences in [0, 3]
     * @param q MA order in [0, 100]
     * @return the spec
     * @throws IllegalArgumentException for orders out of range
     */
    public static Arima of(int p, int d, int q) {
        checkOrder(p, d, q, "");
        return new Arima(p, d, q, 0, 0, 0, 0, true, false, ArimaMethod.CSS_ML, null, true, Double.NaN, false,
                false);
    }

    private static void checkOrder(int p, int d, int q, String prefix) {
        Checks.requireArgument(p >= 0 && p <= MAX_ORDER, "%sp must be in [0, %d], got %d", prefix, MAX_ORDER, p);
        Checks.requireArgument(d >= 0 && d <= MAX_DIFF, "%sd must be in [0, %d], got %d", prefix, MAX_DIFF, d);
        Checks.requireArgument(q >= 0 && q <= MAX_ORDER, "%sq must be in [0, %d], got %d", prefix, MAX_ORDER, q);
    }

    /**
     * The same spec with another non-seasonal order.
     *
     * @param newP AR order
     * @param newD differences
     * @param newQ MA order
     * @return a new spec
     */
    public Arima order(int newP, int newD, int newQ) {
        checkOrder(newP, newD, newQ, "");
        return new Arima(newP, newD, newQ, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method,
                null, transformPars, lambda, lambdaAuto, biasAdjust);
    }

    /**
     * Adds a seasonal part with an explicit period.
     *
     * @param sp     seasonal AR order P
     * @param sd     seasonal differences D
     * @param sq     seasonal MA order Q
     * @param newPeriod period s &ge; 1 (0 = the series' period)
     * @return a new spec
     * @throws IllegalArgumentException for orders out of range or a negative period
     */
    public Arima withSeasonal(int sp, int sd, int sq, int newPeriod) {
        checkOrder(sp, sd, sq, "seasonal ");
        Checks.requireNonNegative(newPeriod, "period");
        return new Arima(p, d, q, sp, sd, sq, newPeriod, includeMean, includeDrift, method, null, transformPars,
                lambda, lambdaAuto, biasAdjust);
    }

    /**
     * Adds a seasonal part whose period is the fitted series' period.
     *
     * @param sp seasonal AR order P
     * @param sd seasonal differences D
     * @param sq seasonal MA order Q
     * @return a new spec
     */
    public Arima withSeasonal(int sp, int sd, int sq) {
        return withSeasonal(sp, sd, sq, 0);
    }

    /**
     * Whether to include a mean (intercept) when {@code d + D = 0} (R's {@code include.mean}, default true).
     *
     * @param include the flag
     * @return a new spec
     */
    public Arima withMean(boolean include) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, include, includeDrift, method, fixed,
                transformPars, lambda, lambdaAuto, biasAdjust);
    }

    /**
     * Whether to include a drift (a regressor {@code 1..n}, as {@code forecast::Arima(include.drift = TRUE)});
     * used when {@code d + D ≤ 1}.
     *
     * @param include the flag
     * @return a new spec
     */
    public Arima withDrift(boolean include) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, include, method, fixed,
                transformPars, lambda, lambdaAuto, biasAdjust);
    }

    /**
     * Sets the estimation method.
     *
     * @param newMethod the method
     * @return a new spec
     */
    public Arima withMethod(ArimaMethod newMethod) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift,
                Objects.requireNonNull(newMethod, "method"), fixed, transformPars, lambda, lambdaAuto, biasAdjust);
    }

    /**
     * Holds some coefficients at given values (R's {@code fixed}): one entry per coefficient in R's order
     * (ar, ma, sar, sma, intercept, drift, regressors), NaN for the coefficients to estimate. Its length is
     * checked when fitting.
     *
     * @param values the fixed values, NaN = free. Not modified.
     * @return a new spec
     */
    public Arima withFixed(double... values) {
        Objects.requireNonNull(values, "fixed");
        for (int i = 0; i < values.length; i++) {
            Checks.requireArgument(!Double.isInfinite(values[i]), "fixed[%d] must be finite or NaN, got %s", i,
                    values[i]);
        }
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method,
                values.clone(), transformPars, lambda, lambdaAuto, biasAdjust);
    }

    /**
     * Whether to optimise AR parameters through the stationarity transform (R's {@code transform.pars}, default
     * true).
     *
     * @param transform the flag
     * @return a new spec
     */
    public Arima withTransformPars(boolean transform) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method, fixed,
                transform, lambda, lambdaAuto, biasAdjust);
    }

    /**
     * Fits the model to the Box–Cox transform of the series with a fixed {@code lambda} (R's
     * {@code Arima(y, lambda = ...)}): coefficients, σ&sup2;, likelihood and residuals are on the transformed scale;
     * forecasts and fitted values are back-transformed ({@link FittedArima#forecast(int, List, Regressors)}).
     * {@code lambda = 0} is the log; for {@code lambda <= 0} every observation must be positive.
     *
     * @param value the power, finite
     * @return a new spec
     * @throws IllegalArgumentException if {@code value} is not finite
     * @since 0.1.0
     */
    public Arima withLambda(double value) {
        Checks.requireFinite(value, "lambda");
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method, fixed,
                transformPars, value, false, biasAdjust);
    }

    /**
     * Chooses lambda when fitting by Guerrero's method on {@code [−0.9, 2]}, as R's {@code lambda = "auto"}
     * ({@link BoxCox#autoLambda}); the lambda used is {@link FittedArima#lambda()}.
     *
     * @return a new spec
     * @since 0.1.0
     */
    public Arima withLambdaAuto() {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method, fixed,
                transformPars, Double.NaN, true, biasAdjust);
    }

    /**
     * Removes the Box–Cox transform (the default).
     *
     * @return a new spec
     * @since 0.1.0
     */
    public Arima withoutLambda() {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method, fixed,
                transformPars, Double.NaN, false, biasAdjust);
    }

    /**
     * Whether back-transformed point forecasts and fitted values are bias-adjusted means instead of medians (R's
     * {@code biasadj}, default false): {@code x·(1 + ½·v·(1 − lambda)/x^(2·lambda))} with {@code v} the forecast
     * variance on the transformed scale ({@link BoxCox#invertBiasAdjusted}). Ignored without a lambda.
     *
     * @param adjust the flag
     * @return a new spec
     * @since 0.1.0
     */
    public Arima withBiasAdjust(boolean adjust) {
        return new Arima(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method, fixed,
                transformPars, lambda, lambdaAuto, adjust);
    }

    /**
     * The fixed Box–Cox lambda.
     *
     * @return lambda, or empty for none or an automatic choice ({@link #lambdaAuto()})
     * @since 0.1.0
     */
    public OptionalDouble lambda() {
        return Double.isNaN(lambda) ? OptionalDouble.empty() : OptionalDouble.of(lambda);
    }

    /**
     * Whether lambda is chosen automatically when fitting.
     *
     * @return flag
     * @since 0.1.0
     */
    public boolean lambdaAuto() {
        return lambdaAuto;
    }

    /**
     * Whether back-transformed means are bias-adjusted.
     *
     * @return flag
     * @since 0.1.0
     */
    public boolean biasAdjust() {
        return biasAdjust;
    }

    /**
     * Fits the model (no regressors).
     *
     * @param series the series; NaN values are missing (ML and CSS-ML only)
     * @return the fitted model
     * @throws IllegalArgumentException if the series is too short, has missing values with method CSS, the
     *                                  spec does not fit it, or a Box–Cox lambda &le; 0 meets a value &le; 0
     * @throws org.forecast4j.core.ModelFitException if estimation fails numerically
     */
    @Override
    public FittedArima fit(TimeSeries series) {
        return fitTransformed(series, null);
    }

    /**
     * Fits a regression with ARIMA errors.
     *
     * @param series the series
     * @param xreg   regressors with one row per observation
     * @return the fitted model
     * @throws IllegalArgumentException if the regressors do not match the series or are collinear with the
     *                                  differencing
     */
    @Override
    public FittedArima fit(TimeSeries series, Regressors xreg) {
        Objects.requireNonNull(xreg, "xreg");
        return fitTransformed(series, xreg);
    }

    /** Fits, applying the Box–Cox transform first when the spec has one (R: {@code x <- BoxCox(x, lambda)}). */
    private FittedArima fitTransformed(TimeSeries series, Regressors xreg) {
        if (!lambdaAuto && Double.isNaN(lambda)) {
            return ArimaEstimator.fit(this, series, xreg);
        }
        Objects.requireNonNull(series, "series");
        double lam = lambdaAuto ? BoxCox.autoLambda(series.values(), series.period()) : lambda;
        TimeSeries z = series.withValues(BoxCox.of(lam).apply(series.values())).build();
        Arima resolved = withLambda(lam);
        return ArimaEstimator.fit(resolved, z, xreg).withBoxCox(lam, biasAdjust, series);
    }

    @Override
    public String name() {
        return "arima";
    }

    /**
     * The estimation method.
     *
     * @return method
     */
    public ArimaMethod method() {
        return method;
    }

    /**
     * The non-seasonal order {p, d, q}.
     *
     * @return a new array
     */
    public int[] order() {
        return new int[] {p, d, q};
    }

    /**
     * The seasonal order {P, D, Q}.
     *
     * @return a new array
     */
    public int[] seasonalOrder() {
        return new int[] {seasonalP, seasonalD, seasonalQ};
    }

    /**
     * The seasonal period set on the spec (0 = the series').
     *
     * @return period
     */
    public int period() {
        return period;
    }

    /**
     * Whether a mean is requested.
     *
     * @return flag
     */
    public boolean includeMean() {
        return includeMean;
    }

    /**
     * Whether a drift is requested.
     *
     * @return flag
     */
    public boolean includeDrift() {
        return includeDrift;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Arima)) {
            return false;
        }
        Arima a = (Arima) o;
        return p == a.p && d == a.d && q == a.q && seasonalP == a.seasonalP && seasonalD == a.seasonalD
                && seasonalQ == a.seasonalQ && period == a.period && includeMean == a.includeMean
                && includeDrift == a.includeDrift && method == a.method && Arrays.equals(fixed, a.fixed)
                && transformPars == a.transformPars && Double.compare(lambda, a.lambda) == 0
                && lambdaAuto == a.lambdaAuto && biasAdjust == a.biasAdjust;
    }

    @Override
    public int hashCode() {
        return Objects.hash(p, d, q, seasonalP, seasonalD, seasonalQ, period, includeMean, includeDrift, method,
                Arrays.hashCode(fixed), transformPars, lambda, lambdaAuto, biasAdjust);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ARIMA(%d,%d,%d)", p, d, q));
        if (seasonalP + seasonalD + seasonalQ > 0) {
            sb.append(String.format(Locale.ROOT, "(%d,%d,%d)[%s]", seasonalP, seasonalD, seasonalQ,
                    period == 0 ? "s" : Integer.toString(period)));
        }
        sb.append(" method=").append(method.label());
        if (includeDrift) {
            sb.append(" drift");
        }
        if (!includeMean) {
            sb.append(" no-mean");
        }
        if (lambdaAuto) {
            sb.append(" lambda=auto");
        } else if (!Double.isNaN(lambda)) {
            sb.append(" lambda=").append(lambda);
        }
        if (biasAdjust && (lambdaAuto || !Double.isNaN(lambda))) {
            sb.append(" biasadj");
        }
        return sb.toString();
    }
}
