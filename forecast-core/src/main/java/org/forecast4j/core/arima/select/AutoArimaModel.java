package org.forecast4j.core.arima.select;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.forecast4j.core.Checks;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;
import org.forecast4j.core.arima.XregModel;

/**
 * The result of {@link AutoArima#fit}: the chosen ARIMA model (or, when none could be fitted, the fallback model
 * and the reason), the differencing decisions with their test statistics, and the search trace — every
 * candidate with its criterion or why it was rejected. Forecasts come from the chosen (or fallback) model, back-
 * transformed when the search ran on a Box–Cox transform ({@link #lambda()}), and need the future regressor values
 * when it was fitted with regressors ({@link #regressors()}, {@link #forecast(int, List, Regressors)}). Immutable.
 *
 * @since 0.1.0
 */
public final class AutoArimaModel implements XregModel {

    private final FittedArima arima;
    private final FittedModel fallbackModel;
    private final String fallbackReason;
    private final DifferencingDecision differences;
    private final DifferencingDecision seasonalDifferences;
    private final List<SearchCandidate> trace;
    private final boolean approximation;
    private final double lambda;
    private final List<String> regressors;

    AutoArimaModel(FittedArima arima, FittedModel fallbackModel, String fallbackReason,
                   DifferencingDecision differences, DifferencingDecision seasonalDifferences,
                   List<SearchCandidate> trace, boolean approximation) {
        this(arima, fallbackModel, fallbackReason, differences, seasonalDifferences, trace, approximation, Double.NaN,
                List.of());
    }

    private AutoArimaModel(FittedArima arima, FittedModel fallbackModel, String fallbackReason,
                           DifferencingDecision differences, DifferencingDecision seasonalDifferences,
                           List<SearchCandidate> trace, boolean approximation, double lambda, List<String> regressors) {
        this.lambda = lambda;
        this.regressors = List.copyOf(regressors);
        this.arima = arima;
        this.fallbackModel = fallbackModel;
        this.fallbackReason = fallbackReason;
        this.differences = differences;
        this.seasonalDifferences = seasonalDifferences;
        this.trace = List.copyOf(trace);
        this.approximation = approximation;
    }

    /**
     * The chosen ARIMA model.
     *
     * @return the model, or empty when the fallback was used
     */
    public Optional<FittedArima> arima() {
        return Optional.ofNullable(arima);
    }

    /**
     * The model that forecasts: the chosen ARIMA or the fallback.
     *
     * @return the model
     */
    public FittedModel model() {
        return arima != null ? arima : fallbackModel;
    }

    /**
     * Whether no ARIMA could be fitted and a fallback (seasonal naive, naive or mean) forecasts instead.
     *
     * @return true when the fallback is used
     */
    public boolean isFallback() {
        return arima == null;
    }

    /**
     * Why the fallback was used.
     *
     * @return the reason, or null when an ARIMA was chosen
     */
    public String fallbackReason() {
        return fallbackReason;
    }

    /**
     * The ndiffs decision (KPSS tests), if d was tested.
     *
     * @return the decision, or empty when d was fixed or not reached
     */
    public Optional<DifferencingDecision> differences() {
        return Optional.ofNullable(differences);
    }

    /**
     * The nsdiffs decision, if D was tested.
     *
     * @return the decision, or empty when D was fixed, the series is non-seasonal or too short
     */
    public Optional<DifferencingDecision> seasonalDifferences() {
        return Optional.ofNullable(seasonalDifferences);
    }

    /**
     * Every candidate the search fitted, in order (approximate fits first, then the exact refits).
     *
     * @return unmodifiable list
     */
    public List<SearchCandidate> trace() {
        return trace;
    }

    /**
     * Whether the search used the CSS approximation.
     *
     * @return true if approximate criteria were used during the search
     */
    public boolean approximation() {
        return approximation;
    }

