package org.forecast4j.core.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the reference CSV files under {@code src/test/resources/reference/} (written by {@code stats_transforms.R},
 * R 4.2.2 + forecast 8.20) and the series they were computed from. {@code NA} cells read as NaN.
 */
public final class ReferenceFiles {

    private ReferenceFiles() {
    }

    /**
     * Rows of a reference CSV, each a column-name to cell map.
     *
     * @param file file name under {@code reference/}
     * @return rows in file order
     */
    public static List<Map<String, String>> rows(String file) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new HashMap<>(rec.toMap()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rows matching a filter.
     *
     * @param file   file name
     * @param filter which rows
     * @return matching rows in file order
     */
    public static List<Map<String, String>> rows(String file, Predicate<Map<String, String>> filter) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> row : rows(file)) {
            if (filter.test(row)) {
                out.add(row);
            }
        }
        return out;
    }

    /**
     * A numeric cell ({@code NA} → NaN).
     *
     * @param row    the row
     * @param column column name
     * @return the value
     */
    public static double num(Map<String, String> row, String column) {
        String s = row.get(column);
        if (s == null) {
            throw new IllegalArgumentException("no column " + column + " in " + row.keySet());
        }
        return "NA".equals(s) ? Double.NaN : Double.parseDouble(s);
    }

    /**
     * A column of numbers from a list of rows.
     *
     * @param rows   rows
     * @param column column name
     * @return values in row order
     */
    public static double[] column(List<Map<String, String>> rows, String column) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num(rows.get(i), column);
        }
        return v;
    }

    /**
     * The {@code y} column of {@code reference/series/<name>.csv}.
     *
     * @param name series name, e.g. {@code AirPassengers}
     * @return the values
     */
    public static double[] series(String name) {
        return column(rows("series/" + name + ".csv"), "y");
    }
}
