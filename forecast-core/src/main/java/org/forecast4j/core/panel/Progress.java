package org.forecast4j.core.panel;

import java.time.Duration;

/**
 * A snapshot of a panel run's progress.
 *
 * @param done      series delivered to the consumer so far
 * @param total     number of series in the source, or −1 when unknown
 * @param failures  delivered series with status {@link SeriesStatus#FAILED}
 * @param fallbacks delivered series with status {@link SeriesStatus#FALLBACK}
 * @param elapsed   time since the run started
 * @param finished  whether this is the last report of the run
 * @since 0.1.0
 */
public record Progress(long done, long total, long failures, long fallbacks, Duration elapsed, boolean finished) {

    /**
     * Series per second so far.
     *
     * @return {@code done / elapsed}; 0 when no time has elapsed
     */
    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? done / s : 0;
    }

    /**
     * Fraction done, when the total is known.
     *
     * @return {@code done / total} in [0, 1], or NaN when the total is unknown (or 0)
     */
    public double fraction() {
        return total > 0 ? (double) done / total : Double.NaN;
    }
}
