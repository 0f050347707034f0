package org.forecast4j.core;

import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.baseline.LagWalkForecaster;
import org.forecast4j.core.baseline.MeanForecaster;

/**
 * The fluent entry point to every forecaster of the core module.
 *
 * <pre>{@code
 * Forecast f = Forecasters.seasonalNaive().fit(series).forecast(14, 80, 95);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Forecasters {

    private Forecasters() {
    }

    /**
     * The mean method (R {@code meanf}).
     *
     * @return the forecaster
     */
    public static MeanForecaster mean() {
        return new MeanForecaster();
    }

    /**
     * The naive method (R {@code naive}).
     *
     * @return the forecaster
     */
    public static LagWalkForecaster naive() {
        return LagWalkForecaster.naive();
    }

    /**
     * The seasonal naive method with the period of the fitted series (R {@code snaive}).
     *
     * @return the forecaster
     */
    public static LagWalkForecaster seasonalNaive() {
        return LagWalkForecaster.seasonalNaive();
    }

    /**
     * The seasonal naive method with an explicit period.
     *
     * @param period seasonal period &ge; 1
     * @return the forecaster
     */
    public static LagWalkForecaster seasonalNaive(int period) {
        return LagWalkForecaster.seasonalNaive(period);
    }

    /**
     * The random walk with drift (R {@code rwf(drift = TRUE)}).
     *
     * @return the forecaster
     */
    public static LagWalkForecaster drift() {
        return LagWalkForecaster.drift();
    }

    /**
     * An ARIMA(0,0,0) with mean, estimated as R's {@code stats::arima}; configure it with
     * {@link Arima#order}, {@link Arima#withSeasonal}, {@link Arima#withDrift}, {@link Arima#withMethod}.
     *
     * @return the spec
     */
    public static Arima arima() {
        return Arima.of(0, 0, 0);
    }

    /**
     * An ARIMA(p,d,q) with R's defaults (CSS-ML, mean when d = 0).
     *
     * @param p AR order
     * @param d differences
     * @param q MA order
     * @return the spec
     * @throws IllegalArgumentException for orders out of range
     */
    public static Arima arima(int p, int d, int q) {
        return Arima.of(p, d, q);
    }

    /**
     * Automatic ARIMA with R's {@code forecast::auto.arima} defaults (stepwise Hyndman–Khandakar search, AICc);
     * use {@link AutoArima#builder()} for other settings.
     *
     * @return the forecaster
     */
    public static AutoArima autoArima() {
        return AutoArima.builder().build();
    }
}
