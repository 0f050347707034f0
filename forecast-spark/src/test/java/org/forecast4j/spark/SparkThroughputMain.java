package org.forecast4j.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.panel.PanelForecaster;
import org.forecast4j.core.panel.PanelSummary;

/**
 * Throughput harness for docs/benchmarks.md (not a test, never run by {@code mvn verify}): forecasts simulated
 * daily series with SparkForecaster in local mode on 1 and 2 cores and with the core panel engine on 1 and 2
 * threads, and writes series per second to a result file.
 *
 * <p>Usage: {@code SparkThroughputMain <spec-json> <series> <length> <horizon> <out-file>}. The series are read
 * from Parquet written once under {@code java.io.tmpdir}; each timed Spark run reads them, forecasts every key
 * and writes the result to Spark's {@code noop} sink, after an untimed warm-up run on a tenth of the keys.
 */
public final class SparkThroughputMain {

    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("sku", DataTypes.IntegerType, false),
            DataTypes.createStructField("day", DataTypes.DateType, false),
            DataTypes.createStructField("units", DataTypes.DoubleType, false)));

    private SparkThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        int n = Integer.parseInt(args[1]);
        int length = Integer.parseInt(args[2]);
        int horizon = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        double[][] data = simulate(n, length, 42);
        LocalDate start = LocalDate.of(2024, 1, 1);
        Path parquet = Files.createTempDirectory("f4j-bench");
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "spec %s, %d series x %d days, horizon %d, levels 80/95%n", spec, n,
                length, horizon));

        // single-machine panel engine on the same values
        Forecaster f = ForecasterSpec.parse(spec).forecaster();
        for (int threads : new int[] {1, 2}) {
            List<TimeSeries> series = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                series.add(TimeSeries.builder(data[k]).start(start).frequency(org.forecast4j.core.Frequency.DAILY)
                        .name(Integer.toString(k)).build());
            }
            PanelForecaster engine = PanelForecaster.builder(f).horizon(horizon).levels(80, 95).threads(threads)
                    .build();
            engine.forecast(series.subList(0, n / 10).iterator(), n / 10, r -> { });
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            AtomicLong ok = new AtomicLong();
            PanelSummary s = engine.forecast(series.iterator(), n, r -> {
                if (r.hasForecast()) {
                    ok.incrementAndGet();
                }
            });
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            report.append(String.format(Locale.ROOT, "panel threads=%d: %.1f s wall, %.0f series/s; %.1f s CPU, "
                    + "%.0f series per CPU-second (%d with forecast)%n", threads, sec, n / sec, cpu, n / cpu, ok.get()));
            Files.writeString(out, report.toString());
        }

        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("f4j-bench")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", 4 * cores)
                    .config("spark.sql.session.timeZone", "UTC").config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            if (cores == 1) {
                writeParquet(spark, data, start, parquet);
            }
            SparkForecaster sf = SparkForecaster.builder(spec).keys("sku").timestamp("day").value("units")
                    .horizon(horizon).levels(80, 95).build();
            Dataset<Row> input = spark.read().parquet(parquet.toString());
            sf.forecast(input.filter("sku % 10 = 0")).write().format("noop").mode("overwrite").save();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            sf.forecast(input).write().format("noop").mode("overwrite").save();
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            long failed = sf.forecast(input).filter("status = 'FAILED'").count();
            report.append(String.format(Locale.ROOT, "spark local[%d]: %.1f s wall, %.0f series/s; %.1f s CPU, "
                    + "%.0f series per CPU-second (%d FAILED keys)%n", cores, sec, n / sec, cpu, n / cpu, failed));
            Files.writeString(out, report.toString());
            spark.stop();
        }
    }

    /** CPU time of the whole JVM (all Spark and pool threads, GC, JIT). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void writeParquet(SparkSession spark, double[][] data, LocalDate start, Path dir) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < data.length; k++) {
            for (int i = 0; i < data[k].length; i++) {
                rows.add(RowFactory.create(k, java.sql.Date.valueOf(start.plusDays(i)), data[k][i]));
            }
        }
        spark.createDataFrame(rows, SCHEMA).repartition(8).write().mode("overwrite").parquet(dir.toString());
    }

    /** Level + weekly pattern + random walk + noise, as SparkTestSupport.dailyRows. */
    static double[][] simulate(int n, int length, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] out = new double[n][length];
        for (int k = 0; k < n; k++) {
            double level = 50 + 50 * rnd.nextDouble();
            double[] week = new double[7];
            for (int j = 0; j < 7; j++) {
                week[j] = 10 * rnd.nextGaussian();
            }
            double walk = 0;
            for (int i = 0; i < length; i++) {
                walk += rnd.nextGaussian();
                out[k][i] = level + week[i % 7] + walk + 2 * rnd.nextGaussian();
            }
        }
        return out;
    }
}
