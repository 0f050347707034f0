package org.forecast4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.events.AggregationResult;
import org.forecast4j.core.events.AggregationSpec;
import org.forecast4j.core.events.Aggregator;
import org.forecast4j.core.events.BadRowPolicy;
import org.forecast4j.core.events.BehaviorType;
import org.forecast4j.core.events.ColumnMapping;
import org.forecast4j.core.events.CsvEventReader;
import org.forecast4j.core.events.GroupKey;
import org.forecast4j.core.events.JdbcEventSource;
import org.forecast4j.core.events.Measure;
import org.forecast4j.core.events.PartialPeriods;
import org.forecast4j.core.events.ReadReport;
import org.forecast4j.core.events.TaobaoReader;
import org.forecast4j.core.events.TimeFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j aggregate}: behaviour events (Taobao CSV, any CSV with a column mapping, or a JDBC query)
 * → a long panel {@code key,date,value} that {@code forecast --key-column key --date-column date} reads.
 * Bad input prints one line on standard error and exits with code 2.
 */
@Command(name = "aggregate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Aggregate behaviour events into a long panel key,date,value (see docs/events.md).")
public final class AggregateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "<file>", description = "Event file (.gz allowed); not for jdbc.")
    Path events;

    @Option(names = "--format", paramLabel = "<fmt>", defaultValue = "taobao",
            description = "taobao (no header: user,item,category,type,unix seconds), csv (header + column flags) "
                    + "or jdbc. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--measure", paramLabel = "<m>", defaultValue = "events",
            description = "events, pv, fav, cart, buys, users, users~ (HyperLogLog), buyers, revenue, quantity, "
                    + "conversion, abandonment, or a custom type name. Default: ${DEFAULT-VALUE}.")
    String measure;

    @Option(names = "--by", paramLabel = "<key>", defaultValue = "all",
            description = "all, category, item, channel, or segment (with --segments). Default: ${DEFAULT-VALUE}.")
    String by;

    @Option(names = "--segments", paramLabel = "<file>", description = "For --by segment: CSV with header "
            + "user,segment; users not listed are in segment 'unknown'.")
    Path segments;

    @Option(names = "--frequency", paramLabel = "<f>", defaultValue = "daily",
            description = "hourly, daily or weekly (weeks start on Monday). Default: ${DEFAULT-VALUE}.")
    String frequency;

    @Option(names = "--zone", paramLabel = "<zone>", required = true,
            description = "Time zone of period boundaries, e.g. Asia/Shanghai for Taobao data.")
    String zone;

    @Option(names = "--from", paramLabel = "<local>", description = "Inclusive local start (2017-11-25 or "
            + "2017-11-25T00:00). Default: the first event.")
    String from;

    @Option(names = "--to", paramLabel = "<local>", description = "Exclusive local end. Default: after the last "
            + "event.")
    String to;

    @Option(names = "--drop-partial", description = "Drop partly covered first/last periods.")
    boolean dropPartial;

    @Option(names = "--bad-rows", paramLabel = "<policy>", defaultValue = "fail",
            description = "fail (stop at the first bad row) or skip (count and report). Default: ${DEFAULT-VALUE}.")
    String badRows;

    @Option(names = "--output", paramLabel = "<file>", required = true, description = "Panel CSV, or - for "
            + "standard output.")
    String output;

    @Option(names = "--user", paramLabel = "<col>", description = "csv/jdbc: user id column.")
    String userCol;

    @Option(names = "--item", paramLabel = "<col>", description = "csv/jdbc: item id column.")
    String itemCol;

    @Option(names = "--category", paramLabel = "<col>", description = "csv/jdbc: category id column.")
    String categoryCol;

    @Option(names = "--type", paramLabel = "<col>", description = "csv/jdbc: event type column.")
    String typeCol;

    @Option(names = "--fixed-type", paramLabel = "<type>", description = "csv/jdbc: type of every row when "
            + "there is no type column (e.g. buy for order lines).")
    String fixedType;

    @Option(names = "--time", paramLabel = "<col>", description = "csv/jdbc: timestamp column (required).")
    String timeCol;

    @Option(names = "--time-format", paramLabel = "<fmt>", defaultValue = "epoch",
            description = "epoch (seconds), epoch-ms, iso (with offset), or a local pattern such as "
                    + "'yyyy-MM-dd HH:mm:ss' read in --time-zone. Default: ${DEFAULT-VALUE}.")
    String timeFormat;

    @Option(names = "--time-zone", paramLabel = "<zone>", description = "Zone of local timestamps in the data. "
            + "Default: --zone.")
    String timeZone;

    @Option(names = "--quantity", paramLabel = "<col>", description = "csv/jdbc: quantity column.")
    String quantityCol;

    @Option(names = "--price", paramLabel = "<col>", description = "csv/jdbc: unit price column.")
    String priceCol;

    @Option(names = "--channel", paramLabel = "<col>", description = "csv/jdbc: channel column.")
    String channelCol;

    @Option(names = "--delimiter", paramLabel = "<c>", defaultValue = ",", description = "csv: field delimiter "
            + "(one character, or \\t). Default: '${DEFAULT-VALUE}'.")
    String delimiter;

    @Option(names = "--jdbc-url", paramLabel = "<url>", description = "jdbc: connection URL (driver on the "
            + "class path).")
    String jdbcUrl;

    @Option(names = "--query", paramLabel = "<sql>", description = "jdbc: SELECT returning the mapped columns.")
    String query;

    @Option(names = "--verbose", description = "Print the stack trace of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(err);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | DateTimeException e) {
            err.println("forecast4j: " + oneLine(e.getMessage()));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 2;
        }
    }

    private int execute(PrintWriter err) {
        ZoneId z = zone(zone, "--zone");
        AggregationSpec.Builder b = AggregationSpec.builder().measure(Measure.parse(measure))
                .by(groupKey()).frequency(parseFrequency(frequency)).zone(z)
                .partialPeriods(dropPartial ? PartialPeriods.DROP : PartialPeriods.KEEP);
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("--from and --to must be given together");
            }
            b.range(localTime(from, "--from"), localTime(to, "--to"));
        }
        BadRowPolicy policy = parsePolicy(badRows);
        String f = format.trim().toLowerCase(Locale.ROOT);
        AggregationResult result;
        ReadReport report = null;
        switch (f) {
            case "taobao": {
                TaobaoReader r = TaobaoReader.of(requireEvents()).withPolicy(policy);
                Aggregator agg = Aggregator.of(b.build());
                report = r.read(agg);
                result = agg.result();
                break;
            }
            case "csv": {
                CsvEventReader r = CsvEventReader.of(requireEvents(), mapping(z)).withPolicy(policy)
                        .withDelimiter(delimiterChar());
                b.keyNames(r.dictionary()::name);
                Aggregator agg = Aggregator.of(b.build());
                report = r.read(agg);
                result = agg.result();
                break;
            }
            case "jdbc": {
                if (jdbcUrl == null || query == null) {
                    throw new IllegalArgumentException("--format jdbc needs --jdbc-url and --query");
                }
                String url = jdbcUrl;
                JdbcEventSource src = JdbcEventSource.of(() -> DriverManager.getConnection(url), query, mapping(z))
                        .withPolicy(policy);
                b.keyNames(src.dictionary()::name);
                result = src.aggregate(b.build());
                break;
            }
            default:
                throw new IllegalArgumentException("--format must be taobao, csv or jdbc, got '" + format + "'");
        }
        write(result);
        if (report != null && report.badRows() > 0) {
            // not an error under --bad-rows skip, but worth one line
            err.println("forecast4j: skipped " + report.badRows() + " bad rows of " + report.rows() + "; first: "
                    + report.messages().get(0));
            err.flush();
        }
        return 0;
    }

    private GroupKey groupKey() {
        if (!"segment".equalsIgnoreCase(by.trim())) {
            if (segments != null) {
                throw new IllegalArgumentException("--segments needs --by segment");
            }
            return GroupKey.parse(by);
        }
        if (segments == null) {
            throw new IllegalArgumentException("--by segment needs --segments <file> (header user,segment)");
        }
        Map<Long, String> map = readSegments(segments);
        return GroupKey.userSegment(u -> map.getOrDefault(u, "unknown"));
    }

    /** Reads "user,segment" rows; the user column is an integer id. */
    static Map<Long, String> readSegments(Path file) {
        Map<Long, String> map = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --segments " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase("user,segment")) {
            throw new IllegalArgumentException(file.getFileName() + ":1: expected the header user,segment");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            String seg = comma < 0 ? "" : line.substring(comma + 1).trim();
            long user;
            try {
                user = Long.parseLong(comma < 0 ? line : line.substring(0, comma).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1)
                        + ": expected an integer user id, got '" + line + "'", e);
            }
            if (seg.isEmpty()) {
                throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": empty segment");
            }
            map.put(user, seg);
        }
        return map;
    }

    private Path requireEvents() {
        if (events == null) {
            throw new IllegalArgumentException("--events is required for --format " + format);
        }
        if (!Files.isReadable(events)) {
            throw new IllegalArgumentException("--events file not found or not readable: " + events);
        }
        return events;
    }

    private ColumnMapping mapping(ZoneId defaultZone) {
        if (timeCol == null) {
            throw new IllegalArgumentException("--time is required for --format " + format);
        }
        ColumnMapping.Builder m = ColumnMapping.builder().time(timeCol, parseTimeFormat(defaultZone));
        if (userCol != null) {
            m.user(userCol);
        }
        if (itemCol != null) {
            m.item(itemCol);
        }
        if (categoryCol != null) {
            m.category(categoryCol);
        }
        if (typeCol != null) {
            m.type(typeCol);
        }
        if (fixedType != null) {
            m.fixedType(BehaviorType.of(fixedType));
        }
        if (quantityCol != null) {
            m.quantity(quantityCol);
        }
        if (priceCol != null) {
            m.price(priceCol);
        }
        if (channelCol != null) {
            m.channel(channelCol);
        }
        return m.build();
    }

    private TimeFormat parseTimeFormat(ZoneId defaultZone) {
        switch (timeFormat.trim().toLowerCase(Locale.ROOT)) {
            case "epoch":
            case "epoch-s":
                return TimeFormat.epochSeconds();
            case "epoch-ms":
                return TimeFormat.epochMillis();
            case "iso":
                return TimeFormat.iso();
            default:
                return TimeFormat.local(timeFormat, timeZone == null ? defaultZone : zone(timeZone, "--time-zone"));
        }
    }

    private char delimiterChar() {
        if ("\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter)) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character, got '" + delimiter + "'");
        }
        return delimiter.charAt(0);
    }

    static ZoneId zone(String text, String flag) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(flag + " must be a time zone like Asia/Shanghai or UTC, got '"
                    + text + "'", e);
        }
    }

    static LocalDateTime localTime(String text, String flag) {
        try {
            return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " must be a local date (2017-11-25) or date-time "
                    + "(2017-11-25T08:00), got '" + text + "'", e);
        }
    }

    static Frequency parseFrequency(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "hourly":
                return Frequency.HOURLY;
            case "daily":
                return Frequency.DAILY;
            case "weekly":
                return Frequency.WEEKLY;
            default:
                throw new IllegalArgumentException("--frequency must be hourly, daily or weekly, got '" + text + "'");
        }
    }

    static BadRowPolicy parsePolicy(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fail":
                return BadRowPolicy.FAIL;
            case "skip":
                return BadRowPolicy.SKIP;
            default:
                throw new IllegalArgumentException("--bad-rows must be fail or skip, got '" + text + "'");
        }
    }

    private void write(AggregationResult result) {
        try {
            Writer w = "-".equals(output) ? spec.commandLine().getOut()
                    : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(output)),
                    StandardCharsets.UTF_8));
            try {
                w.write("key,date,value\n");
                for (TimeSeries s : result.panel()) {
                    String key = csvField(s.name());
                    for (int i = 0; i < s.length(); i++) {
                        double v = s.get(i);
                        w.write(key + "," + s.label(i) + "," + (Double.isNaN(v) ? "NA" : number(v)) + "\n");
                    }
                }
            } finally {
                if ("-".equals(output)) {
                    w.flush();
                } else {
                    w.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --output " + output + ": " + e.getMessage(), e);
        }
    }

    static String csvField(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String oneLine(String s) {
        return s == null ? "error" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
