package org.forecast4j.core;

/**
 * Thrown when a model cannot be estimated on a series (numerical failure with no usable fallback). The message
 * says what failed and what to try.
 *
 * @since 0.1.0
 */
public class ModelFitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and why
     */
    public ModelFitException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed and why
     * @param cause   underlying failure
     */
    public ModelFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
