package org.forecast4j.core.panel;

import java.time.Duration;

/**
 * A running panel forecast started by {@link PanelForecaster#start}. Thread-safe.
 *
 * @since 0.1.0
 */
public interface PanelJob {

    /**
     * Requests cancellation: no further series are read from the source and series not yet started are
     * skipped. Fits already running finish; the consumer has then received, in order, a prefix of the input.
     * Idempotent; returns immediately.
     */
    void cancel();

    /**
     * Whether {@link #cancel()} was called (or the run was aborted by a failing consumer, listener or source).
     *
     * @return true if cancelled
     */
    boolean isCancelled();

    /**
     * Whether every started series has been delivered or skipped and the run is over.
     *
     * @return true when finished
     */
    boolean isDone();

    /**
     * Waits for the run to finish.
     *
     * @return the totals
     * @throws PanelRunException     if the source, the consumer or the progress listener threw, or a forecaster
     *                               threw an {@link Error} (the run was aborted; the cause is attached)
     * @throws IllegalStateException if the waiting thread is interrupted (the interrupt flag is restored and the
     *                               run cancelled)
     */
    PanelSummary await();

    /**
     * Waits at most {@code timeout} for the run to finish.
     *
     * @param timeout how long to wait
     * @return true if the run finished in time
     * @throws IllegalStateException if the waiting thread is interrupted
     */
    boolean await(Duration timeout);
}
