/**
 * Internal: the state-space form of ARIMA models and its kernels &mdash; the initial covariance
 * ({@link org.forecast4j.core.statespace.GardnerQ0}), the exact Kalman-filter likelihood
 * ({@link org.forecast4j.core.statespace.KalmanLikelihood}, allocation-free with a
 * {@link org.forecast4j.core.statespace.KalmanWorkspace}), forecasts
 * ({@link org.forecast4j.core.statespace.KalmanForecaster}) and the conditional sum of squares
 * ({@link org.forecast4j.core.statespace.ArimaCss}). These follow R's {@code stats::arima} C code so that results
 * match R; they may change between releases.
 */
package org.forecast4j.core.statespace;
