package org.forecast4j.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.panel.PanelForecaster;
import org.forecast4j.core.panel.PanelSummary;

/**
 * Throughput driver for docs/benchmarks.md (a test-scope {@code main}, never run by {@code mvn verify}; not JMH,
 * because one measurement is minutes of Spark jobs): simulates {@code series} daily series, forecasts all of them
 * with the core panel engine on 1 and 2 threads and with {@link SparkForecaster} in {@code local[1]} and
 * {@code local[2]}, and prints wall time, series per second, CPU seconds of the whole JVM and series per
 * CPU-second for each, with the load average before and after each run. It also checks that Spark's forecasts of
 * every 100th key (at most 2,000 keys) are identical to the panel engine's.
 *
 * <p>Run from a clean checkout (profile {@code spark-bench} of forecast-spark's pom, arguments as
 * {@code name=value}; defaults shown):
 * <pre>
 * mvn -B -o -pl forecast-spark -am test -DskipTests -Pspark-bench \
 *     -Dbench.args="series=2000 length=120 horizon=14 spec=autoarima out=target/spark-bench.txt"
 * </pre>
 * A spec with options goes in single quotes inside the double-quoted property (exec-maven-plugin strips unquoted
 * double quotes): {@code -Dbench.args="spec='{\"model\":\"autoarima\",\"approximation\":true}'"}.
 *
 * <p>Data: key {@code k} (0 ≤ k &lt; series) is {@code level + weekly pattern + random walk + noise}, 120 days from
 * 2024-01-01 by default, from {@code SplittableRandom(seed + k)} (seed 42): the same values in every run and both
 * paths. Spark reads them from Parquet written once under {@code java.io.tmpdir} (untimed); each Spark run reads,
 * shuffles, sorts, forecasts and writes every forecast row to Spark's {@code noop} sink. Each path first forecasts
 * a warm-up of {@code warmup} keys (default min(series / 20, 100)), untimed.
 */
