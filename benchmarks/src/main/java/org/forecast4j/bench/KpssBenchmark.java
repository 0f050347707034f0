package org.forecast4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.arima.select.DifferencingDecision;
import org.forecast4j.core.arima.select.Kpss;
import org.forecast4j.core.arima.select.Ocsb;
import org.forecast4j.core.arima.select.OcsbResult;
import org.forecast4j.core.arima.select.SeasonalStrength;
import org.forecast4j.core.arima.select.SeasonalTest;
import org.forecast4j.core.arima.select.UnitRootTests;
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
 * Unit-root and seasonality tests on a daily series with weekly seasonality: the KPSS statistic kernel, the
 * full {@code ndiffs} decision, the STL seasonal strength, {@code nsdiffs} and the OCSB test.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class KpssBenchmark {

    @Param({"730"})
    int n;

    double[] y;
    double[] work;

    /** Builds a seeded random walk plus weekly pattern and noise. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        y = new double[n];
        double level = 1000;
        for (int i = 0; i < n; i++) {
            level += rnd.nextGaussian() * 5;
            y[i] = level + 50 * Math.sin(2 * Math.PI * i / 7.0) + rnd.nextGaussian() * 20;
        }
        work = new double[n];
    }

    /**
     * The KPSS statistic kernel with the ndiffs lag, reusing a workspace (no allocation).
     *
     * @return the statistic
     */
    @Benchmark
    public double kpssStatistic() {
        return Kpss.statistic(y, n, Kpss.Type.LEVEL, Kpss.ndiffsLags(n), work);
    }

    /**
     * The whole ndiffs decision (KPSS on y, then on its differences).
     *
     * @return the decision
     */
    @Benchmark
    public DifferencingDecision ndiffs() {
        return UnitRootTests.ndiffsDecision(y, 0.05, Kpss.Type.LEVEL, 2);
    }

    /**
     * Seasonal strength from an STL decomposition (s.window 11).
     *
     * @return the strength
     */
    @Benchmark
    public double seasonalStrength() {
        return SeasonalStrength.of(y, 7);
    }

    /**
     * The whole nsdiffs decision with the default seasonal-strength test.
     *
     * @return the decision
     */
    @Benchmark
    public DifferencingDecision nsdiffs() {
        return UnitRootTests.nsdiffsDecision(y, 7, SeasonalTest.SEASONAL_STRENGTH, 1);
    }

    /**
     * The OCSB test with AIC lag selection among 1..3.
     *
     * @return the result
     */
    @Benchmark
    public OcsbResult ocsb() {
        return Ocsb.test(y, 7);
    }
}
