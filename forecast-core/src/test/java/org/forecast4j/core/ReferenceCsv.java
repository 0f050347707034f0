package org.forecast4j.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the small reference CSV files under {@code src/test/resources/reference}: a header row, comma-separated
 * cells (surrounding double quotes, as R's {@code write.csv} writes them, are dropped), {@code NA} for missing
 * numbers.
 */
public final class ReferenceCsv {

    private final List<String> header;
    private final List<String[]> rows;

    private ReferenceCsv(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * Loads a classpath resource.
     *
     * @param resource path, e.g. {@code "/reference/baselines/expected.csv"}
     * @return the table
     */
    public static ReferenceCsv load(String resource) {
        InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(unquote(r.readLine().split(",", -1)));
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(unquote(line.split(",", -1)));
                }
            }
            return new ReferenceCsv(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] unquote(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                cells[i] = c.substring(1, c.length() - 1);
            }
        }
        return cells;
    }

    /**
     * Number of data rows.
     *
     * @return rows
     */
    public int size() {
        return rows.size();
    }

    /**
     * A cell as text.
     *
     * @param row    0-based data row
     * @param column column name
     * @return the cell
     */
    public String text(int row, String column) {
        int c = header.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        return rows.get(row)[c];
    }

    /**
     * A cell as a number ({@code NA} is NaN).
     *
     * @param row    0-based data row
     * @param column column name
     * @return the value
     */
    public double number(int row, String column) {
        String s = text(row, column);
        return "NA".equals(s) ? Double.NaN : Double.parseDouble(s);
    }

    /**
     * A whole column as numbers.
     *
     * @param column column name
     * @return values, NaN for NA
     */
    public double[] column(String column) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(i, column);
        }
        return out;
    }
}
