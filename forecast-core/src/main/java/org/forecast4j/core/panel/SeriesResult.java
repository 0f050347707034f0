package org.forecast4j.core.panel;

import java.util.Objects;
import org.forecast4j.core.Forecast;

/**
 * The outcome for one series of a panel run: its position in the input, its key (the series name), a status,
 * the forecast (absent when the series failed), and the reason the main forecaster failed, if it did.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class SeriesResult {

    private final long index;
    private final String key;
    private final SeriesStatus status;
    private final Forecast forecast;
    private final String failureReason;
    private final String failureType;
    private final long elapsedNanos;

    SeriesResult(long index, String key, SeriesStatus status, Forecast forecast, String failureReason,
                 String failureType, long elapsedNanos) {
        this.index = index;
        this.key = key;
        this.status = Objects.requireNonNull(status, "status");
        this.forecast = forecast;
        this.failureReason = failureReason;
        this.failureType = failureType;
        this.elapsedNanos = elapsedNanos;
    }

    /**
     * Position of the series in the input (0-based); results are delivered in this order.
     *
     * @return index
     */
    public long index() {
        return index;
    }

    /**
     * The series' name (its panel key), or null if the series had none.
     *
     * @return key or null
     */
    public String key() {
        return key;
    }

    /**
     * How the forecast was obtained.
     *
     * @return status
     */
    public SeriesStatus status() {
        return status;
    }

    /**
     * Whether a forecast is available (status OK or FALLBACK).
     *
     * @return true unless FAILED
     */
    public boolean hasForecast() {
        return forecast != null;
    }

    /**
     * The forecast.
     *
     * @return the forecast
     * @throws IllegalStateException if the series failed; the message gives the reason
     */
    public Forecast forecast() {
        if (forecast == null) {
            throw new IllegalStateException("series " + index + " ('" + key + "') has no forecast: " + failureReason);
        }
        return forecast;
    }

    /**
     * Why the main forecaster failed (and, for FAILED with a fallback, why the fallback failed too), e.g.
     * {@code "IllegalArgumentException: ... needs at least 8 observations ..."}.
     *
     * @return the reason, or null for status OK
     */
    public String failureReason() {
        return failureReason;
    }

    /**
     * The simple class name of the main forecaster's exception, for grouping failures.
     *
     * @return exception type, or null for status OK
     */
    public String failureType() {
        return failureType;
    }

    /**
     * Wall-clock time spent fitting and forecasting this series (including a fallback).
     *
     * @return nanoseconds
     */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    @Override
    public String toString() {
        return "SeriesResult[" + index + ", " + key + ", " + status
                + (failureReason == null ? "" : ", " + failureReason) + "]";
    }
}
