package org.forecast4j.cli;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.io.CsvSeriesReader;
import picocli.CommandLine.Option;

/**
 * The input flags shared by {@code forecast} and {@code evaluate}: which file, which columns, frequency, seasonal
 * period and gap filling. {@link #read()} turns them into series with {@link CsvSeriesReader}.
 */
public class InputOptions {

    @Option(names = "--input", paramLabel = "<file>",
            description = "CSV file with a header line (.gz compressed files work too), or - for standard input "
                    + "(required, except for forecast --model-file).")
    Path input;

    @Option(names = "--date-column", paramLabel = "<name>",
            description = "Column of ISO dates or date-times. Default: a column named date, ds, timestamp, "
                    + "datetime or time (any case) if the file has one; otherwise observations are indexed 1..n.")
    String dateColumn;

    @Option(names = "--value-column", paramLabel = "<name>",
            description = "Column of values (empty, NA, NaN = missing). Default: the only column left after the "
                    + "date and key columns.")
    String valueColumn;

    @Option(names = "--key-column", paramLabel = "<name>",
            description = "Column of series keys: read a long panel and forecast every series.")
    String keyColumn;

    @Option(names = "--frequency", paramLabel = "<freq>",
            description = "hourly, daily, weekly, monthly, quarterly, yearly, index, or an ISO-8601 step such as "
                    + "PT15M. Default: inferred from the dates.")
    String frequency;

    @Option(names = "--period", paramLabel = "<m>",
            description = "Seasonal period (e.g. 7 for daily data with a weekly pattern). Default: the frequency's "
                    + "(hourly 24, daily 7, weekly 52, monthly 12, quarterly 4, otherwise 1).")
    Integer period;

    @Option(names = "--fill-gaps",
            description = "Insert missing values for missing periods instead of failing on gaps in the dates.")
    boolean fillGaps;

    /** The series read: one series, or the series of a panel in key order. */
    static final class Input {
        final Panel panel;
        final List<TimeSeries> series;

        Input(Panel panel, List<TimeSeries> series) {
            this.panel = panel;
            this.series = series;
        }
    }

    /**
     * Builds the reader the flags describe.
     *
     * @return the reader
     * @throws IllegalArgumentException if {@code --period} or {@code --frequency} is invalid
     */
    CsvSeriesReader reader() {
        // the reader finds a conventionally named date column (date, ds, ...) itself; --frequency index asks for
        // an indexed series, and standard input has always been read without detection
        boolean detect = dateColumn == null && !"index".equalsIgnoreCase(frequency == null ? "" : frequency.trim())
                && !(input != null && "-".equals(input.toString()));
        CsvSeriesReader r = CsvSeriesReader.create().withDateColumn(dateColumn).withDateColumnDetection(detect)
                .withValueColumn(valueColumn).withKeyColumn(keyColumn).withFillGaps(fillGaps);
        if (period != null) {
            if (period <= 0) {
                throw new IllegalArgumentException("--period must be > 0, got " + period);
            }
            r = r.withPeriod(period);
        }
        if (frequency != null) {
            Frequency f;
            try {
                f = Frequency.parse(frequency);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + e.getMessage(), e);
            }
            r = r.withFrequency(f);
        }
        return r;
    }

    /**
     * Reads the input.
     *
     * @return the series
     * @throws IllegalArgumentException          on bad flags or malformed content (file, line and column named)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    Input read() {
        if (input == null) {
            throw new IllegalArgumentException("Missing required option: '--input=<file>'");
        }
        CsvSeriesReader r = reader();
        boolean stdin = "-".equals(input.toString());
        if (keyColumn != null) {
            Panel p = stdin ? r.readPanel(stdinReader(), "<stdin>") : r.readPanel(input);
            return new Input(p, Collections.unmodifiableList(new ArrayList<>(p.asMap().values())));
        }
        TimeSeries s = stdin ? r.read(stdinReader(), "<stdin>") : r.read(input);
        return new Input(null, List.of(s));
    }

    private static Reader stdinReader() {
        return new InputStreamReader(System.in, StandardCharsets.UTF_8);
    }
}
