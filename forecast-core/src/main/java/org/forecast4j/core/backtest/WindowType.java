package org.forecast4j.core.backtest;

/**
 * How the training window moves from one forecast origin to the next.
 *
 * @since 0.1.0
 */
public enum WindowType {
    /** The training window always starts at the first observation and grows with the origin (R {@code tsCV}). */
    EXPANDING,
    /** The training window keeps the initial length and slides with the origin (R {@code tsCV(window = w)}). */
    SLIDING
}
