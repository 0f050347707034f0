package org.forecast4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.forecast4j.lstm.CellType;
import org.forecast4j.lstm.OptimizerType;
import org.forecast4j.lstm.internal.Network;
import org.forecast4j.lstm.internal.Optimizer;
import org.forecast4j.lstm.internal.TrainingLoop;
import org.forecast4j.lstm.internal.WindowSource;
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
 * One training epoch of the PyTorch reference workload ({@code ../shared/ref/timing_torch.py}): the 730-day
 * e-commerce series {@code ecom_000.csv}, log-transformed and standardised over all points, 702 windows of 28
 * steps with the next value as target, shuffled batches of 32 (22 steps), one LSTM layer + linear head on the
 * last hidden state, MSE, Adam with learning rate 1e-3, no clipping, one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class LstmEpochBenchmark {

    @Param({"32", "64", "128"})
    int hidden;

    @Param({"LSTM", "GRU"})
    CellType cell;

    TrainingLoop loop;

    /** Loads the series and sets up the network, optimizer and buffers. */
    @Setup(Level.Trial)
    public void setup() {
        double[] y = readSeries();
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.log(y[i]);
            mean += y[i];
        }
        mean /= y.length;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / y.length);
        for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] - mean) / sd;
        }
        int lookback = 28;
        Network net = new Network(cell, 1, hidden, 1, 1);
        double[] params = new double[net.numParams()];
        SplittableRandom rnd = new SplittableRandom(0);
        net.initialize(params, rnd);
        Optimizer adam = Optimizer.create(OptimizerType.ADAM, net.numParams(), 0);
        int[] starts = new int[y.length - lookback];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i;
        }
        loop = new TrainingLoop(net, params, adam, 32, 0.0, 0.0, 0.0, rnd.split(), rnd.split(),
                new WindowSource(y, null, lookback, 1), starts);
    }

    /**
     * One epoch: 22 shuffled mini-batch steps.
     *
     * @return mean training loss
     */
    @Benchmark
    public double epoch() {
        return loop.epoch(1e-3);
    }

    static double[] readSeries() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LstmEpochBenchmark.class.getResourceAsStream("/ecom_000.csv"), StandardCharsets.UTF_8))) {
            List<Double> v = new ArrayList<>();
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    v.add(Double.parseDouble(line.substring(line.indexOf(',') + 1)));
                }
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
