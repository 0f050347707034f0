package org.forecast4j.core.arima.select;

/**
 * The outcome of a {@link Kpss} test.
 *
 * @param type      deterministic component removed under the null (level or trend)
 * @param statistic the KPSS statistic η
 * @param lags      truncation lag of the Bartlett long-run variance
 * @param pValue    p-value interpolated in the table of Kwiatkowski et al. (1992), clamped to [0.01, 0.10]
 * @since 0.1.0
 */
public record KpssResult(Kpss.Type type, double statistic, int lags, double pValue) {
}
