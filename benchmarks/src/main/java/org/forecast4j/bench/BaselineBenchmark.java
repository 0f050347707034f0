package org.forecast4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
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

/** Fit cost of the seasonal naive and drift baselines. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class BaselineBenchmark {

    @Param({"1000", "1000000"})
    int n;

    TimeSeries series;

    /** Builds a seeded random walk with weekly seasonality. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        double[] y = new double[n];
        double level = 100;
        for (int i = 0; i < n; i++) {
            level += rnd.nextGaussian();
            y[i] = level + 10 * Math.sin(2 * Math.PI * i / 7.0);
        }
        series = TimeSeries.of(y).withPeriod(7);
    }

    /**
     * Fits the seasonal naive method.
     *
     * @return the fitted model
     */
    @Benchmark
    public FittedModel seasonalNaiveFit() {
        return Forecasters.seasonalNaive().fit(series);
    }

    /**
     * Fits the random walk with drift.
     *
     * @return the fitted model
     */
    @Benchmark
    public FittedModel driftFit() {
        return Forecasters.drift().fit(series);
    }
}
