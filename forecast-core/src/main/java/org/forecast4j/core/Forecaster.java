package org.forecast4j.core;

/**
 * An unfitted, immutable, reusable model specification. {@link #fit(TimeSeries)} estimates it on a series and
 * returns an immutable {@link FittedModel}; the same forecaster may be fitted many times, from many threads.
 *
 * <pre>{@code
 * Forecast f = Forecasters.seasonalNaive().fit(series).forecast(14, 80, 95);
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Forecaster {

    /**
     * Fits the model to a series.
     *
     * @param series training data
     * @return the fitted model
     * @throws IllegalArgumentException if the series cannot be used by this model (too short, missing values
     *                                  where not supported); the message says what is needed
     * @throws ModelFitException        if estimation fails numerically
     */
    FittedModel fit(TimeSeries series);

    /**
     * A short identifier of the model family, e.g. {@code "snaive"} or {@code "arima"}.
     *
     * @return the name
     */
    String name();
}
