package org.forecast4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import org.forecast4j.core.Forecast;
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
 * The panel engine: seasonal naive with 80/95% intervals, h = 14, over 10,000 daily series of 365 points, on 1
 * and 2 threads, against a plain sequential loop (the engine's overhead).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class PanelForecastBenchmark {

    @Param({"10000"})
    int series;

    @Param({"1", "2"})
    int threads;

    List<TimeSeries> panel;
    PanelForecaster engine;

    /** Builds the series (seeded) and the engine. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        panel = new ArrayList<>(series);
        for (int k = 0; k < series; k++) {
            double[] y = new double[365];
            double level = 100 + rnd.nextInt(1000);
            for (int i = 0; i < y.length; i++) {
                level += rnd.nextGaussian();
                y[i] = level + 10 * Math.sin(2 * Math.PI * i / 7.0) + rnd.nextGaussian();
            }
            panel.add(TimeSeries.of(y).withPeriod(7).withName("s" + k));
        }
        engine = PanelForecaster.builder(Forecasters.seasonalNaive()).horizon(14).levels(80, 95).threads(threads)
                .build();
    }

    /**
     * Forecasts every series through the engine; the consumer only sums the first mean.
     *
     * @return the run summary
     */
    @Benchmark
    public PanelSummary engine() {
        DoubleAdder sum = new DoubleAdder();
        return engine.forecast(panel.iterator(), panel.size(), r -> sum.add(r.forecast().mean()[0]));
    }

    /**
     * The same work in a plain loop on the calling thread (ignores the thread count).
     *
     * @return the sum of first means
     */
    @Benchmark
    public double sequentialLoop() {
        double sum = 0;
        for (TimeSeries s : panel) {
            Forecast f = Forecasters.seasonalNaive().fit(s).forecast(14, 80, 95);
            sum += f.mean()[0];
        }
        return sum;
    }
}
