package org.forecast4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.panel.PanelForecaster;
import org.forecast4j.core.panel.PanelSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * auto-ARIMA through the panel engine over the 100 daily e-commerce series of the shared timing set (n = 730,
 * period 7), on which R's auto.arima manages about 1 series per second: one pass per measurement. The directory
 * is {@code -Dforecast4j.timingDir=...} (default {@code ../shared/conformance/series/timing_ecom}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class AutoArimaPanelBenchmark {

    @Param({"1", "2"})
    int threads;

    List<TimeSeries> series;
    PanelForecaster engine;

    /**
     * Reads the series.
     *
     * @throws IOException if the directory cannot be read
     */
    @Setup
    public void setup() throws IOException {
        Path dir = Path.of(System.getProperty("forecast4j.timingDir", "../shared/conformance/series/timing_ecom"));
        if (!Files.isDirectory(dir)) {
            throw new IOException("timing series directory " + dir.toAbsolutePath()
                    + " not found; set -Dforecast4j.timingDir");
        }
        series = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                double[] y = new double[lines.size() - 1];
                for (int i = 1; i < lines.size(); i++) {
                    y[i - 1] = Double.parseDouble(lines.get(i).split(",")[1].trim());
                }
                series.add(TimeSeries.of(y).withPeriod(7).withName(f.getFileName().toString()));
            }
        }
        engine = PanelForecaster.builder(Forecasters.autoArima()).horizon(14).levels(80, 95).threads(threads)
                .fallback(Forecasters.seasonalNaive()).build();
    }

    /**
     * Fits and forecasts all series.
     *
     * @return the run summary
     */
    @Benchmark
    public PanelSummary autoArimaPanel() {
        return engine.forecast(series.iterator(), series.size(), r -> { });
    }
}
