package org.forecast4j.core.arima.select;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;

/**
 * The result of {@link AutoArima#fit}: the chosen ARIMA model (or, when none could be fitted, the fallback model
 * and the reason), the differencing decisions with their test statistics, and the search trace — every
 * candidate with its criterion or why it was rejected. Forecasts come from the chosen (or fallback) model.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class AutoArimaModel implements FittedModel {

    private final FittedArima arima;
    private final FittedModel fallbackModel;
    private final String fallbackReason;
    private final DifferencingDecision differences;
    private final DifferencingDecision seasonalDifferences;
    private final List<SearchCandidate> trace;
    private final boolean approximation;

    AutoArimaModel(FittedArima arima, FittedModel fallbackModel, String fallbackReason,
                   DifferencingDecision differences, DifferencingDecision seasonalDifferences,
                   List<SearchCandidate> trace, boolean approximation) {
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

    @Override
    public Forecast forecast(int horizon, List<Level> levels) {
        return model().forecast(horizon, Objects.requireNonNull(levels, "levels"));
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
