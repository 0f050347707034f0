package org.forecast4j.lstm;

/**
 * Target scaling, fitted on the training part of the series only and inverted on every output.
 *
 * @since 0.1.0
 */
public enum Scaling {
    /** {@code (y - min) / (max - min)} onto [0, 1], the classic LSTM forecasting recipe. */
    MIN_MAX,
    /** {@code (y - mean) / sd} with the population standard deviation. */
    STANDARD,
    /** No scaling (only sensible for series already of order one). */
    NONE
}
