package org.forecast4j.core.io;

/**
 * A problem in a CSV input: a missing column, a cell that is not a number or a timestamp, duplicate, unordered
 * or irregular timestamps. The message names the source, the line and the column, e.g.
 * {@code "orders.csv line 17, column 'y': 'abc' is not a number"}; the parts are also available separately.
 *
 * @since 0.1.0
 */
public class CsvFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param source file name or other description of the input
     * @param line   1-based physical line number (the header is line 1), or 0 when the problem has no line
     * @param column column name, or null when the problem is not about one column
     * @param detail what is wrong, lower case, e.g. {@code "'abc' is not a number"}
     */
    public CsvFormatException(String source, long line, String column, String detail) {
        super(format(source, line, column, detail));
        this.source = source;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    private static String format(String source, long line, String column, String detail) {
        StringBuilder b = new StringBuilder(source == null ? "input" : source);
        if (line > 0) {
            b.append(" line ").append(line);
        }
        if (column != null) {
            b.append(line > 0 ? ", column '" : " column '").append(column).append('\'');
        }
        return b.append(": ").append(detail).toString();
    }

    /**
     * The input's name (usually the path as given).
     *
     * @return source name
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line number (header = line 1), or 0 when the problem is not on one line.
     *
     * @return line number or 0
     */
    public long line() {
        return line;
    }

    /**
     * The column name, or null.
     *
     * @return column or null
     */
    public String column() {
        return column;
    }

    /**
     * The description of the problem without the location.
     *
     * @return detail
     */
    public String detail() {
        return detail;
    }
}
