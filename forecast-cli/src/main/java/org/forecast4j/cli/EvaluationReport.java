package org.forecast4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.forecast4j.core.Level;
import org.forecast4j.core.backtest.Backtest;
import org.forecast4j.core.backtest.BacktestResult;
import org.forecast4j.core.backtest.FoldResult;
import org.forecast4j.core.metrics.Accuracy;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;

/**
 * Renders a {@link BacktestResult} as a text table, JSON or CSV. Columns are the chosen point metrics, then each
 * chosen interval metric at each level ({@code Coverage[80]}). An undefined metric prints as {@code n/a} (table),
 * {@code NA} (CSV) or {@code null} (JSON), with its reason listed under the table or in {@code "undefined"}.
 */
final class EvaluationReport {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EvaluationReport() {
    }

    /** One metric column: a point metric, or an interval metric at a level. */
    private static final class Column {
        final Metric metric;
        final Level level;

        Column(Metric metric, Level level) {
            this.metric = metric;
            this.level = level;
        }

        String name() {
            return metric.columnName(level);
        }

        MetricValue get(Accuracy a) {
            return level == null ? a.get(metric) : a.get(metric, level);
        }
    }

    private static List<Column> columns(List<Metric> metrics, List<Level> levels) {
        List<Column> out = new ArrayList<>();
        for (Metric m : metrics) {
            if (!m.isInterval()) {
                out.add(new Column(m, null));
            }
        }
        for (Metric m : metrics) {
            if (m.isInterval()) {
                for (Level l : levels) {
                    out.add(new Column(m, l));
                }
            }
        }
        return out;
    }

    /**
     * The summary line above the table, e.g. {@code "rolling-origin backtest of 1 series: horizon 14, expanding
     * window, initial 548, step 1, all folds"}.
     */
    static String summary(BacktestResult r) {
        Backtest b = r.backtest();
        int n = r.seriesKeys().size();
        return String.format(Locale.ROOT, "rolling-origin backtest of %d series%s: horizon %d, %s window, initial %d, "
                        + "step %d, %s", n, n == 1 ? " '" + r.seriesKeys().get(0) + "'" : "", b.horizon(),
                b.window().name().toLowerCase(Locale.ROOT), b.initialWindow(), b.step(),
                b.maxFolds() == 0 ? "all folds" : "last " + b.maxFolds() + " folds");
    }

