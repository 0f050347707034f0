package org.forecast4j.core.panel;

/**
 * Thrown by {@link PanelJob#await()} when a panel run was aborted because the series source, the result
 * consumer or the progress listener threw. (Failures of a forecaster on a series are not exceptions: they are
 * captured in that series' {@link SeriesResult}.) The cause is the original exception.
 *
 * @since 0.1.0
 */
public class PanelRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was aborted and why
     * @param cause   the exception of the source, consumer or listener
     */
    public PanelRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
