package org.forecast4j.core.panel;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Totals of a finished panel run.
 *
 * @param series             series delivered to the consumer
 * @param ok                 series forecast by the main forecaster
 * @param fallbacks          series forecast by the fallback forecaster
 * @param failures           series without a forecast
 * @param failuresByType     count of main-forecaster failures (FALLBACK and FAILED) by exception type, in
 *                           first-seen order
 * @param elapsed            wall-clock duration of the run
 * @param cancelled          whether the run was cancelled before the source was exhausted
 * @param maxResultsInFlight the largest number of series read from the source but not yet delivered, observed
 *                           during the run (bounded by the window)
 * @since 0.1.0
 */
public record PanelSummary(long series, long ok, long fallbacks, long failures, Map<String, Long> failuresByType,
                           Duration elapsed, boolean cancelled, int maxResultsInFlight) {

    /**
     * Copies the map.
     *
     * @param series             series delivered
     * @param ok                 main-forecaster successes
     * @param fallbacks          fallback forecasts
     * @param failures           failures
     * @param failuresByType     failures by exception type
     * @param elapsed            duration
     * @param cancelled          whether cancelled
     * @param maxResultsInFlight in-flight high-water mark
     */
    public PanelSummary {
        failuresByType = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByType));
    }

    /**
     * Series per second over the run.
     *
     * @return rate, 0 for an instantaneous run
     */
    public double seriesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? series / s : 0;
    }
}
