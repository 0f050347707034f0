package org.forecast4j.core.events;

import java.time.LocalDateTime;
import org.forecast4j.core.Panel;

/**
 * The outcome of an aggregation: the {@link Panel} of regular series (explicit zeros for periods without
 * events) and the bookkeeping that says what went into it — events seen, aggregated and left out, whether the
 * first and last periods were only partly covered (and dropped), and how many ratio values are undefined (NaN).
 * Immutable.
 *
 * @since 0.1.0
 */
public final class AggregationResult {

    private final Panel panel;
    private final AggregationSpec spec;
    private final LocalDateTime start;
    private final int length;
    private final boolean firstPartial;
    private final boolean lastPartial;
    private final long eventsSeen;
    private final long eventsAggregated;
    private final long eventsOutOfRange;
    private final long eventsWithoutValue;
    private final long undefinedValues;

    AggregationResult(Panel panel, AggregationSpec spec, LocalDateTime start, int length, boolean firstPartial,
                      boolean lastPartial, long eventsSeen, long eventsAggregated, long eventsOutOfRange,
                      long eventsWithoutValue, long undefinedValues) {
        this.panel = panel;
        this.spec = spec;
        this.start = start;
        this.length = length;
        this.firstPartial = firstPartial;
        this.lastPartial = lastPartial;
        this.eventsSeen = eventsSeen;
        this.eventsAggregated = eventsAggregated;
        this.eventsOutOfRange = eventsOutOfRange;
        this.eventsWithoutValue = eventsWithoutValue;
        this.undefinedValues = undefinedValues;
    }

    /**
     * Returns the panel: one series per key, all with the same start, length and frequency.
     *
     * @return the panel (possibly without series when no event matched)
     */
    public Panel panel() {
        return panel;
    }

    /**
     * Returns the spec that produced this result.
     *
     * @return spec
     */
    public AggregationSpec spec() {
        return spec;
    }

    /**
     * Local start of the first period of every series.
     *
     * @return start, or null when the panel is empty
     */
    public LocalDateTime start() {
        return start;
    }

    /**
     * Number of periods of every series.
     *
     * @return length
     */
    public int length() {
        return length;
    }

    /**
     * Whether the first period is only partly covered by the range (or, without a range, by the data taken to
     * whole hours). Under {@link PartialPeriods#DROP} that period was removed.
     *
     * @return true if partial
     */
    public boolean firstPeriodPartial() {
        return firstPartial;
    }

    /**
     * Whether the last period is only partly covered. Under {@link PartialPeriods#DROP} it was removed.
     *
     * @return true if partial
     */
    public boolean lastPeriodPartial() {
        return lastPartial;
    }

    /**
     * Events passed to the aggregator.
     *
     * @return count
     */
    public long eventsSeen() {
        return eventsSeen;
    }

    /**
     * Events that contributed to the measure (right type, inside the range, in a kept period).
     *
     * @return count
     */
    public long eventsAggregated() {
        return eventsAggregated;
    }

    /**
     * Events of a relevant type outside the requested range (or in a dropped partial period).
     *
     * @return count
     */
    public long eventsOutOfRange() {
        return eventsOutOfRange;
    }

    /**
     * Relevant events without the value the measure needs (revenue: purchases without a price).
     *
     * @return count
     */
    public long eventsWithoutValue() {
        return eventsWithoutValue;
    }

    /**
     * Number of (key, period) values that are undefined (NaN) because a ratio had no denominator.
     *
     * @return count; always 0 for count, sum and distinct measures
     */
    public long undefinedValues() {
        return undefinedValues;
    }

    /**
     * Relative standard error of each value: {@code 1.04/sqrt(2^p)} for HyperLogLog, 0 for exact measures.
     *
     * @return relative standard error
     */
    public double relativeStandardError() {
        return spec.measure().relativeStandardError();
    }

    @Override
    public String toString() {
        return "AggregationResult[" + panel.size() + " series × " + length + " periods from " + start
                + ", seen=" + eventsSeen + ", aggregated=" + eventsAggregated + ", outOfRange=" + eventsOutOfRange
                + (firstPartial ? ", first partial" : "") + (lastPartial ? ", last partial" : "") + "]";
    }
}
