package org.forecast4j.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;

/**
 * Reads the M4 competition's wide CSV layout (Makridakis, Spiliotis &amp; Assimakopoulos 2018; files
 * {@code Dataset/Train/Weekly-train.csv} and {@code Dataset/Test/Weekly-test.csv} of the Mcompetitions/M4-methods
 * repository): a header line ({@code "V1","V2",...}), then one row per series with the series id in the first
 * column and its observations, oldest first, in the next ones. Rows are padded with empty trailing cells to the
 * width of the header. The training file and the test file list the same ids in the same order.
 *
 * <pre>{@code
 * M4Data d = M4Reader.read(Path.of("Weekly-train.csv"), Path.of("Weekly-test.csv"), 13, 1);
 * for (String id : d.ids()) {
 *     double[] f = model.fit(d.train().get(id)).forecast(d.horizon(), List.of()).mean();
 *     double[] actual = d.test(id);
 * }
 * }</pre>
 *
 * <p>Every problem is a {@link CsvFormatException} naming the file, the line and the column: a row with more or
 * fewer cells than the header (a ragged row), an empty id, a duplicate id, a cell that is not a finite number,
 * an empty cell followed by a value (M4 series have no missing values inside), a series without values, ids that
 * differ between the two files, and a test row shorter than the horizon.
 *
 * @since 0.1.0
 */
public final class M4Reader {

    private M4Reader() {
    }

    /**
     * Reads a training and a test file; the horizon is the length of the shortest test row.
     *
     * @param train  the training file. Not modified.
     * @param test   the test file. Not modified.
     * @param period the seasonal period given to every training series, &gt; 0
     * @return the data set
     * @throws CsvFormatException       if a file is malformed (the message names file, line and column)
     * @throws IllegalArgumentException if {@code period <= 0}
     * @throws UncheckedIOException     if a file cannot be read (the message names it)
     */
    public static M4Data read(Path train, Path test, int period) {
        return load(train, test, 0, period);
    }

    /**
     * Reads a training and a test file and keeps the first {@code horizon} values of every test row.
     *
     * @param train   the training file. Not modified.
     * @param test    the test file. Not modified.
     * @param horizon the forecast horizon, &gt; 0; every test row must have at least this many values
     * @param period  the seasonal period given to every training series, &gt; 0
     * @return the data set
     * @throws CsvFormatException       if a file is malformed or a test row is shorter than the horizon
     * @throws IllegalArgumentException if {@code horizon <= 0} or {@code period <= 0}
     * @throws UncheckedIOException     if a file cannot be read (the message names it)
     */
    public static M4Data read(Path train, Path test, int horizon, int period) {
        if (horizon <= 0) {
            throw new IllegalArgumentException("horizon must be > 0, got " + horizon);
        }
        return load(train, test, horizon, period);
    }

    /** Reads both files; {@code horizon == 0} means the shortest test row. */
    private static M4Data load(Path train, Path test, int horizon, int period) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (period <= 0) {
            throw new IllegalArgumentException("period must be > 0, got " + period);
        }
        List<Row> trainRows = rows(train);
        List<Row> testRows = rows(test);
        if (trainRows.size() != testRows.size()) {
            throw new CsvFormatException(test.toString(), 0, null, "has " + testRows.size()
                    + " series, the training file " + train + " has " + trainRows.size());
        }
        int h = horizon;
        if (h == 0) {
            h = Integer.MAX_VALUE;
            for (Row r : testRows) {
                h = Math.min(h, r.values.length);
            }
        }
        Map<String, TimeSeries> series = new LinkedHashMap<>();
        Map<String, double[]> held = new LinkedHashMap<>();
        for (int i = 0; i < trainRows.size(); i++) {
            Row tr = trainRows.get(i);
            Row te = testRows.get(i);
            if (!tr.id.equals(te.id)) {
                throw new CsvFormatException(test.toString(), te.line, "V1", "series id '" + te.id
                        + "' differs from '" + tr.id + "' at the same position of the training file " + train);
            }
            if (te.values.length < h) {
                throw new CsvFormatException(test.toString(), te.line, null, "test series '" + te.id + "' has "
                        + te.values.length + " values, fewer than the horizon " + h);
            }
            series.put(tr.id, TimeSeries.builder(tr.values).frequency(Frequency.INDEX).period(period)
                    .name(tr.id).build());
            held.put(te.id, Arrays.copyOf(te.values, h));
        }
        return new M4Data(Panel.of(series), held, h);
    }

    /** One parsed row: id, values, 1-based line. */
    private static final class Row {
        final String id;
        final double[] values;
        final long line;

        Row(String id, double[] values, long line) {
            this.id = id;
            this.values = values;
            this.line = line;
        }
    }

    private static List<Row> rows(Path file) {
        String src = file.toString();
        List<Row> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Iterator<CSVRecord> it = CSVFormat.DEFAULT.parse(in).iterator();
            if (!it.hasNext()) {
                throw new CsvFormatException(src, 0, null, "is empty, expected a header line \"V1\",\"V2\",...");
            }
            CSVRecord header = it.next();
            int width = header.size();
            if (width < 2) {
                throw new CsvFormatException(src, 1, null, "header has " + width
                        + " column, expected an id column and at least one value column");
            }
            Map<String, Long> seen = new LinkedHashMap<>();
            double[] buf = new double[width - 1];
            while (it.hasNext()) {
                CSVRecord r = it.next();
                long line = r.getRecordNumber();
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (r.size() != width) {
                    throw new CsvFormatException(src, line, null, "row has " + r.size() + " cells, the header has "
                            + width + " (ragged row)");
                }
                String id = r.get(0).trim();
                if (id.isEmpty()) {
                    throw new CsvFormatException(src, line, header.get(0), "series id is empty");
                }
                Long before = seen.put(id, line);
                if (before != null) {
                    throw new CsvFormatException(src, line, header.get(0), "series id '" + id
                            + "' repeats line " + before);
                }
                int n = 0;
                int firstEmpty = -1;
                for (int c = 1; c < width; c++) {
                    String cell = r.get(c).trim();
                    if (cell.isEmpty()) {
                        if (firstEmpty < 0) {
                            firstEmpty = c;
                        }
                        continue;
                    }
                    if (firstEmpty >= 0) {
                        throw new CsvFormatException(src, line, header.get(c), "value '" + cell
                                + "' after the empty cell in column '" + header.get(firstEmpty)
                                + "' (M4 rows are values then empty padding)");
                    }
                    double v;
                    try {
                        v = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new CsvFormatException(src, line, header.get(c), "'" + cell + "' is not a number");
                    }
                    if (!Double.isFinite(v)) {
                        throw new CsvFormatException(src, line, header.get(c), "'" + cell
                                + "' is not a finite number");
                    }
                    buf[n++] = v;
                }
                if (n == 0) {
                    throw new CsvFormatException(src, line, null, "series '" + id + "' has no values");
                }
                out.add(new Row(id, Arrays.copyOf(buf, n), line));
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(src + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(src + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // commons-csv reports malformed quoting (e.g. an unterminated quote) as an IllegalStateException
            throw new CsvFormatException(src, 0, null, "malformed CSV: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new CsvFormatException(src, 0, null, "has a header but no series");
        }
        return out;
    }
}
