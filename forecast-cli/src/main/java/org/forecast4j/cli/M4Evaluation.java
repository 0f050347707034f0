package org.forecast4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.baseline.Naive2;
import org.forecast4j.core.io.M4Data;
import org.forecast4j.core.io.M4Reader;
import org.forecast4j.core.metrics.M4Score;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The M4 mode of {@code forecast4j evaluate} ({@code --m4 TRAIN --m4-test TEST}): every model forecasts the
 * {@code horizon} steps after each training series once, and is scored as the M4 competition did (average sMAPE,
 * average MASE with the competition's seasonal scaling, OWA against Naive2; see {@link M4Score}). Models run one
 * after the other on the calling thread, so the times are one-thread times.
 */
final class M4Evaluation {

    private static final Logger LOG = LoggerFactory.getLogger(M4Evaluation.class);
    private static final JsonFactory JSON = new JsonFactory();

    /** The Naive2 model name: the OWA reference, always evaluated. */
    static final String NAIVE2 = "naive2";
    /** Default models in M4 mode. */
    static final List<String> DEFAULT_MODELS = List.of("naive", "snaive", NAIVE2);

    /** One scored model. */
    static final class Row {
        final String model;
        final M4Score score;
        final double owa;
        final int failures;
        final double wallSeconds;
        final double cpuSeconds;

        Row(String model, M4Score score, double owa, int failures, double wallSeconds, double cpuSeconds) {
            this.model = model;
            this.score = score;
            this.owa = owa;
            this.failures = failures;
            this.wallSeconds = wallSeconds;
            this.cpuSeconds = cpuSeconds;
        }

        double seriesPerSecond() {
            return wallSeconds > 0 ? score.series() / wallSeconds : Double.POSITIVE_INFINITY;
        }
    }

    /** Produces the point forecasts of one series. */
    @FunctionalInterface
    interface PointForecaster {
        double[] forecast(String id, TimeSeries train, int h);
    }

    private M4Evaluation() {
    }

    /**
     * The M4 competition's seasonal period for a horizon (M4 Competitor's Guide: yearly h 6 m 1, quarterly 8/4,
     * monthly 18/12, weekly 13/1, daily 14/1, hourly 48/24).
     *
     * @return the period, or -1 for a horizon the competition did not use
     */
    static int m4Period(int horizon) {
        switch (horizon) {
            case 6:
            case 13:
            case 14:
                return 1;
            case 8:
                return 4;
            case 18:
                return 12;
            case 48:
                return 24;
            default:
                return -1;
        }
    }

    /**
     * Reads the data, runs the models and returns their rows, Naive2 first if it was not named.
     */
    static Result run(Path train, Path test, Integer horizon, Integer period, List<String> models,
            Map<String, Path> external, ModelRegistry registry, ModelOptions options) {
        if (test == null) {
            throw new IllegalArgumentException("--m4 needs --m4-test, the file of held-out values");
        }
        if (train == null) {
            throw new IllegalArgumentException("--m4-test needs --m4, the file of training series");
        }
        if (horizon != null && horizon <= 0) {
            throw new IllegalArgumentException("--horizon must be > 0, got " + horizon);
        }
        if (period != null && period <= 0) {
            throw new IllegalArgumentException("--period must be > 0, got " + period);
        }
        // read once to learn the horizon when it is not given, then fix the period
        M4Data data;
        int m;
        if (period != null) {
            data = horizon == null ? M4Reader.read(train, test, period) : M4Reader.read(train, test, horizon, period);
            m = period;
        } else {
            data = horizon == null ? M4Reader.read(train, test, 1) : M4Reader.read(train, test, horizon, 1);
            m = m4Period(data.horizon());
            if (m < 0) {
                throw new IllegalArgumentException("--period is required with --m4 when the horizon is not one of "
                        + "the M4 horizons (6, 8, 13, 14, 18, 48), got horizon " + data.horizon());
            }
            if (m != 1) {
                data = M4Reader.read(train, test, data.horizon(), m);
            }
        }
        int h = data.horizon();
        Map<String, PointForecaster> byName = new LinkedHashMap<>();
        byName.put(NAIVE2, naive2(m));
        List<String> names = models == null || models.isEmpty() ? DEFAULT_MODELS : models;
        for (String n : names) {
            String key = n.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--model has an empty name in '" + String.join(",", names) + "'");
            }
            if (!byName.containsKey(key)) {
                byName.put(key, model(key, registry, options));
            }
        }
        for (Map.Entry<String, Path> e : external.entrySet()) {
            if (byName.containsKey(e.getKey())) {
                throw new IllegalArgumentException("--m4-forecasts name '" + e.getKey() + "' is already a model");
            }
            // a forecasts file has the layout of a test file: id, then at least h forecasts
            M4Data f = M4Reader.read(train, e.getValue(), h, m);
            byName.put(e.getKey(), (id, s, hh) -> f.test(id));
        }
        List<Row> rows = new ArrayList<>();
        M4Score reference = null;
        for (Map.Entry<String, PointForecaster> e : byName.entrySet()) {
            Row r = score(e.getKey(), e.getValue(), data, m, reference);
            if (reference == null) {
                reference = r.score;
            }
            rows.add(r);
        }
        return new Result(data.size(), h, m, rows);
    }

    private static PointForecaster naive2(int period) {
        return (id, s, h) -> Naive2.forecast(s.values(), period, h);
    }

    private static PointForecaster model(String key, ModelRegistry registry, ModelOptions options) {
        Forecaster f;
        if (registry.names().contains(key)) {
            f = registry.create(key, options);
        } else if (key.equals("auto-arima")) {
            // R forecast::auto.arima defaults; used until the registry offers the model itself
            if (!options.given().isEmpty()) {
                throw new IllegalArgumentException(options.given().iterator().next()
                        + " does not apply to --model auto-arima in M4 mode");
            }
            f = Forecasters.autoArima();
        } else {
            List<String> known = new ArrayList<>(registry.names());
            known.add(NAIVE2);
            if (!known.contains("auto-arima")) {
                known.add("auto-arima");
            }
            throw new IllegalArgumentException("--model must be one of " + String.join(", ", known) + ", got '"
                    + key + "'");
        }
        Forecaster forecaster = f;
        return (id, s, h) -> forecaster.fit(s).forecast(h, List.of()).mean();
    }

    private static Row score(String name, PointForecaster model, M4Data data, int period, M4Score reference) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        M4Score.Accumulator acc = M4Score.accumulator();
        int failures = 0;
        int h = data.horizon();
        int total = data.size();
        int done = 0;
        long cpu0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        for (String id : data.ids()) {
            TimeSeries s = data.train().get(id);
            double[] f;
            try {
                f = model.forecast(id, s, h);
                if (f.length != h || !allFinite(f)) {
                    throw new IllegalStateException("forecast has " + f.length + " values, not " + h
                            + " finite ones");
                }
            } catch (RuntimeException e) {
                // a failed series is scored with Naive2's forecast and counted
                failures++;
                LOG.warn("{} failed on series {}: {}; scored with Naive2", name, id, e.getMessage());
                f = Naive2.forecast(s.values(), period, h);
            }
            acc.add(data.test(id), f, s.values(), period);
            done++;
            if (done * 10L / total != (done - 1) * 10L / total) {
                LOG.info("{}: {}/{} series", name, done, total);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = cpu ? (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 : Double.NaN;
        M4Score score = acc.result();
        double owa = reference == null ? 1.0 : score.owa(reference);
        LOG.info("{}: sMAPE {} MASE {} in {} s", name, score.smape(), score.mase(), wall);
        return new Row(name, score, owa, failures, wall, cpuSeconds);
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The evaluation: data shape and one row per model. */
    static final class Result {
        final int series;
        final int horizon;
        final int period;
        final List<Row> rows;

        Result(int series, int horizon, int period, List<Row> rows) {
            this.series = series;
            this.horizon = horizon;
            this.period = period;
            this.rows = rows;
        }

        void table(Writer w) throws IOException {
            w.write(String.format(Locale.ROOT, "M4 evaluation: %d series, horizon %d, period %d%n", series, horizon,
                    period));
            w.write(String.format(Locale.ROOT, "%-16s %9s %9s %7s %8s %9s %9s %10s%n", "model", "sMAPE", "MASE", "OWA",
                    "failures", "wall_s", "cpu_s", "series/s"));
            for (Row r : rows) {
                w.write(String.format(Locale.ROOT, "%-16s %9.4f %9.4f %7.4f %8d %9.2f %9.2f %10.1f%n", r.model,
                        r.score.smape(), r.score.mase(), r.owa, r.failures, r.wallSeconds, r.cpuSeconds,
                        r.seriesPerSecond()));
            }
        }

        void csv(Writer w) throws IOException {
            w.write("model,series,horizon,period,smape,mase,owa,failures,wall_seconds,cpu_seconds,series_per_second\n");
            for (Row r : rows) {
                w.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%s,%s,%d,%s,%s,%s%n", r.model, series, horizon,
                        period, r.score.smape(), r.score.mase(), r.owa, r.failures, r.wallSeconds, r.cpuSeconds,
                        r.seriesPerSecond()));
            }
        }

        void json(Writer w) throws IOException {
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("series", series);
                g.writeNumberField("horizon", horizon);
                g.writeNumberField("period", period);
                g.writeStringField("reference", NAIVE2);
                g.writeArrayFieldStart("models");
                for (Row r : rows) {
                    g.writeStartObject();
                    g.writeStringField("model", r.model);
                    number(g, "smape", r.score.smape());
                    number(g, "mase", r.score.mase());
                    number(g, "owa", r.owa);
                    g.writeNumberField("undefinedSmape", r.score.undefinedSmape());
                    g.writeNumberField("undefinedMase", r.score.undefinedMase());
                    g.writeNumberField("failures", r.failures);
                    number(g, "wallSeconds", r.wallSeconds);
                    number(g, "cpuSeconds", r.cpuSeconds);
                    number(g, "seriesPerSecond", r.seriesPerSecond());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            w.write(System.lineSeparator());
        }

        private static void number(JsonGenerator g, String field, double v) throws IOException {
            if (Double.isFinite(v)) {
                g.writeNumberField(field, v);
            } else {
                g.writeNullField(field);
            }
        }

        void write(EvaluateCommand.Format format, Writer w) {
            try {
                switch (format) {
                    case json:
                        json(w);
                        break;
                    case csv:
                        csv(w);
                        break;
                    default:
                        table(w);
                        break;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
