/**
 * Time-series statistics: the sample autocovariance, ACF and PACF ({@link org.forecast4j.core.stats.Autocorrelation},
 * R's {@code acf} and {@code pacf}) and the Box–Pierce and Ljung–Box portmanteau tests
 * ({@link org.forecast4j.core.stats.BoxTest}, R's {@code Box.test}). Values match R 4.2.2 to 1e-10 on the
 * project's reference series; formulas and references are in {@code docs/transforms-and-statistics.md}.
 */
package org.forecast4j.core.stats;
