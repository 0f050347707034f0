package org.forecast4j.bench;

import java.util.concurrent.TimeUnit;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.ArimaMethod;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.statespace.ChandrasekharLikelihood;
import org.forecast4j.core.statespace.KalmanLikelihood;
import org.forecast4j.core.statespace.KalmanWorkspace;
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
 * One exact log-likelihood evaluation: {@code evaluate} is the Kalman filter in R's state space ({@code ARIMA_Like},
 * diffuse part with kappa = 1e6), {@code chandrasekhar} the O(r)-per-step recursions on the differenced series. Models: ARIMA(5,1,2) on n = 1000 at the ML
 * estimates ({@code arima512}), and of ARIMA(1,1,1)(0,1,1)[7] on a daily e-commerce series, n = 730
 * ({@code sarima7}, state dimension 17). Check {@code -prof gc}: {@code gc.alloc.rate.norm} should be ~0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class KalmanLikelihoodBenchmark {

    @Param({"arima512", "sarima7"})
    String model;

    double[] y;
    double[] phi;
    double[] theta;
    double[] delta;
    KalmanWorkspace ws;
    double[] w;
    KalmanWorkspace wsDiff;

    /** Fits the model once to get realistic parameters, then allocates the workspace. */
    @Setup
    public void setup() {
        FittedArima f;
        if ("arima512".equals(model)) {
            y = BenchData.series("arima512_n1000.csv");
            f = Arima.of(5, 1, 2).withMethod(ArimaMethod.ML).fit(TimeSeries.of(y));
            phi = f.ar();
            theta = f.ma();
            delta = new double[] {1};
        } else {
            y = BenchData.series("ecom_000.csv");
            f = Arima.of(1, 1, 1).withSeasonal(0, 1, 1, 7).withMethod(ArimaMethod.ML).fit(TimeSeries.of(y));
            phi = f.ar();
            double ma = f.ma()[0];
            double sma = f.sma()[0];
            theta = new double[8];
            theta[0] = ma;
            theta[6] = sma;
            theta[7] = ma * sma;
            delta = new double[8];
            delta[0] = 1;
            delta[6] = 1;
            delta[7] = -1;
        }
        ws = new KalmanWorkspace(phi.length, theta.length, delta.length);
        // the differenced series w = Δ(B) y for the Chandrasekhar (ARMA) form used by the optimiser
        w = new double[y.length - delta.length];
        for (int t = 0; t < w.length; t++) {
            double v = y[t + delta.length];
            for (int k = 0; k < delta.length; k++) {
                v -= delta[k] * y[t + delta.length - 1 - k];
            }
            w[t] = v;
        }
        wsDiff = new KalmanWorkspace(phi.length, theta.length, 0);
    }

    /**
     * One exact ARMA likelihood of the differenced series by the Chandrasekhar recursions (what the ML optimiser
     * evaluates on gap-free series).
     *
     * @return the sum of squares
     */
    @Benchmark
    public double chandrasekhar() {
        return ChandrasekharLikelihood.evaluate(w, phi, theta, wsDiff);
    }

    /**
     * One likelihood evaluation.
     *
     * @return the sum of squares (so the work is not dead code)
     */
    @Benchmark
    public double evaluate() {
        return KalmanLikelihood.evaluate(y, phi, theta, delta, ws, null);
    }
}
