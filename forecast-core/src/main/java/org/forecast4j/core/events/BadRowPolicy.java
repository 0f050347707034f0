package org.forecast4j.core.events;

/**
 * What a reader does with a row it cannot parse.
 *
 * @since 0.1.0
 */
public enum BadRowPolicy {
    /** Skip the row, count it and keep the first few messages in the {@link ReadReport}. */
    SKIP,
    /** Stop reading and throw an {@link EventParseException} naming the file, line and column. */
    FAIL
}
