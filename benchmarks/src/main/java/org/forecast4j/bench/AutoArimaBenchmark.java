package org.forecast4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.arima.select.AutoArimaModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * auto-ARIMA (R defaults: stepwise, AICc, CSS approximation since n &gt; 150) on one daily e-commerce series of
 * 730 points with weekly period: {@code ecom_000} of the shared timing set (resource {@code bench/ecom_000.csv},
 * copied from ../shared/conformance/series/timing_ecom/), on which R 4.2.2 forecast 8.20 chooses
 * ARIMA(2,1,1)(0,0,2)[7] with drift, as forecast4j does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class AutoArimaBenchmark {

    TimeSeries series;
    AutoArima autoArima;

    /**
     * Reads the series.
     *
     * @throws IOException if the resource cannot be read
     */
    @Setup
    public void setup() throws IOException {
        try (InputStream in = AutoArimaBenchmark.class.getResourceAsStream("/bench/ecom_000.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            double[] y = new double[lines.length - 1];
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].trim().split(",");
                y[i - 1] = Double.parseDouble(cells[cells.length - 1]); // the value is the last column
            }
            series = TimeSeries.of(y).withPeriod(7);
        }
        autoArima = Forecasters.autoArima();
    }

    /**
     * The whole automatic fit: unit-root tests, stepwise search, refit.
     *
     * @return the chosen model
     */
    @Benchmark
    public AutoArimaModel autoArima() {
        return autoArima.fit(series);
    }
}
