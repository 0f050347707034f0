package org.forecast4j.lstm;

/**
 * The gradient-descent rule of training.
 *
 * @since 0.1.0
 */
public enum OptimizerType {
    /** Adam (Kingma &amp; Ba 2015) with bias correction, β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    ADAM,
    /** Stochastic gradient descent with (heavy-ball) momentum: {@code v = μ v + g; w -= lr v}. */
    SGD
}
