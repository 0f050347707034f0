package org.forecast4j.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.forecast4j.lstm.CellType;
import org.forecast4j.lstm.internal.Network;
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
 * One forward + backward pass (MSE loss, BPTT, all gradients) of a one-layer recurrent network on a batch of 32
 * windows of 28 steps, the unit of work of one optimizer step. Run with {@code -prof gc}: the allocation rate
 * per operation must be ~0 (every buffer lives in the reused workspace).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Benchmark)
public class LstmStepBenchmark {

    @Param({"32", "64", "128"})
    int hidden;

    @Param({"LSTM"})
    CellType cell;

    int lookback = 28;
    int batch = 32;
    Network net;
    Network.Workspace ws;
    double[] params;
    double[] grads;

    /** Builds the network and a random batch from {@code new Random(42)}. */
    @Setup(Level.Trial)
    public void setup() {
        net = new Network(cell, 1, hidden, 1, 1);
        params = new double[net.numParams()];
        net.initialize(params, new SplittableRandom(42));
        grads = new double[net.numParams()];
        ws = net.newWorkspace(batch, lookback, false);
        Random rnd = new Random(42);
        for (int i = 0; i < lookback * batch; i++) {
            ws.input()[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < batch; i++) {
            ws.target()[i] = rnd.nextGaussian();
        }
    }

    /**
     * Forward pass, loss and backpropagation through time.
     *
     * @return the loss
     */
    @Benchmark
    public double forwardBackward() {
        net.forward(params, ws, batch, 0.0, null);
        double loss = net.mseLoss(ws);
        Arrays.fill(grads, 0.0);
        net.backward(params, ws, grads);
        return loss + grads[0];
    }
}
