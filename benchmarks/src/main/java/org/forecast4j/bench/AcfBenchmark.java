package org.forecast4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.stats.Autocorrelation;
import org.forecast4j.core.stats.BoxTest;
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

/**
 * ACF (lags 0..maxLag, allocation-free into a reused output), PACF (Durbin–Levinson on top) and the Ljung–Box
 * test, on a seeded AR(1) series.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class AcfBenchmark {

    @Param({"1000", "1000000"})
    int n;

    @Param({"20"})
    int maxLag;

    double[] x;
    double[] out;
    double[] r;
    double[] pacfOut;
    double[] pacfWork;

    /** Builds an AR(1) series with coefficient 0.6 from {@code new Random(42)}. */
    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(42);
        x = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = 0.6 * x[i - 1] + rnd.nextGaussian();
        }
        out = new double[maxLag + 1];
        r = Autocorrelation.acf(x, maxLag);
        pacfOut = new double[maxLag];
        pacfWork = new double[2 * maxLag];
    }

    /**
     * Autocorrelations into a reused array (no allocation).
     *
     * @return the output array
     */
    @Benchmark
    public double[] acf() {
        return Autocorrelation.acf(x, maxLag, out);
    }

    /**
     * Reference point: the textbook loop (centred copy, one accumulator per lag, lag-major order), as R's C code.
     *
     * @return the autocorrelations
     */
    @Benchmark
    public double[] acfTextbook() {
        double[] z = new double[n];
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += x[i];
        }
        m /= n;
        for (int i = 0; i < n; i++) {
            z[i] = x[i] - m;
        }
        double[] r = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double s = 0;
            for (int i = 0; i + k < n; i++) {
                s += z[i + k] * z[i];
            }
            r[k] = s / n;
        }
        double c0 = r[0];
        for (int k = 0; k <= maxLag; k++) {
            r[k] /= c0;
        }
        return r;
    }

    /**
     * Partial autocorrelations (allocates the small result).
     *
     * @return the PACF
     */
    @Benchmark
    public double[] pacf() {
        return Autocorrelation.pacf(x, maxLag);
    }

    /**
     * The Durbin–Levinson recursion alone: partial autocorrelations from given autocorrelations, into reused
     * arrays (no allocation).
     *
     * @return the PACF
     */
    @Benchmark
    public double[] pacfFromAcf() {
        return Autocorrelation.pacfFromAcf(r, maxLag, pacfOut, pacfWork);
    }

    /**
     * Ljung–Box test at lag maxLag.
     *
     * @return the result
     */
    @Benchmark
    public BoxTest.Result ljungBox() {
        return BoxTest.ljungBox(x, maxLag, 0);
    }
}
