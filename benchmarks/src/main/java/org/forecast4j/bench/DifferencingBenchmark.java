package org.forecast4j.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.transform.Differencing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Differencing kernels and their inverse on a seeded random walk with weekly seasonality. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class DifferencingBenchmark {

    @Param({"1000", "1000000"})
    int n;

    double[] x;
    double[] out;
    double[] dx;
    double[] initial;
    double[] integrated;
    Differencing weekly;
    double[] w;
    double[] wInitial;

    /** Builds the series and the reused buffers. */
    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(42);
        x = new double[n];
        double level = 100;
        for (int i = 0; i < n; i++) {
            level += rnd.nextGaussian();
            x[i] = level + 10 * Math.sin(2 * Math.PI * i / 7.0);
        }
        out = new double[n];
        dx = Differencing.diff(x, 1, (double[]) null);
        initial = new double[] {x[0]};
        integrated = new double[n];
        weekly = Differencing.of(1).withSeasonal(1, 7);
        w = weekly.apply(x);
        wInitial = Arrays.copyOf(x, weekly.lost());
    }

    /**
     * First differences into a reused array (no allocation).
     *
     * @return the output array
     */
    @Benchmark
    public double[] diffLag1() {
        return Differencing.diff(x, 1, out);
    }

    /**
     * Integration of first differences into a reused array (no allocation).
     *
     * @return the output array
     */
    @Benchmark
    public double[] integrateLag1() {
        return Differencing.integrate(dx, 1, initial, integrated);
    }

    /**
     * {@code (1−B)(1−B^7)} applied to the series (allocating the result).
     *
     * @return the differences
     */
    @Benchmark
    public double[] seasonalApply() {
        return weekly.apply(x);
    }

    /**
     * Inverse of {@code (1−B)(1−B^7)} (allocating).
     *
     * @return the integrated series
     */
    @Benchmark
    public double[] seasonalInvert() {
        return weekly.invert(w, wInitial);
    }
}
