package org.forecast4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.statespace.ArimaCss;
import org.forecast4j.core.statespace.ArmaCovariance;
import org.forecast4j.core.statespace.GardnerQ0;
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
 * The estimator kernels of session 2, each beside what it replaced, for the seasonal model
 * ARIMA(1,0,1)(2,0,0)[7] (expanded AR length 15, MA length 1, state dimension 15):
 * <ul>
 *   <li>{@code q0Gardner} / {@code q0Autocovariance}: the stationary state covariance by AS 154 and by
 *       {@link ArmaCovariance};</li>
 *   <li>{@code cssSingle4x} / {@code cssFourLane}: four CSS sums of squares on n = 730 (four points of a
 *       numerical gradient) one at a time and in one four-lane pass.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ArimaKernelsBenchmark {

    double[] phi;
    double[] theta;
    int r;
    double[] q0;
    double[] gardnerWork;
    double[] covWork;
    double[] w;
    double[][] phi4;
    double[][] theta4;
    double[][] w4;
    double[][] resid4;
    double[] resid;
    int[] lags;
    double[] out;

    /** (1 - 0.5B)(1 - 0.3B^7 - 0.2B^14) and 1 + 0.4B; a white-noise series for the CSS. */
    @Setup
    public void setup() {
        phi = new double[15];
        phi[0] = 0.5;
        phi[6] = 0.3;
        phi[7] = -0.15;
        phi[13] = 0.2;
        phi[14] = -0.1;
        theta = new double[] {0.4};
        r = Math.max(phi.length, theta.length + 1);
        q0 = new double[r * r];
        gardnerWork = new double[GardnerQ0.workSize(r)];
        covWork = new double[ArmaCovariance.workSize(phi.length, r)];
        Random rnd = new Random(1);
        w = new double[730];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextGaussian();
        }
        phi4 = new double[4][];
        theta4 = new double[4][];
        w4 = new double[4][];
        for (int b = 0; b < 4; b++) {
            phi4[b] = phi.clone();
            phi4[b][0] += 1e-3 * b;
            theta4[b] = theta.clone();
            w4[b] = w;
        }
        resid4 = new double[4][w.length];
        resid = new double[w.length];
        lags = new int[phi.length + theta.length];
        out = new double[4];
    }

    /**
     * AS 154.
     *
     * @return Q0[0][0]
     */
    @Benchmark
    public double q0Gardner() {
        GardnerQ0.compute(phi, phi.length, theta, theta.length, q0, r, gardnerWork);
        return q0[0];
    }

    /**
     * From the autocovariances.
     *
     * @return Q0[0][0]
     */
    @Benchmark
    public double q0Autocovariance() {
        ArmaCovariance.compute(phi, phi.length, theta, theta.length, q0, r, covWork);
        return q0[0];
    }

    /**
     * Four CSS evaluations one after the other.
     *
     * @return the sum of the mean squares
     */
    @Benchmark
    public double cssSingle4x() {
        double s = 0;
        for (int b = 0; b < 4; b++) {
            s += ArimaCss.meanSquareDifferenced(w, w.length, phi4[b], theta4[b], 15, resid, lags);
        }
        return s;
    }

    /**
     * The same four evaluations in one pass.
     *
     * @return the sum of the mean squares
     */
    @Benchmark
    public double cssFourLane() {
        ArimaCss.meanSquareDifferenced4(w4, w.length, phi4, theta4, 15, resid4, lags, out);
        return out[0] + out[1] + out[2] + out[3];
    }
}
