package org.forecast4j.core.arima;

import org.forecast4j.core.Forecaster;
import org.forecast4j.core.TimeSeries;

/**
 * A {@link Forecaster} that can also be fitted with exogenous regressors (R's {@code xreg}), such as promotion or
 * holiday indicators whose future values are known when forecasting. {@link Arima} (regression with ARIMA errors)
 * implements it; generic callers (the panel and Spark paths, the command line) take any implementation through
 * this interface rather than a concrete model class.
 *
 * <pre>{@code
 * XregForecaster f = Arima.of(1, 0, 0);
 * XregModel m = f.fit(series, Regressors.of(List.of("promo"), new double[][] {promo}));
 * Forecast fc = m.forecast(14, Level.of(80, 95), Regressors.of(List.of("promo"), new double[][] {promoNext}));
 * }</pre>
 *
 * @since 0.1.0
 */
public interface XregForecaster extends Forecaster {

    /**
     * Fits the model to a series with regressors.
     *
     * @param series training data
     * @param xreg   regressors, one row per observation of {@code series} (NaN = missing). Not modified.
     * @return the fitted model, which needs the regressors' future values to forecast
     * @throws IllegalArgumentException if the regressors do not match the series or the model cannot use them
     * @throws org.forecast4j.core.ModelFitException if estimation fails numerically
     */
    XregModel fit(TimeSeries series, Regressors xreg);
}