public final class SparkThroughputMain {

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("sku", DataTypes.LongType, false),
            DataTypes.createStructField("day", DataTypes.DateType, false),
            DataTypes.createStructField("units", DataTypes.DoubleType, false)));
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private SparkThroughputMain() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code name=value} pairs: series, length, horizon, spec, seed, warmup, partitions, runs
     *             (comma-separated subset of panel1, panel2, spark1, spark2), out (a file the report is also
     *             written to)
     * @throws IOException if the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("series", "2000");
        a.put("length", "120");
        a.put("horizon", "14");
        a.put("spec", "{\"model\":\"autoarima\"}");
        a.put("seed", "42");
        a.put("partitions", "16");
        a.put("runs", "panel1,panel2,spark1,spark2");
        a.put("out", "");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0 || !a.containsKey(arg.substring(0, eq)) && !arg.startsWith("warmup=")) {
                throw new IllegalArgumentException("arguments are name=value with name in " + a.keySet()
                        + " or warmup, got '" + arg + "'");
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int n = Integer.parseInt(a.get("series"));
        int length = Integer.parseInt(a.get("length"));
        int horizon = Integer.parseInt(a.get("horizon"));
        long seed = Long.parseLong(a.get("seed"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", Integer.toString(Math.min(n / 20, 100))));
        int partitions = Integer.parseInt(a.get("partitions"));
        // a bare model name is short for {"model":"<name>"} (no quotes to get through the shell and exec)
        String spec = a.get("spec").startsWith("{") ? a.get("spec") : "{\"model\":\"" + a.get("spec") + "\"}";
        List<String> runs = List.of(a.get("runs").split(","));
        Path out = a.get("out").isEmpty() ? null : Path.of(a.get("out"));
        int sampleStep = Math.max(100, n / 2000);

        Report report = new Report(out);
        report.line(String.format(Locale.ROOT, "spec %s; %d series x %d days (seed %d), horizon %d, levels 80/95; "
                + "warm-up %d series; %d vCPU; Java %s; max heap %d MiB", spec, n, length, seed, horizon, warmup,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20));
        report.line("path | wall s | series/s | CPU s | series per CPU-s | load avg before -> after | notes");

        Forecaster forecaster = ForecasterSpec.parse(spec).forecaster();
        Map<Long, double[]> panelMeans = new HashMap<>();
        for (int threads : new int[] {1, 2}) {
            if (!runs.contains("panel" + threads)) {
                continue;
            }
            List<TimeSeries> series = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                series.add(TimeSeries.builder(simulate(seed, k, length)).start(START).frequency(Frequency.DAILY)
                        .name(Integer.toString(k)).build());
            }
            PanelForecaster engine = PanelForecaster.builder(forecaster).horizon(horizon).levels(80, 95)
                    .threads(threads).build();
            engine.forecast(series.subList(0, warmup).iterator(), warmup, r -> { });
            String before = loadAverage();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            AtomicLong withForecast = new AtomicLong();
            PanelSummary s = engine.forecast(series.iterator(), n, r -> {
                if (r.hasForecast()) {
                    withForecast.incrementAndGet();
                    long k = Long.parseLong(r.key());
                    if (k % sampleStep == 0) {
                        synchronized (panelMeans) {
                            panelMeans.put(k, r.forecast().mean());
                        }
                    }
                }
            });
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            report.row("panel, " + threads + (threads == 1 ? " thread" : " threads"), n, sec, cpu, before,
                    String.format(Locale.ROOT, "%d with forecast (%d OK, %d fallback, %d failed)",
                            withForecast.get(), s.ok(), s.fallbacks(), s.failures()));
        }

        Path parquet = Files.createTempDirectory("f4j-spark-bench");
        boolean written = false;
        for (int cores : new int[] {1, 2}) {
            if (!runs.contains("spark" + cores)) {
                continue;
            }
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("f4j-spark-bench")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", partitions)
                    // keep the partition count fixed: with coalescing, AQE would merge the small shuffle output
                    // into fewer partitions than cores
                    .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            if (!written) {
                writeParquet(spark, n, length, seed, parquet);
                written = true;
            }
            SparkForecaster sf = SparkForecaster.builder(spec).keys("sku").timestamp("day").value("units")
                    .horizon(horizon).levels(80, 95).build();
            Dataset<Row> input = spark.read().parquet(parquet.toString());
            sf.forecast(input.filter("sku < " + warmup)).write().format("noop").mode("overwrite").save();
            String before = loadAverage();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            sf.forecast(input).write().format("noop").mode("overwrite").save();
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            String check = compare(sf.forecast(input.filter("sku % " + sampleStep + " = 0")), panelMeans, horizon);
            report.row("Spark local[" + cores + "]", n, sec, cpu, before, partitions + " shuffle partitions; "
                    + check);
            spark.stop();
        }
        report.line("load average at the end: " + loadAverage());
    }

    /** Compares Spark's means of the sampled keys with the panel engine's; returns a summary. */
    private static String compare(Dataset<Row> sample, Map<Long, double[]> panelMeans, int horizon) {
        List<Row> rows = sample.collectAsList();
        long failed = 0;
        long keys = 0;
        long mismatches = 0;
        for (Row r : rows) {
            if (r.isNullAt(1)) {
                failed++;
                continue;
            }
            int step = r.getInt(2);
            if (step == 1) {
                keys++;
            }
            double[] p = panelMeans.get(r.getLong(0));
            if (p != null && p[step - 1] != r.getDouble(3)) {
                mismatches++;
            }
        }
        if (panelMeans.isEmpty()) {
            return keys + " sampled keys forecast, " + failed + " FAILED (no panel run to compare)";
        }
        return keys + " sampled keys, " + failed + " FAILED, " + mismatches + " of " + keys * horizon
                + " means differ from the panel engine";
    }

    /** CPU time of the whole JVM (all Spark, pool, GC and JIT threads). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static void writeParquet(SparkSession spark, int n, int length, long seed, Path dir) {
        FlatMapFunction<Long, Row> rows = k -> {
            double[] y = simulate(seed, k, length);
            List<Row> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(RowFactory.create(k, java.sql.Date.valueOf(START.plusDays(i)), y[i]));
            }
            return out.iterator();
        };
        int files = Math.max(2, Math.min(64, n / 5000));
        spark.range(0, n, 1, files).flatMap(rows, Encoders.row(SCHEMA)).write().mode("overwrite")
                .parquet(dir.toString());
    }

    /**
     * Series {@code k}: level U(50, 100) + weekly pattern N(0, 10²) per weekday + Gaussian random walk + N(0, 2²)
     * noise, from {@code SplittableRandom(seed + k)}.
     *
     * @param seed   base seed
     * @param k      key
     * @param length days
     * @return the values
     */
    static double[] simulate(long seed, long k, int length) {
        SplittableRandom rnd = new SplittableRandom(seed + k);
        double level = 50 + 50 * rnd.nextDouble();
        double[] week = new double[7];
        for (int j = 0; j < 7; j++) {
            week[j] = 10 * rnd.nextGaussian();
        }
        double[] out = new double[length];
        double walk = 0;
        for (int i = 0; i < length; i++) {
            walk += rnd.nextGaussian();
            out[i] = level + week[i % 7] + walk + 2 * rnd.nextGaussian();
        }
        return out;
    }

    /** Prints each line to stdout and rewrites the report file after every line. */
    private static final class Report {
        private final Path file;
        private final StringBuilder text = new StringBuilder();

        Report(Path file) {
            this.file = file;
        }

        void row(String path, int n, double sec, double cpu, String loadBefore, String notes) throws IOException {
            line(String.format(Locale.ROOT, "%s | %.1f | %.1f | %.1f | %.1f | %s -> %s | %s", path, sec, n / sec, cpu,
                    n / cpu, loadBefore, loadAverage(), notes));
        }

        void line(String s) throws IOException {
            System.out.println(s);
            System.out.flush();
            text.append(s).append('\n');
            if (file != null) {
                Files.writeString(file, text.toString());
            }
        }
    }
}
