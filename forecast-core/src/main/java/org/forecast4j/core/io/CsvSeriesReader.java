package org.forecast4j.core.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one series, or a long panel of keyed series, from a CSV file with a header line. The file is streamed
 * once (commons-csv, RFC 4180 quoting, UTF-8, gzip-compressed input detected from its magic bytes).
 *
 * <pre>{@code
 * TimeSeries y = CsvSeriesReader.create().withDateColumn("date").withValueColumn("y").read(Path.of("orders.csv"));
 * Panel p = CsvSeriesReader.create().withKeyColumn("category").withDateColumn("date").withValueColumn("buys")
 *         .withFillGaps(true).readPanel(Path.of("panel.csv.gz"));
 * }</pre>
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li><b>Value column</b>: numbers ({@code 12}, {@code -3.5}, {@code 1e3}); an empty cell, {@code NA},
 *       {@code N/A}, {@code NaN} or {@code null} (any case) is a missing value. When no value column is named,
 *       the one column left after the date and key columns is used, or else the one named {@code y} or
 *       {@code value} (any case).</li>
 *   <li><b>Date column</b> (optional): ISO dates or date-times, see the accepted forms below. It is the column
 *       {@link #withDateColumn(String) named}, or, with {@link #withDateColumnDetection(boolean) detection} on and
 *       no name given, the first column (other than the key and a named value column) called {@code date},
 *       {@code ds}, {@code timestamp}, {@code datetime} or {@code time}, preferred in that order (any case,
 *       surrounding blanks ignored). Without a date column the series has no dates: observations are indexed
 *       1..n ({@link Frequency#INDEX}), and a given frequency only sets the default seasonal period.</li>
 *   <li><b>Key column</b> (panels only): rows may come in any order of keys; keys keep the order of their first
 *       appearance, and each key's rows must be in increasing time order.</li>
 * </ul>
 * Timestamps: {@code 2024}, {@code 2024-03}, {@code 2024-03-31}, {@code 2024-03-31T13:00[:00]} (a blank may
 * replace the {@code T}), or with an offset ({@code Z}, {@code +02:00}; converted to UTC). Blank lines are
 * skipped. Column names match exactly, or else ignoring case and surrounding blanks. The header is parsed like
 * every other line (quoted names, the {@link #withDelimiter(char) delimiter}); a leading UTF-8 byte order mark is
 * dropped.
 *
 * <h2>Frequency and regularity</h2>
 * The frequency is the one given, or inferred from the timestamps ({@link FrequencyInference}). The timestamps of a
 * series must be unique, increasing and on the grid {@code t0 + k·step}; a duplicate, an earlier timestamp, a
 * timestamp off the grid, or (unless {@link #withFillGaps(boolean) gap filling} is on) a gap is reported as a
 * {@link CsvFormatException} naming the file, line and column. With gap filling, missing periods become
 * {@code NaN}. Month-based series whose dates are all month ends stay on month ends (30 June, 30 September,
 * 31 December). The seasonal period is the one given, or the frequency's default.
 *
 * <p>Instances are immutable and thread-safe; each {@code withX} method returns a new reader.
 *
 * @since 0.1.0
 */
public final class CsvSeriesReader {

    private static final Logger LOG = LoggerFactory.getLogger(CsvSeriesReader.class);
    /** Names of a date column found by {@link #withDateColumnDetection(boolean) detection}, preferred first. */
    private static final List<String> DATE_COLUMN_NAMES = List.of("date", "ds", "timestamp", "datetime", "time");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String valueColumn;
    private final String dateColumn;
    private final String keyColumn;
    private final Frequency frequency;
    private final int period;
    private final boolean fillGaps;
    private final boolean detectDateColumn;
    private final char delimiter;

    private CsvSeriesReader(String valueColumn, String dateColumn, String keyColumn, Frequency frequency, int period,
                            boolean fillGaps, boolean detectDateColumn, char delimiter) {
        this.valueColumn = valueColumn;
        this.dateColumn = dateColumn;
        this.keyColumn = keyColumn;
        this.frequency = frequency;
        this.period = period;
        this.fillGaps = fillGaps;
        this.detectDateColumn = detectDateColumn;
        this.delimiter = delimiter;
    }

    /**
     * A reader with no columns named (a one-column file is read as indexed values), no date column detection, an
     * inferred frequency, the frequency's default period, no gap filling and comma-separated fields.
     *
     * @return the reader
     */
    public static CsvSeriesReader create() {
        return new CsvSeriesReader(null, null, null, null, 0, false, false, ',');
    }

    /**
     * Names the value column.
     *
     * @param name column name, or null to use the only column left after the date and key columns (or else the
     *             one named {@code y} or {@code value})
     * @return a new reader
     */
    public CsvSeriesReader withValueColumn(String name) {
        return new CsvSeriesReader(name, dateColumn, keyColumn, frequency, period, fillGaps, detectDateColumn,
                delimiter);
    }

    /**
     * Names the date column.
     *
     * @param name column name, or null for a series without dates (indexed 1..n), or, with
     *             {@link #withDateColumnDetection(boolean) detection} on, for the conventionally named column
     * @return a new reader
     */
    public CsvSeriesReader withDateColumn(String name) {
        return new CsvSeriesReader(valueColumn, name, keyColumn, frequency, period, fillGaps, detectDateColumn,
                delimiter);
    }

    /**
     * Names the key column of a long panel (used by {@link #readPanel(Path)}).
     *
     * @param name column name
     * @return a new reader
     */
    public CsvSeriesReader withKeyColumn(String name) {
        return new CsvSeriesReader(valueColumn, dateColumn, name, frequency, period, fillGaps, detectDateColumn,
                delimiter);
    }

    /**
     * Sets the frequency instead of inferring it.
     *
     * @param f the frequency, or null to infer it from the timestamps
     * @return a new reader
     */
    public CsvSeriesReader withFrequency(Frequency f) {
        return new CsvSeriesReader(valueColumn, dateColumn, keyColumn, f, period, fillGaps, detectDateColumn,
                delimiter);
    }

    /**
     * Sets the seasonal period of the series read.
     *
     * @param p period &ge; 1, or 0 for the frequency's default
     * @return a new reader
     * @throws IllegalArgumentException if {@code p < 0}
     */
    public CsvSeriesReader withPeriod(int p) {
        Checks.requireNonNegative(p, "period");
        return new CsvSeriesReader(valueColumn, dateColumn, keyColumn, frequency, p, fillGaps, detectDateColumn,
                delimiter);
    }

    /**
     * Whether missing periods (gaps in the timestamps) are filled with NaN instead of reported as errors.
     *
     * @param fill true to fill gaps
     * @return a new reader
     */
    public CsvSeriesReader withFillGaps(boolean fill) {
        return new CsvSeriesReader(valueColumn, dateColumn, keyColumn, frequency, period, fill, detectDateColumn,
                delimiter);
    }

    /**
     * Whether, when no date column is {@link #withDateColumn(String) named}, a column called {@code date},
     * {@code ds}, {@code timestamp}, {@code datetime} or {@code time} (any case, surrounding blanks ignored;
     * preferred in that order) is read as the date column. The key column and a named value column are never
     * taken. Without such a column the series is indexed 1..n as before. Off by default.
     *
     * @param detect true to look for a conventionally named date column
     * @return a new reader
     */
    public CsvSeriesReader withDateColumnDetection(boolean detect) {
        return new CsvSeriesReader(valueColumn, dateColumn, keyColumn, frequency, period, fillGaps, detect, delimiter);
    }

    /**
     * Sets the field delimiter (the header line included).
     *
     * @param d the delimiter, e.g. {@code ';'} or {@code '\t'}; not a quote or a line break
     * @return a new reader
     * @throws IllegalArgumentException if {@code d} is a double quote, CR or LF
     */
    public CsvSeriesReader withDelimiter(char d) {
        Checks.requireArgument(d != '"' && d != '\r' && d != '\n',
                "delimiter must not be a double quote or a line break, got U+%04X", (int) d);
        return new CsvSeriesReader(valueColumn, dateColumn, keyColumn, frequency, period, fillGaps, detectDateColumn,
                d);
    }

    /**
     * Reads one series from a file (gzip-compressed files are detected). The series is named after the value
     * column.
     *
     * @param file CSV file with a header line
     * @return the series
     * @throws CsvFormatException   if the content is malformed (message names file, line and column)
     * @throws UncheckedIOException if the file cannot be read (message names the file)
     */
    public TimeSeries read(Path file) {
        try (Reader r = open(file)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /**
     * Reads one series from a character stream. The reader is not closed.
     *
     * @param in     CSV text with a header line
     * @param source name of the input for messages, e.g. the file name
     * @return the series
     * @throws CsvFormatException if the content is malformed
     */
    public TimeSeries read(Reader in, String source) {
        Objects.requireNonNull(in, "in");
        Checks.requireArgument(keyColumn == null,
                "key column '%s' is set: use readPanel to read a panel of keyed series", keyColumn);
        Parsed parsed = parse(in, source);
        Map.Entry<String, Rows> only = parsed.rows.entrySet().iterator().next();
        Frequency f = resolveFrequency(parsed, source);
        return build(only.getValue(), only.getKey(), f, parsed.dateColumn, source, "");
    }

    /**
     * Reads a long panel (key, date, value columns) from a file; keys keep the order of first appearance.
     *
     * @param file CSV file with a header line
     * @return the panel
     * @throws CsvFormatException   if the content is malformed
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalStateException if no key column was set
     */
    public Panel readPanel(Path file) {
        try (Reader r = open(file)) {
            return readPanel(r, file.toString());
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /**
     * Reads a long panel from a character stream. The reader is not closed.
     *
     * @param in     CSV text with a header line
     * @param source name of the input for messages
     * @return the panel
     * @throws CsvFormatException   if the content is malformed
     * @throws IllegalStateException if no key column was set
     */
    public Panel readPanel(Reader in, String source) {
        Objects.requireNonNull(in, "in");
        Checks.requireState(keyColumn != null, "a panel needs a key column (withKeyColumn)");
        Parsed parsed = parse(in, source);
        Frequency f = resolveFrequency(parsed, source);
        LinkedHashMap<String, TimeSeries> out = new LinkedHashMap<>();
        for (Map.Entry<String, Rows> e : parsed.rows.entrySet()) {
            out.put(e.getKey(), build(e.getValue(), e.getKey(), f, parsed.dateColumn, source,
                    " in series '" + e.getKey() + "'"));
        }
        return Panel.of(out);
    }

    /**
     * Opens a file for reading as UTF-8 text, decompressing it when it starts with the gzip magic bytes.
     *
     * @param file the file
     * @return a reader; the caller closes it
     * @throws IOException if the file cannot be opened
     */
    static Reader open(Path file) throws IOException {
        return new InputStreamReader(Inputs.open(file), StandardCharsets.UTF_8);
    }

    private static UncheckedIOException ioFailure(Path file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file";
        } else if (Files.isDirectory(file)) {
            why = "is a directory, not a file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            why = "not a valid gzip file (" + e.getMessage() + ")";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new UncheckedIOException(file + ": cannot read: " + why, e);
    }

    /** The rows of one series as parsed: timestamps (epoch seconds), values and line numbers. */
    private static final class Rows {
        long[] t = new long[64];
        double[] v = new double[64];
        long[] line = new long[64];
        int n;

        void add(long ti, double vi, long li) {
            if (n == v.length) {
                int c = Math.max(64, n + (n >> 1));
                t = Arrays.copyOf(t, c);
                v = Arrays.copyOf(v, c);
                line = Arrays.copyOf(line, c);
            }
            t[n] = ti;
            v[n] = vi;
            line[n] = li;
            n++;
        }
    }

    /** What a parse found: the rows of each series, and the date column used (null without dates). */
    private static final class Parsed {
        final Map<String, Rows> rows;
        final String dateColumn;

        Parsed(Map<String, Rows> rows, String dateColumn) {
            this.rows = rows;
            this.dateColumn = dateColumn;
        }
    }

    private Parsed parse(Reader in, String source) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(skipByteOrderMark(in)).setFormat(format).get();
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(source, 1, null, "bad header: " + oneLine(e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            throw new CsvFormatException(source, 1, null, "cannot parse the header: " + oneLine(e.getMessage()));
        }
        List<String> header = new ArrayList<>(parser.getHeaderNames());
        if (header.isEmpty()) {
            throw new CsvFormatException(source, 0, null, "file is empty (no header line)");
        }
        int keyIdx = keyColumn == null ? -1 : column(header, keyColumn, source);
        int dateIdx = dateColumn == null ? -1 : column(header, dateColumn, source);
        int namedValueIdx = valueColumn == null ? -1 : column(header, valueColumn, source);
        if (dateIdx < 0 && detectDateColumn) {
            dateIdx = conventionalDateColumn(header, keyIdx, namedValueIdx);
        }
        int valueIdx = namedValueIdx >= 0 ? namedValueIdx : defaultValueColumn(header, keyIdx, dateIdx, source);
        // messages name a given date column as given, a detected one as the header spells it
        String usedDateColumn = dateColumn != null ? dateColumn : dateIdx < 0 ? null : header.get(dateIdx).trim();
        if (dateColumn == null && dateIdx >= 0) {
            LOG.debug("{}: using column '{}' as the date column", source, header.get(dateIdx));
        }
        String valueName = header.get(valueIdx);
        String dateName = dateIdx < 0 ? null : header.get(dateIdx);
        String keyName = keyIdx < 0 ? null : header.get(keyIdx);

        LinkedHashMap<String, Rows> byKey = new LinkedHashMap<>();
        Rows single = keyIdx < 0 ? new Rows() : null;
        if (single != null) {
            byKey.put(valueName, single);
        }
        long previousEnd = parser.getCurrentLineNumber();
        long records = 0;
        java.util.Iterator<CSVRecord> it = parser.iterator();
        while (true) {
            CSVRecord rec;
            try {
                if (!it.hasNext()) {
                    break;
                }
                rec = it.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new CsvFormatException(source, previousEnd + 1, null,
                        "malformed CSV: " + oneLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
            long line = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            if (rec.size() == 1 && rec.get(0).isBlank() && header.size() > 1) {
                continue; // blank line
            }
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue; // blank line of a one-column file
            }
            if (rec.size() != header.size()) {
                throw new CsvFormatException(source, line, null,
                        "expected " + header.size() + " fields (" + String.join(", ", header) + "), got " + rec.size());
            }
            double value = parseValue(rec.get(valueIdx), source, line, valueName);
            long time = dateIdx < 0 ? 0 : parseTime(rec.get(dateIdx), source, line, dateName);
            Rows target = single;
            if (target == null) {
                String key = rec.get(keyIdx).trim();
                if (key.isEmpty()) {
                    throw new CsvFormatException(source, line, keyName, "empty key");
                }
                target = byKey.computeIfAbsent(key, k -> new Rows());
            }
            target.add(time, value, line);
            records++;
        }
        if (records == 0) {
            throw new CsvFormatException(source, 0, null, "no data rows (the series is empty)");
        }
        LOG.debug("{}: read {} rows in {} series", source, records, byKey.size());
        return new Parsed(byKey, usedDateColumn);
    }

    /**
     * Drops a leading UTF-8 byte order mark (U+FEFF), which would otherwise become part of the first column name
     * and, before a quote, stop commons-csv from reading the name as quoted.
     */
    private static Reader skipByteOrderMark(Reader in) {
        PushbackReader r = new PushbackReader(in, 1);
        try {
            int c = r.read();
            if (c >= 0 && c != '\uFEFF') {
                r.unread(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    /**
     * The first of {@link #DATE_COLUMN_NAMES} (in their order of preference) that names a column other than the
     * key and value columns, ignoring case and surrounding blanks; -1 if none does.
     */
    private static int conventionalDateColumn(List<String> header, int keyIdx, int valueIdx) {
        for (String want : DATE_COLUMN_NAMES) {
            for (int j = 0; j < header.size(); j++) {
                if (j != keyIdx && j != valueIdx && header.get(j).trim().equalsIgnoreCase(want)) {
                    return j;
                }
            }
        }
        return -1;
    }

    private static int column(List<String> header, String name, String source) {
        int i = header.indexOf(name);
        if (i >= 0) {
            return i;
        }
        int found = -1;
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).trim().equalsIgnoreCase(name.trim())) {
                if (found >= 0) {
                    throw new CsvFormatException(source, 1, name, "ambiguous column name: matches '"
                            + header.get(found) + "' and '" + header.get(j) + "'");
                }
                found = j;
            }
        }
        if (found < 0) {
            throw new CsvFormatException(source, 1, name, "no such column; the columns are "
                    + String.join(", ", header));
        }
        return found;
    }

    private static int defaultValueColumn(List<String> header, int keyIdx, int dateIdx, String source) {
        int candidate = -1;
        int count = 0;
        for (int j = 0; j < header.size(); j++) {
            if (j != keyIdx && j != dateIdx) {
                candidate = j;
                count++;
            }
        }
        if (count > 1) {
            // several candidates: a column named "y" or "value" is the conventional value column
            int named = -1;
            for (int j = 0; j < header.size(); j++) {
                String h = header.get(j).trim();
                if (j != keyIdx && j != dateIdx && (h.equalsIgnoreCase("y") || h.equalsIgnoreCase("value"))) {
                    if (named >= 0) {
                        named = -2;
                        break;
                    }
                    named = j;
                }
            }
            if (named >= 0) {
                LOG.debug("{}: using column '{}' as the value column", source, header.get(named));
                return named;
            }
        }
        if (count != 1) {
            throw new CsvFormatException(source, 1, null, "name the value column: "
                    + (count == 0 ? "no column is left for values" : "candidates are " + others(header, keyIdx, dateIdx)));
        }
        return candidate;
    }

    private static String others(List<String> header, int keyIdx, int dateIdx) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            if (j != keyIdx && j != dateIdx) {
                out.add(header.get(j));
            }
        }
        return String.join(", ", out);
    }

    /**
     * Whether a cell denotes a missing value: empty, NA, N/A, NaN or null, in any case, blanks ignored.
     *
     * @param cell trimmed cell text
     * @return true if missing
     */
    static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN")
                || cell.equalsIgnoreCase("N/A") || cell.equalsIgnoreCase("null");
    }

    private static double parseValue(String raw, String source, long line, String column) {
        String cell = raw.trim();
        if (isMissing(cell)) {
            return Double.NaN;
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new CsvFormatException(source, line, column, "'" + raw + "' is not a number");
        }
        double d = Double.parseDouble(cell);
        if (!Double.isFinite(d)) {
            throw new CsvFormatException(source, line, column, "'" + raw + "' is out of the range of a double");
        }
        return d;
    }

    private static long parseTime(String raw, String source, long line, String column) {
        String cell = raw.trim();
        if (cell.isEmpty()) {
            throw new CsvFormatException(source, line, column, "missing timestamp");
        }
        LocalDateTime t = Timestamps.parse(cell);
        if (t == null) {
            throw new CsvFormatException(source, line, column, "'" + raw
                    + "' is not an ISO date or date-time (e.g. 2024-03-31 or 2024-03-31T13:00)");
        }
        return Timestamps.seconds(t);
    }

    private Frequency resolveFrequency(Parsed parsed, String source) {
        Map<String, Rows> rows = parsed.rows;
        if (parsed.dateColumn == null || (frequency != null && !frequency.isCalendar())) {
            return Frequency.INDEX;
        }
        if (frequency != null) {
            return frequency;
        }
        FrequencyInference counter = FrequencyInference.counter();
        for (Rows r : rows.values()) {
            counter.addAll(r.t, r.n);
        }
        Frequency f = counter.result();
        if (f == null) {
            throw new CsvFormatException(source, 0, parsed.dateColumn,
                    "cannot infer the frequency from a single timestamp per series; give the frequency");
        }
        LOG.debug("{}: inferred frequency {}", source, f);
        return f;
    }

    private TimeSeries build(Rows r, String name, Frequency f, String dateName, String source, String what) {
        int p = period > 0 ? period : frequency != null ? frequency.defaultPeriod() : f.defaultPeriod();
        if (!f.isCalendar()) {
            return TimeSeries.builder(Arrays.copyOf(r.v, r.n)).frequency(Frequency.INDEX).period(p).name(name).build();
        }
        boolean monthEnd = f.isMonthBased() && RegularGrid.allMonthEnds(r.t, r.n);
        RegularGrid.Aligned a = RegularGrid.align(r.t, r.v, r.line, r.n, f, monthEnd, fillGaps, source, dateName,
                what);
        if (a.filled > 0) {
            LOG.info("{}: filled {} missing {} periods{} with NaN", source, a.filled, f, what);
        }
        LocalDateTime start = Timestamps.of(r.t[0]);
        int lead = monthEnd ? monthEndLead(start, f) : 0;
        if (lead == 0) {
            return TimeSeries.builder(a.values).start(start).frequency(f).period(p).name(name).build();
        }
        // a month-end series starting in a short month (e.g. quarter ends from 30 June): build it from an earlier
        // month end of the longest length (31 March), lead steps before, and drop those steps; the slice keeps
        // that day as its anchor, so later timestamps land on month ends (30 Sep, 31 Dec) instead of the start's
        // day of month (30 Dec)
        double[] padded = new double[lead + a.values.length];
        Arrays.fill(padded, 0, lead, Double.NaN);
        System.arraycopy(a.values, 0, padded, lead, a.values.length);
        YearMonth anchorMonth = YearMonth.from(start).minusMonths(lead * ((Period) f.step()).toTotalMonths());
        LocalDateTime anchor = anchorMonth.atEndOfMonth().atTime(start.toLocalTime());
        return TimeSeries.builder(padded).start(anchor).frequency(f).period(p).name(name).build()
                .window(lead, padded.length);
    }

    /**
     * For a month-based series anchored on month ends whose start month is shorter than the longest month the
     * series visits (30 June for quarter ends, 28 February for year ends): how many steps back lies a month of that
     * longest length, or 0 when the start needs no anchoring.
     */
    private static int monthEndLead(LocalDateTime start, Frequency f) {
        long stepMonths = ((Period) f.step()).toTotalMonths();
        YearMonth ym = YearMonth.from(start);
        int longest = 0;
        for (int j = 0; j < 12; j++) {
            longest = Math.max(longest, ym.plusMonths(j * stepMonths).getMonth().maxLength());
        }
        if (start.getDayOfMonth() >= longest) {
            return 0;
        }
        // a 31-day month recurs within 12 steps, a leap February within 8 yearly steps
        for (int k = 1; k <= 12; k++) {
            if (ym.minusMonths(k * stepMonths).lengthOfMonth() == longest) {
                return k;
            }
        }
        return 0;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    @Override
    public String toString() {
        return "CsvSeriesReader[value=" + valueColumn + ", date=" + dateColumn + ", key=" + keyColumn + ", frequency="
                + frequency + ", period=" + period + ", fillGaps=" + fillGaps + ", detectDate=" + detectDateColumn
                + ", delimiter=" + delimiter + "]";
    }
}
