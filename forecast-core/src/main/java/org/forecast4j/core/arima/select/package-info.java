/**
 * Model selection for the ARIMA family, as in R's {@code forecast::auto.arima} (Hyndman &amp; Khandakar 2008):
 * the number of differences chosen by unit-root tests. {@link org.forecast4j.core.arima.select.UnitRootTests}
 * holds {@code ndiffs} (repeated KPSS tests, {@link org.forecast4j.core.arima.select.Kpss}) and {@code nsdiffs}
 * (seasonal strength from an STL decomposition, {@link org.forecast4j.core.arima.select.SeasonalStrength}, or
 * the OCSB test, {@link org.forecast4j.core.arima.select.Ocsb}); each decision comes with the statistics that
 * led to it ({@link org.forecast4j.core.arima.select.DifferencingDecision}).
 *
 * @since 0.1.0
 */
package org.forecast4j.core.arima.select;