    /**
     * Writes the readable table.
     *
     * @param r       the backtest result
     * @param metrics the metrics to show
     * @param out     destination; not closed
     * @throws IOException if writing fails
     */
    static void table(BacktestResult r, List<Metric> metrics, Writer out) throws IOException {
        List<Column> cols = columns(metrics, r.levels());
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("model", "folds", "failed"));
        for (Column c : cols) {
            header.add(c.name());
        }
        rows.add(header.toArray(new String[0]));
        Map<String, String> notes = new LinkedHashMap<>();
        for (String model : r.models()) {
            Accuracy a = r.accuracy(model);
            List<String> row = new ArrayList<>(List.of(model, Integer.toString(r.foldCount(model)),
                    Integer.toString(r.failureCount(model))));
            for (Column c : cols) {
                MetricValue v = c.get(a);
                row.add(v.isDefined() ? number(v.value()) : "n/a");
                if (!v.isDefined()) {
                    notes.put(model + " " + c.name(), v.reason().orElse("undefined"));
                }
            }
            rows.add(row.toArray(new String[0]));
        }
        int[] width = new int[header.size()];
        for (String[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(summary(r)).append('\n');
        for (String[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    sb.append("  ");
                }
                String cell = row[j];
                String pad = " ".repeat(width[j] - cell.length());
                sb.append(j == 0 ? cell + pad : pad + cell);
            }
            sb.append('\n');
        }
        for (Map.Entry<String, String> e : notes.entrySet()) {
            sb.append("n/a ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        for (String model : r.models()) {
            int failed = r.failureCount(model);
            if (failed > 0) {
                sb.append(model).append(" failed on ").append(failed).append(" of ").append(r.foldCount(model))
                        .append(" folds, first: ").append(firstFailure(r, model)).append('\n');
            }
        }
        for (Map.Entry<String, String> e : r.skippedSeries().entrySet()) {
            sb.append("skipped series '").append(e.getKey()).append("': ").append(e.getValue()).append('\n');
        }
        out.write(sb.toString());
        out.flush();
    }

    /**
     * Writes the table's rows as CSV: {@code model,folds,failed,<metric columns>}; undefined values are {@code NA}.
     *
     * @param r       the result
     * @param metrics metrics to write
     * @param out     destination; not closed
     * @throws IOException if writing fails
     */
    static void csv(BacktestResult r, List<Metric> metrics, Writer out) throws IOException {
        List<Column> cols = columns(metrics, r.levels());
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        List<String> header = new ArrayList<>(List.of("model", "folds", "failed"));
        for (Column c : cols) {
            header.add(c.name());
        }
        p.printRecord(header);
        for (String model : r.models()) {
            Accuracy a = r.accuracy(model);
            List<String> row = new ArrayList<>(List.of(model, Integer.toString(r.foldCount(model)),
                    Integer.toString(r.failureCount(model))));
            for (Column c : cols) {
                MetricValue v = c.get(a);
                row.add(v.isDefined() ? Double.toString(v.value()) : "NA");
            }
            p.printRecord(row);
        }
        p.flush();
    }

    /**
     * Writes the result as one JSON object: the configuration, then per model the overall metrics, per-step
     * metrics and (for several series) per-series metrics.
     *
     * @param r       the result
     * @param metrics metrics to write
     * @param out     destination; not closed
     * @throws IOException if writing fails
     */
    static void json(BacktestResult r, List<Metric> metrics, Writer out) throws IOException {
        Backtest b = r.backtest();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("horizon", b.horizon());
            g.writeNumberField("initial", b.initialWindow());
            g.writeNumberField("step", b.step());
            g.writeStringField("window", b.window().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("maxFolds", b.maxFolds());
            g.writeArrayFieldStart("levels");
            for (Level l : r.levels()) {
                ForecastJsonWriter.writeLevel(g, l);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            for (String k : r.seriesKeys()) {
                g.writeString(k);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("skipped");
            for (Map.Entry<String, String> e : r.skippedSeries().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("models");
            for (String model : r.models()) {
                g.writeStartObject();
                g.writeStringField("model", model);
                g.writeNumberField("folds", r.foldCount(model));
                g.writeNumberField("failures", r.failureCount(model));
                if (r.failureCount(model) > 0) {
                    g.writeStringField("firstFailure", firstFailure(r, model));
                }
                writeAccuracy(g, r.accuracy(model), metrics, r.levels());
                g.writeArrayFieldStart("byStep");
                for (int step = 1; step <= r.horizon(); step++) {
                    g.writeStartObject();
                    g.writeNumberField("step", step);
                    writeAccuracy(g, r.accuracy(model, step), metrics, r.levels());
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (r.seriesKeys().size() > 1) {
                    g.writeArrayFieldStart("bySeries");
                    for (String key : r.seriesKeys()) {
                        g.writeStartObject();
                        g.writeStringField("series", key);
                        writeAccuracy(g, r.accuracy(model, key), metrics, r.levels());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /**
     * Writes {@code "metrics": {id: value|null}, "intervals": [{"level": l, id: value|null}], "undefined":
     * {column: reason}} into the current object.
     */
    private static void writeAccuracy(JsonGenerator g, Accuracy a, List<Metric> metrics, List<Level> levels)
            throws IOException {
        Map<String, String> undefined = new LinkedHashMap<>();
        g.writeNumberField("count", a.count());
        g.writeObjectFieldStart("metrics");
        for (Metric m : metrics) {
            if (!m.isInterval()) {
                writeValue(g, m.id(), a.get(m), m.columnName(null), undefined);
            }
        }
        g.writeEndObject();
        g.writeArrayFieldStart("intervals");
        for (Level l : levels) {
            g.writeStartObject();
            g.writeFieldName("level");
            ForecastJsonWriter.writeLevel(g, l);
            for (Metric m : metrics) {
                if (m.isInterval()) {
                    writeValue(g, m.id(), a.get(m, l), m.columnName(l), undefined);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("undefined");
        for (Map.Entry<String, String> e : undefined.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, String field, MetricValue v, String column,
                                   Map<String, String> undefined) throws IOException {
        if (v.isDefined()) {
            g.writeNumberField(field, v.value());
        } else {
            g.writeNullField(field);
            undefined.put(column, v.reason().orElse("undefined"));
        }
    }

    private static String firstFailure(BacktestResult r, String model) {
        for (FoldResult f : r.failures()) {
            if (f.model().equals(model)) {
                String where = r.seriesKeys().size() > 1 ? "series '" + f.seriesKey() + "' " : "";
                return where + "fold " + (f.fold().index() + 1) + ": " + f.failure().orElse("failed");
            }
        }
        return "";
    }

    /**
     * A readable number: 4 significant digits, plain notation between 0.001 and 100,000, scientific outside.
     *
     * @param v a finite value
     * @return the text
     */
    static String number(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
