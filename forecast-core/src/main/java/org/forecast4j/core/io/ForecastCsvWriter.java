package org.forecast4j.core.io;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;

/**
 * Writes forecasts as CSV in the long layout, one row per series and step:
 * <pre>
 * series,timestamp,mean,lo80,hi80,lo95,hi95
 * orders,2024-04-01,431.0,395.2,466.8,376.3,485.7
 * </pre>
 * {@code series} is the series name (empty when it has none), {@code timestamp} the step's label (ISO date,
 * ISO date-time, or the index for series without dates), then the point forecast and, for each level in
 * ascending order, the lower and upper limits ({@code lo97.5}/{@code hi97.5} for a fractional level). Numbers
 * are written with {@link Double#toString(double)}, which round-trips exactly. The header is written with the
 * first forecast (or by {@link #flush()} if there is none).
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class ForecastCsvWriter implements Flushable {

    private final CSVPrinter printer;
    private final List<Level> levels;
    private boolean headerWritten;

    /**
     * Creates a writer.
     *
     * @param out    destination; not closed by this writer
     * @param levels the levels every forecast must carry, ascending
     */
    public ForecastCsvWriter(Appendable out, List<Level> levels) {
        Objects.requireNonNull(out, "out");
        this.levels = List.copyOf(Objects.requireNonNull(levels, "levels"));
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes all forecasts (which must share their levels) with a header line.
     *
     * @param forecasts forecasts, at least one
     * @param out       destination; not closed
     * @throws IllegalArgumentException if the list is empty or the levels differ
     */
    public static void writeAll(List<Forecast> forecasts, Appendable out) {
        Checks.requireArgument(!forecasts.isEmpty(), "forecasts must not be empty");
        ForecastCsvWriter w = new ForecastCsvWriter(out, forecasts.get(0).levels());
        for (Forecast f : forecasts) {
            w.write(f);
        }
        w.flush();
    }

    /**
     * Writes the rows of one forecast.
     *
     * @param f the forecast, with exactly this writer's levels
     * @throws IllegalArgumentException if the forecast's levels differ
     * @throws UncheckedIOException     if writing fails
     */
    public void write(Forecast f) {
        Checks.requireArgument(f.levels().equals(levels), "forecast levels %s differ from the writer's %s",
                f.levels(), levels);
        try {
            writeHeader();
            String name = f.seriesName() == null ? "" : f.seriesName();
            List<String> labels = f.labels();
            double[] mean = f.mean();
            double[][] lo = new double[levels.size()][];
            double[][] hi = new double[levels.size()][];
            for (int k = 0; k < levels.size(); k++) {
                lo[k] = f.lower(levels.get(k));
                hi[k] = f.upper(levels.get(k));
            }
            List<Object> row = new ArrayList<>(3 + 2 * levels.size());
            for (int i = 0; i < mean.length; i++) {
                row.clear();
                row.add(name);
                row.add(labels.get(i));
                row.add(Double.toString(mean[i]));
                for (int k = 0; k < levels.size(); k++) {
                    row.add(Double.toString(lo[k][i]));
                    row.add(Double.toString(hi[k][i]));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Column names: {@code series, timestamp, mean, lo<L>, hi<L>...}.
     *
     * @param levels levels, ascending
     * @return header names
     */
    public static List<String> header(List<Level> levels) {
        List<String> h = new ArrayList<>(List.of("series", "timestamp", "mean"));
        for (Level l : levels) {
            h.add("lo" + l);
            h.add("hi" + l);
        }
        return h;
    }

    private void writeHeader() throws IOException {
        if (!headerWritten) {
            printer.printRecord(header(levels));
            headerWritten = true;
        }
    }

    /**
     * Writes the header if nothing was written yet, and flushes the destination if it is flushable.
     *
     * @throws UncheckedIOException if writing fails
     */
    @Override
    public void flush() {
        try {
            writeHeader();
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
