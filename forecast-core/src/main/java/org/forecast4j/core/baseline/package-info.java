/**
 * Baseline forecasters (mean, naive, seasonal naive, random walk with drift) with the interval formulas of
 * Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and Practice</i>, §5.5, matching R's
 * {@code meanf}, {@code naive}, {@code snaive} and {@code rwf(drift = TRUE)}.
 */
package org.forecast4j.core.baseline;
