package org.forecast4j.lstm;

/**
 * How the network produces a multi-step forecast.
 *
 * @since 0.1.0
 */
public enum Strategy {
    /** The dense head has one output per horizon step; one forward pass gives the whole horizon. */
    DIRECT,
    /** The head predicts one step; predictions are fed back as inputs for the next step. */
    RECURSIVE
}