    /**
     * The same result for a search run on the Box–Cox transform of {@code original}: the chosen ARIMA is refitted
     * with its lambda (same data, same estimate) so that it back-transforms, a non-ARIMA model is wrapped.
     */
    AutoArimaModel withBoxCox(double lam, boolean biasAdjust, TimeSeries original, Regressors xreg) {
        FittedArima a = arima;
        FittedModel fb = fallbackModel;
        if (a != null) {
            org.forecast4j.core.arima.Arima spec = a.spec().withLambda(lam).withBiasAdjust(biasAdjust);
            a = xreg == null ? spec.fit(original) : spec.fit(original, xreg);
        } else {
            fb = new BoxCoxFallback(fallbackModel, lam, biasAdjust, original);
        }
        return new AutoArimaModel(a, fb, fallbackReason, differences, seasonalDifferences, trace, approximation, lam,
                regressors);
    }

    /** The same result remembering the regressor names the search was given (for forecast-time checks). */
    AutoArimaModel withRegressors(List<String> names) {
        return new AutoArimaModel(arima, fallbackModel, fallbackReason, differences, seasonalDifferences, trace,
                approximation, lambda, names);
    }

    /**
     * The Box–Cox lambda the series was modelled with (given, or Guerrero's for {@code lambdaAuto()}).
     *
     * @return lambda, or empty without a transform (also for a constant series, which R models untransformed)
     * @since 0.1.0
     */
    public OptionalDouble lambda() {
        return Double.isNaN(lambda) ? OptionalDouble.empty() : OptionalDouble.of(lambda);
    }

    /**
     * Names of the regressors the model was fitted with.
     *
     * @return unmodifiable list, empty without regressors
     * @since 0.1.0
     */
    public List<String> regressors() {
        return regressors;
    }

    /**
     * Forecasts a model fitted without regressors.
     *
     * @param horizon steps ahead, &gt; 0
     * @param levels  interval levels
     * @return the forecast
     * @throws IllegalArgumentException if {@code horizon <= 0} or the model was fitted with regressors (use
     *                                  {@link #forecast(int, List, Regressors)})
     */
    @Override
    public Forecast forecast(int horizon, List<Level> levels) {
        return forecast(horizon, levels, null);
    }

    /**
     * Forecasts with the future values of the regressors (R's {@code forecast(fit, xreg = newxreg)}). A fallback
     * model (constant series, no ARIMA could be fitted) does not use them, but they are still checked so that the
     * call is valid whatever the search chose.
     *
     * @param horizon steps ahead, &gt; 0
     * @param levels  interval levels
     * @param future  the regressors' values for the {@code horizon} steps (same names as when fitting), or null for a
     *                model fitted without regressors
     * @return the forecast
     * @throws IllegalArgumentException if the future regressors are missing, misnamed, of the wrong length or
     *                                  contain NaN, or given to a model fitted without regressors
     * @since 0.1.0
     */
    @Override
    public Forecast forecast(int horizon, List<Level> levels, Regressors future) {
        Objects.requireNonNull(levels, "levels");
        if (arima != null) {
            // every candidate of a search with regressors has them: the ARIMA checks the future values
            return arima.forecast(horizon, levels, future);
        }
        if (regressors.isEmpty()) {
            Checks.requireArgument(future == null, "the model has no regressors but future regressors were given");
        } else {
            Checks.requirePositive(horizon, "horizon");
            Checks.requireArgument(future != null, "the model has regressors %s: forecasting needs their %d future "
                    + "values", regressors, horizon);
            Checks.requireArgument(future.names().equals(regressors), "future regressors %s != fitted regressors %s",
                    future.names(), regressors);
            Checks.requireArgument(future.length() == horizon, "future regressors have %d rows, horizon is %d",
                    future.length(), horizon);
            for (int k = 0; k < future.count(); k++) {
                double[] c = future.column(k);
                for (int t = 0; t < horizon; t++) {
                    Checks.requireArgument(!Double.isNaN(c[t]), "future regressor '%s'[%d] is missing",
                            regressors.get(k), t);
                }
            }
        }
        return model().forecast(horizon, levels);
    }

    @Override
    public String description() {
        return arima != null ? arima.description() : model().description() + " (auto-ARIMA fallback: " + fallbackReason
                + ")";
    }

    @Override
    public TimeSeries series() {
        return model().series();
    }

    @Override
    public double[] fitted() {
        return model().fitted();
    }

    @Override
    public double[] residuals() {
        return model().residuals();
    }

    @Override
    public String toString() {
        return "AutoArimaModel[" + description() + ", " + trace.size() + " candidates]";
    }
}
