package org.forecast4j.lstm;

/**
 * Receives training progress, once per epoch, on the training thread. Implementations should return quickly;
 * exceptions thrown here abort training.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores every report. */
    TrainingListener NONE = report -> { };

    /**
     * Called after each epoch.
     *
     * @param report the epoch's figures
     */
    void onEpoch(EpochReport report);
}
