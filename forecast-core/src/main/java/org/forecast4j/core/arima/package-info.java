/**
 * Seasonal ARIMA models with mean, drift and regressors, estimated by CSS, exact maximum likelihood or CSS-ML as
 * R's {@code stats::arima} / {@code forecast::Arima}, with Kalman-filter forecasts and intervals.
 *
 * <pre>{@code
 * FittedArima m = Arima.of(1, 1, 1).withSeasonal(0, 1, 1, 7).withDrift(true).fit(series);
 * Forecast f = m.forecast(14, 80, 95);
 * }</pre>
 *
 * <p>The numerical kernels live in the internal packages {@code statespace}, {@code optim} and {@code linalg}.
 */
package org.forecast4j.core.arima;
