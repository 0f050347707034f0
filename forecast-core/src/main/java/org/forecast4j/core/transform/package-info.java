/**
 * Transforms of time series with exact inverses: {@link org.forecast4j.core.transform.Differencing}
 * (lag-k and seasonal differencing of any order, and integration back), {@link org.forecast4j.core.transform.BoxCox}
 * (with Guerrero's automatic lambda and the bias-adjusted inverse), {@link org.forecast4j.core.transform.LogTransform}
 * (log, log1p), the scalers {@link org.forecast4j.core.transform.MinMaxScaler} and
 * {@link org.forecast4j.core.transform.StandardScaler} (fitted on training data only), and
 * {@link org.forecast4j.core.transform.Interpolation} of gaps.
 *
 * <p>Length-preserving transforms implement {@link org.forecast4j.core.transform.SeriesTransform}. Every
 * transform passes {@code NaN} (a missing observation) through as {@code NaN}; nothing else produces NaN.
 * Kernels are static methods on primitive arrays; the {@link org.forecast4j.core.TimeSeries} overloads keep the
 * series' metadata (name, frequency, period and the correct start timestamp).
 *
 * <p>The formulas, references and how each matches R are in {@code docs/transforms-and-statistics.md}.
 */
package org.forecast4j.core.transform;
