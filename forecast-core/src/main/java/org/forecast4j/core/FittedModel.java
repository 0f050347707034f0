package org.forecast4j.core;

import java.util.List;

/**
 * A model fitted to one series: immutable and safe to use from many threads.
 *
 * @since 0.1.0
 */
public interface FittedModel {

    /**
     * Forecasts {@code horizon} steps after the training series with intervals at the given levels.
     *
     * @param horizon number of steps, &gt; 0
     * @param levels  interval levels (may be empty)
     * @return the forecast
     * @throws IllegalArgumentException if {@code horizon <= 0}
     */
    Forecast forecast(int horizon, List<Level> levels);

    /**
     * Forecasts with levels given in percent, e.g. {@code forecast(14, 80, 95)}.
     *
     * @param horizon number of steps, &gt; 0
     * @param levels  levels in (0, 100)
     * @return the forecast
     * @throws IllegalArgumentException if {@code horizon <= 0} or a level is outside (0, 100)
     */
    default Forecast forecast(int horizon, double... levels) {
        return forecast(horizon, Level.of(levels));
    }

    /**
     * A human-readable description in R's style, e.g. {@code "Seasonal naive (period 7)"}.
     *
     * @return description
     */
    String description();

    /**
     * The series the model was fitted to.
     *
     * @return training series
     */
    TimeSeries series();

    /**
     * One-step in-sample fitted values, NaN where the model has none (e.g. the first period).
     *
     * @return fitted values, same length as the series
     */
    double[] fitted();

    /**
     * In-sample residuals {@code y - fitted}, NaN where undefined.
     *
     * @return residuals, same length as the series
     */
    default double[] residuals() {
        double[] f = fitted();
        TimeSeries y = series();
        double[] r = new double[f.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = y.get(i) - f[i];
        }
        return r;
    }
}
