package org.forecast4j.core.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a read did: rows seen, events delivered, bad rows skipped with the first {@link #MAX_MESSAGES} messages
 * (each naming source, line and column).
 *
 * @since 0.1.0
 */
public final class ReadReport {

    /** Number of bad-row messages kept; further bad rows are only counted. */
    public static final int MAX_MESSAGES = 20;

    private final String source;
    private final long rows;
    private final long events;
    private final long badRows;
    private final List<String> messages;

    /**
     * Creates a report.
     *
     * @param source   source description
     * @param rows     data rows read (excluding a header)
     * @param events   events passed to the handler
     * @param badRows  rows skipped as unparseable
     * @param messages first messages. Not modified (copied).
     */
    public ReadReport(String source, long rows, long events, long badRows, List<String> messages) {
        this.source = source;
        this.rows = rows;
        this.events = events;
        this.badRows = badRows;
        this.messages = Collections.unmodifiableList(new ArrayList<>(messages));
    }

    /**
     * Returns the source description.
     *
     * @return file name or query
     */
    public String source() {
        return source;
    }

    /**
     * Returns the number of data rows read.
     *
     * @return rows, excluding any header
     */
    public long rows() {
        return rows;
    }

    /**
     * Returns the number of events delivered.
     *
     * @return events
     */
    public long events() {
        return events;
    }

    /**
     * Returns the number of bad rows skipped.
     *
     * @return bad rows
     */
    public long badRows() {
        return badRows;
    }

    /**
     * Returns the first bad-row messages.
     *
     * @return at most {@link #MAX_MESSAGES} messages, in file order
     */
    public List<String> messages() {
        return messages;
    }

    @Override
    public String toString() {
        return "ReadReport[" + source + ": rows=" + rows + ", events=" + events + ", badRows=" + badRows + "]";
    }
}
