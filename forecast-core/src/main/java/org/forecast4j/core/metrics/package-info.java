/**
 * Forecast accuracy metrics: scale-dependent errors (MAE, MSE, RMSE), percentage errors (MAPE, sMAPE), scaled
 * errors (MASE), WAPE, and interval metrics (coverage, the mean scaled interval score MSIS, pinball loss).
 *
 * <p>{@link org.forecast4j.core.metrics.Metrics} has one static function per metric over primitive arrays;
 * {@link org.forecast4j.core.metrics.Accuracy} computes every metric of a forecast at once (and accumulates them
 * over many forecasts, as backtesting does). A metric that cannot be computed — a zero actual for MAPE, a zero
 * in-sample scale for MASE — is returned as an undefined {@link org.forecast4j.core.metrics.MetricValue} that
 * says why, never as a silent NaN.
 *
 * <p>References: Hyndman &amp; Koehler (2006), "Another look at measures of forecast accuracy", IJF 22(4);
 * M4 Competitor's Guide (2018) for sMAPE and MSIS; R {@code forecast::accuracy}.
 */
package org.forecast4j.core.metrics;
