package org.forecast4j.lstm;

import java.util.Arrays;

/**
 * What happened during training: losses per epoch, the epoch whose weights were kept, whether training stopped
 * early, and how the prediction intervals were calibrated. Immutable; array getters return copies.
 *
 * @since 0.1.0
 */
public final class TrainingDiagnostics {

    private final double[] trainLoss;
    private final double[] validationLoss;
    private final int bestEpoch;
    private final boolean stoppedEarly;
    private final int trainWindows;
    private final int validationWindows;
    private final int calibrationOrigins;
    private final boolean calibratedOnTraining;
    private final long elapsedMillis;

    /**
     * Creates the diagnostics.
     *
     * @param trainLoss            training loss per epoch run. Not modified.
     * @param validationLoss       validation loss per epoch run (NaN without validation). Not modified.
     * @param bestEpoch            1-based epoch whose weights the model holds
     * @param stoppedEarly         whether early stopping ended training
     * @param trainWindows         number of training windows
     * @param validationWindows    number of validation windows
     * @param calibrationOrigins   forecast origins whose residuals calibrate the intervals
     * @param calibratedOnTraining whether those origins are in the training data (no validation split)
     * @param elapsedMillis        training wall time
     */
    public TrainingDiagnostics(double[] trainLoss, double[] validationLoss, int bestEpoch, boolean stoppedEarly,
                               int trainWindows, int validationWindows, int calibrationOrigins,
                               boolean calibratedOnTraining, long elapsedMillis) {
        this.trainLoss = trainLoss.clone();
        this.validationLoss = validationLoss.clone();
        this.bestEpoch = bestEpoch;
        this.stoppedEarly = stoppedEarly;
        this.trainWindows = trainWindows;
        this.validationWindows = validationWindows;
        this.calibrationOrigins = calibrationOrigins;
        this.calibratedOnTraining = calibratedOnTraining;
        this.elapsedMillis = elapsedMillis;
    }

    /** @return training loss per epoch run (copy) */
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    /** @return validation loss per epoch run, NaN without validation (copy) */
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /** @return number of epochs run */
    public int epochsRun() {
        return trainLoss.length;
    }

    /** @return 1-based epoch whose weights were kept (the best validation loss, or the last epoch) */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** @return whether early stopping ended training */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** @return number of training windows */
    public int trainWindows() {
        return trainWindows;
    }

    /** @return number of validation windows */
    public int validationWindows() {
        return validationWindows;
    }

    /** @return number of forecast origins calibrating the intervals */
    public int calibrationOrigins() {
        return calibrationOrigins;
    }

    /**
     * Whether the intervals were calibrated on training windows (validation fraction 0): then they are
     * optimistic, since the network has seen those residuals.
     *
     * @return true if calibrated in-sample
     */
    public boolean calibratedOnTraining() {
        return calibratedOnTraining;
    }

    /** @return training wall time in milliseconds */
    public long elapsedMillis() {
        return elapsedMillis;
    }

    @Override
    public String toString() {
        return "TrainingDiagnostics[epochs=" + trainLoss.length + ", bestEpoch=" + bestEpoch + ", stoppedEarly="
                + stoppedEarly + ", trainWindows=" + trainWindows + ", validationWindows=" + validationWindows
                + ", calibrationOrigins=" + calibrationOrigins + ", lastTrainLoss="
                + (trainLoss.length == 0 ? "NaN" : trainLoss[trainLoss.length - 1]) + ", validationLoss="
                + Arrays.toString(validationLoss) + "]";
    }
}
