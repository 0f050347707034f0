package org.forecast4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.backtest.Backtest;
import org.forecast4j.core.backtest.BacktestResult;
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
 * A rolling-origin backtest of the four baselines on a daily series of two years (initial window 365, horizon 14,
 * weekly step: 51 folds x 4 models = 204 fits), serial and on two workers: the cost of the backtest machinery
 * (slicing, fitting, forecasting with 80/95% intervals, pooling every metric) around cheap models.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class BacktestBenchmark {

    @Param({"1", "2"})
    int parallelism;

    TimeSeries series;
    Map<String, Forecaster> models;
    Backtest backtest;

    /** Builds a seeded weekly-seasonal random walk and the backtest configuration. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        double[] y = new double[730];
        double level = 1000;
        for (int i = 0; i < y.length; i++) {
            level += 5 * rnd.nextGaussian();
            y[i] = level + 100 * Math.sin(2 * Math.PI * i / 7.0) + 20 * rnd.nextGaussian();
        }
        series = TimeSeries.of(y).withPeriod(7).withName("bench");
        models = new LinkedHashMap<>();
        models.put("mean", Forecasters.mean());
        models.put("naive", Forecasters.naive());
        models.put("snaive", Forecasters.seasonalNaive());
        models.put("drift", Forecasters.drift());
        backtest = Backtest.builder().initialWindow(365).horizon(14).step(7).levels(80, 95)
                .parallelism(parallelism).build();
    }

    /**
     * Runs the backtest.
     *
     * @return the result
     */
    @Benchmark
    public BacktestResult backtest() {
        return backtest.run(models, series);
    }
}
