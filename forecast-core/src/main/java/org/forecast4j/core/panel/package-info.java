/**
 * Forecasting many series: {@link org.forecast4j.core.panel.PanelForecaster} fits and forecasts every series of
 * a {@link org.forecast4j.core.Panel} or of a lazily iterated source in parallel on a bounded executor,
 * streaming {@link org.forecast4j.core.panel.SeriesResult}s to a consumer in input order with bounded memory,
 * capturing per-series failures (with an optional fallback model), and reporting
 * {@link org.forecast4j.core.panel.Progress} to a {@link org.forecast4j.core.panel.ProgressListener}.
 *
 * @since 0.1.0
 */
package org.forecast4j.core.panel;
