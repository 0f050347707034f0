package org.forecast4j.core.events;

/**
 * A row of an event source could not be parsed (thrown under {@link BadRowPolicy#FAIL}). The message names the
 * source, the 1-based line (or result-set row), the column and the problem, e.g.
 * {@code "events.csv:17: column 5 (timestamp): expected an integer, got '15x'"}.
 *
 * @since 0.1.0
 */
public class EventParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /**
     * Creates the exception.
     *
     * @param source file name or query description
     * @param line   1-based line or row number
     * @param detail what is wrong, naming the column
     */
    public EventParseException(String source, long line, String detail) {
        super(source + ":" + line + ": " + detail);
        this.source = source;
        this.line = line;
    }

    /**
     * Returns the source.
     *
     * @return file name or query description
     */
    public String source() {
        return source;
    }

    /**
     * Returns the line.
     *
     * @return 1-based line or row number
     */
    public long line() {
        return line;
    }
}
