package org.forecast4j.core.events;

/**
 * What aggregation does with a first or last period that the data (or the requested range) covers only in
 * part — e.g. a day whose log starts at 15:00. Either way {@link AggregationResult} reports whether the
 * first and last periods were partial.
 *
 * @since 0.1.0
 */
public enum PartialPeriods {
    /** Keep partial periods in the series (flagged in the result). */
    KEEP,
    /** Drop partial first and last periods from the series. */
    DROP
}
