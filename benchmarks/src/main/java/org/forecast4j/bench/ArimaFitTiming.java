package org.forecast4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.ArimaMethod;
import org.forecast4j.core.arima.FittedArima;

/**
 * Companion of {@link ArimaFitBenchmark} for a loaded, shared machine: times the same fits by the CPU time of the
 * fitting thread (which, unlike wall time, does not count the time the thread waits for a core), so that it can be
 * compared with R's {@code system.time()} user+system time measured in the same minutes
 * (benchmarks/scripts/timing_arima_cpu.R). Prints one line per case with the median over repeated batches.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.forecast4j.bench.ArimaFitTiming [BATCHES]}
 */
public final class ArimaFitTiming {

    private ArimaFitTiming() {
    }

    /**
     * Entry point.
     *
     * @param args optional number of batches (default 7)
     */
    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] models = {"arima512", "sarima7"};
        for (String model : models) {
            for (ArimaMethod m : new ArimaMethod[] {ArimaMethod.ML, ArimaMethod.CSS_ML}) {
                TimeSeries y;
                Arima spec;
                if ("arima512".equals(model)) {
                    y = TimeSeries.of(BenchData.series("arima512_n1000.csv"));
                    spec = Arima.of(5, 1, 2);
                } else {
                    y = TimeSeries.of(BenchData.series("ecom_000.csv")).withPeriod(7);
                    spec = Arima.of(1, 1, 1).withSeasonal(0, 1, 1, 7);
                }
                spec = spec.withMethod(m);
                FittedArima f = null;
                for (int i = 0; i < 30; i++) {
                    f = spec.fit(y);
                }
                double[] cpu = new double[batches];
                double[] wall = new double[batches];
                int reps = 10;
                for (int b = 0; b < batches; b++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        f = spec.fit(y);
                    }
                    cpu[b] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / reps;
                    wall[b] = (System.nanoTime() - t0) / 1e6 / reps;
                }
                Arrays.sort(cpu);
                Arrays.sort(wall);
                System.out.printf(Locale.ROOT,
                        "%s %s: cpu ms/fit median %.2f (min %.2f, max %.2f), wall median %.2f; evaluations %d, "
                                + "loglik %.6f%n", model, m.label(), cpu[batches / 2], cpu[0], cpu[batches - 1],
                        wall[batches / 2], f.evaluations(), f.logLikelihood());
            }
        }
    }
}
