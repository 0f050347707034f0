package org.forecast4j.core.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.forecast4j.core.io.Inputs;

/**
 * Streaming reader of any delimited file with a header row, its columns mapped to event fields by a
 * {@link ColumnMapping} (parsing by Apache Commons CSV, so quoted fields with commas work). Gzip-compressed
 * files are recognised by their magic bytes. Text identifiers are mapped through an {@link IdDictionary}
 * ({@link #dictionary()}), whose {@code name} method turns panel keys back into the original codes.
 *
 * <pre>{@code
 * CsvEventReader r = CsvEventReader.of(Path.of("online_retail.csv.gz"), retailMapping)
 *         .withPolicy(BadRowPolicy.SKIP);
 * AggregationSpec spec = AggregationSpec.builder().measure(Measure.revenue()).by(GroupKey.item())
 *         .keyNames(r.dictionary()::name).zone(ZoneId.of("Europe/London")).build();
 * }</pre>
 *
 * <p>A row is bad when it has fewer fields than the header needs, a number or timestamp does not parse or a
 * type is not a valid name; the message names file, line and column. Empty id fields are absent ids; empty
 * quantity and price are absent (NaN). Memory is constant in the file size (plus the dictionary of distinct
 * text ids).
 *
 * @since 0.1.0
 */
public final class CsvEventReader implements EventSource {

    private final Path file;
    private final ColumnMapping mapping;
    private final BadRowPolicy policy;
    private final char delimiter;
    private final IdDictionary dictionary;

    private CsvEventReader(Path file, ColumnMapping mapping, BadRowPolicy policy, char delimiter,
                           IdDictionary dictionary) {
        this.file = file;
        this.mapping = mapping;
        this.policy = policy;
        this.delimiter = delimiter;
        this.dictionary = dictionary;
    }

    /**
     * A comma-separated reader that fails on the first bad row.
     *
     * @param file    CSV with a header row, optionally gzip-compressed
     * @param mapping column mapping
     * @return the reader
     */
    public static CsvEventReader of(Path file, ColumnMapping mapping) {
        return new CsvEventReader(Objects.requireNonNull(file, "file"), Objects.requireNonNull(mapping, "mapping"),
                BadRowPolicy.FAIL, ',', new IdDictionary());
    }

    /**
     * Returns a reader with another bad-row policy (same dictionary).
     *
     * @param p SKIP or FAIL
     * @return the reader
     */
    public CsvEventReader withPolicy(BadRowPolicy p) {
        return new CsvEventReader(file, mapping, Objects.requireNonNull(p, "policy"), delimiter, dictionary);
    }

    /**
     * Returns a reader with another delimiter (same dictionary).
     *
     * @param d e.g. {@code ';'} or {@code '\t'}
     * @return the reader
     */
    public CsvEventReader withDelimiter(char d) {
        return new CsvEventReader(file, mapping, policy, d, dictionary);
    }

    /**
     * Returns a reader that maps text ids through the given dictionary (to share ids between sources).
     *
     * @param d the dictionary
     * @return the reader
     */
    public CsvEventReader withDictionary(IdDictionary d) {
        return new CsvEventReader(file, mapping, policy, delimiter, Objects.requireNonNull(d, "dictionary"));
    }

    /**
     * The dictionary of text identifiers met so far.
     *
     * @return the dictionary (shared by reads of this reader)
     */
    public IdDictionary dictionary() {
        return dictionary;
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public ReadReport read(EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        String name = file.getFileName().toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (InputStream in = Inputs.open(file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            Columns cols = new Columns(mapping, header, name);
            BadRows bad = new BadRows(name, policy);
            BehaviorEvent ev = new BehaviorEvent();
            long rows = 0;
            long events = 0;
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    // commons-csv reports malformed quoting this way; a handler's own failure is not caught here
                    throw new EventParseException(name, parser.getCurrentLineNumber(),
                            "malformed CSV: " + e.getCause().getMessage());
                }
                rows++;
                long line = parser.getCurrentLineNumber();
                String problem = cols.fill(rec, ev, dictionary);
                if (problem != null) {
                    bad.report(line, problem);
                    continue;
                }
                handler.onEvent(ev);
                events++;
            }
            return bad.report(rows, events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Column indices resolved once from the header. */
    private static final class Columns extends ColumnMapping.Positions {
        final String[] header;
        final int maxIndex;

        Columns(ColumnMapping m, List<String> header, String source) {
            super(m, column -> index(header, column, source));
            this.header = header.toArray(new String[0]);
            maxIndex = Math.max(0, maxPosition());
        }

        static int index(List<String> header, String column, String source) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(source + ": column '" + column + "' not in header " + header);
            }
            return i;
        }

        /** Fills ev from the record; returns a problem description or null. */
        String fill(CSVRecord r, BehaviorEvent ev, IdDictionary dict) {
            if (r.size() <= maxIndex) {
                return "expected at least " + (maxIndex + 1) + " fields, got " + r.size();
            }
            long t;
            try {
                t = m.timeFormat().parse(r.get(time));
            } catch (IllegalArgumentException e) {
                return col(time) + e.getMessage();
            }
            BehaviorType bt = m.fixedType();
            if (type >= 0) {
                bt = m.resolveType(r.get(type));
                if (bt == null) {
                    return col(type) + "expected an event type name, got '" + r.get(type) + "'";
                }
            }
            ev.set(id(r, user, dict), id(r, item, dict), id(r, category, dict), bt, t);
            if (quantity >= 0) {
                double q = number(r.get(quantity));
                if (q != q && !r.get(quantity).isBlank()) {
                    return col(quantity) + "expected a number, got '" + r.get(quantity) + "'";
                }
                ev.quantity(q);
            }
            if (price >= 0) {
                double p = number(r.get(price));
                if (p != p && !r.get(price).isBlank()) {
                    return col(price) + "expected a number, got '" + r.get(price) + "'";
                }
                ev.price(p);
            }
            if (channel >= 0 && !r.get(channel).isEmpty()) {
                ev.channel(r.get(channel));
            }
            if (session >= 0 && !r.get(session).isEmpty()) {
                ev.session(r.get(session));
            }
            return null;
        }

        private String col(int i) {
            return "column " + (i + 1) + " (" + header[i] + "): ";
        }

        private static long id(CSVRecord r, int i, IdDictionary dict) {
            return i < 0 ? BehaviorEvent.NO_ID : dict.idOf(r.get(i).trim());
        }

        private static double number(String s) {
            if (s.isBlank()) {
                return Double.NaN;
            }
            try {
                double v = Double.parseDouble(s.trim());
                return Double.isFinite(v) ? v : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
