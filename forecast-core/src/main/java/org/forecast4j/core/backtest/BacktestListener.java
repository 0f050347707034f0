package org.forecast4j.core.backtest;

/**
 * Receives the progress of a running backtest. Calls are serialised (never concurrent) and {@code done} strictly
 * increases from 1 to {@code total}, but they may come from the backtest's worker threads; keep the callback
 * short and do not block in it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BacktestListener {

    /** A listener that ignores progress. */
    BacktestListener NONE = (done, total) -> { };

    /**
     * Called after each (series, model, fold) task completes, successfully or not.
     *
     * @param done  tasks completed so far, 1..total
     * @param total number of tasks of the run
     */
    void onProgress(int done, int total);
}
