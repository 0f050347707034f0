/**
 * Regressors for models: calendar dummies ({@link org.forecast4j.core.features.CalendarFeatures}), e-commerce
 * and user-defined event days with warm-up and hangover windows ({@link org.forecast4j.core.features.EventDay},
 * {@link org.forecast4j.core.features.EcommerceCalendar}, {@link org.forecast4j.core.features.EventCalendar}),
 * Fourier terms ({@link org.forecast4j.core.features.FourierTerms}), lags and rolling statistics — combined by a
 * {@link org.forecast4j.core.features.FeatureSet} into a {@link org.forecast4j.core.features.RegressorMatrix}
 * aligned with a series and extendable over the forecast horizon.
 */
package org.forecast4j.core.features;
