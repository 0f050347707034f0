package org.forecast4j.core.panel;

/**
 * How the forecast of one series of a panel run was obtained.
 *
 * @since 0.1.0
 */
public enum SeriesStatus {
    /** The main forecaster fitted and forecast the series. */
    OK,
    /** The main forecaster failed; the fallback forecaster's forecast is given. */
    FALLBACK,
    /** No forecast: the main forecaster failed and there was no fallback, or the fallback failed too. */
    FAILED
}
