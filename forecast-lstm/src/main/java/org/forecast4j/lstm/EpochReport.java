package org.forecast4j.lstm;

/**
 * Progress after one training epoch.
 *
 * @param epoch          1-based epoch number
 * @param maxEpochs      configured maximum
 * @param trainLoss      mean squared error over the epoch's training windows (scaled units, dropout on)
 * @param validationLoss mean squared error on the held-out windows (scaled units), NaN without validation
 * @param learningRate   learning rate used in the epoch
 * @param elapsedMillis  wall time since training started, in milliseconds
 * @param improved       whether the validation loss is the best so far (always true without validation)
 * @since 0.1.0
 */
public record EpochReport(int epoch, int maxEpochs, double trainLoss, double validationLoss, double learningRate,
                          long elapsedMillis, boolean improved) {
}
