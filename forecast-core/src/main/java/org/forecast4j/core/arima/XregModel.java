package org.forecast4j.core.arima;

import java.util.List;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;

/**
 * A model fitted by {@link XregForecaster#fit(org.forecast4j.core.TimeSeries, Regressors)}: forecasting needs
 * the regressors' values over the horizon. Immutable and thread-safe, like every {@link FittedModel}.
 *
 * @since 0.1.0
 */
public interface XregModel extends FittedModel {

    /**
     * Forecasts with the future values of the regressors.
     *
     * @param horizon steps ahead, &gt; 0
     * @param levels  interval levels (may be empty)
     * @param future  regressor values for the {@code horizon} steps, same names and order as when fitting; null
     *                if the model was fitted without regressors. Not modified.
     * @return the forecast
     * @throws IllegalArgumentException if {@code horizon <= 0} or the regressors are missing, misnamed, of the
     *                                  wrong length or contain missing values
     */
    Forecast forecast(int horizon, List<Level> levels, Regressors future);
}
