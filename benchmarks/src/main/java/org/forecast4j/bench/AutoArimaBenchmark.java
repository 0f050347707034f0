package org.forecast4j.bench;

import java.util.Random;
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
 * auto-ARIMA (R defaults: stepwise, AICc, CSS approximation since n &gt; 150) on one daily series of 730 points
 * with weekly seasonality, a trend and noise, as the e-commerce series of the timing set.
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

    /** Builds the seeded series. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        double[] y = new double[730];
        double level = 6;
        for (int i = 0; i < y.length; i++) {
            level += 0.002 + 0.02 * rnd.nextGaussian();
            y[i] = level + 0.15 * Math.sin(2 * Math.PI * i / 7.0) + 0.05 * rnd.nextGaussian();
        }
        series = TimeSeries.of(y).withPeriod(7);
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
