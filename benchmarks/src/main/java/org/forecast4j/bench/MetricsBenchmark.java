package org.forecast4j.bench;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.metrics.Accuracy;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;
import org.forecast4j.core.metrics.Metrics;
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

/** Metric kernels on n actual/forecast pairs: one metric (MASE) and every point metric through the accumulator. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class MetricsBenchmark {

    @Param({"1000", "1000000"})
    int n;

    double[] actual;
    double[] forecast;
    double[] training;
    MetricValue scale;

    /** Seeded positive data. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        actual = new double[n];
        forecast = new double[n];
        training = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = 100 + 10 * rnd.nextGaussian();
            forecast[i] = 100 + 10 * rnd.nextGaussian();
            training[i] = 100 + 10 * rnd.nextGaussian();
        }
        scale = Metrics.maseScale(training, 7);
    }

    /**
     * MASE with its in-sample scale (two passes).
     *
     * @return the metric
     */
    @Benchmark
    public MetricValue mase() {
        return Metrics.mase(actual, forecast, training, 7);
    }

    /**
     * All seven point metrics in one pass of the accumulator.
     *
     * @return the metrics
     */
    @Benchmark
    public Accuracy allPointMetrics() {
        Accuracy.Accumulator a = Accuracy.accumulator(EnumSet.copyOf(Metric.pointMetrics()), List.of());
        for (int i = 0; i < n; i++) {
            a.add(null, i, actual[i], forecast[i], null, null, scale);
        }
        return a.result();
    }
}
