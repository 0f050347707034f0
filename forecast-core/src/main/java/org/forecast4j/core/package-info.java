/**
 * The forecast4j core API: {@link org.forecast4j.core.TimeSeries}, {@link org.forecast4j.core.Panel},
 * the {@link org.forecast4j.core.Forecaster} → {@link org.forecast4j.core.FittedModel} →
 * {@link org.forecast4j.core.Forecast} SPI, and the {@link org.forecast4j.core.Forecasters} entry point.
 */
package org.forecast4j.core;
