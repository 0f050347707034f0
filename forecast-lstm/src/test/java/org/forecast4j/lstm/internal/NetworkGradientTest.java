package org.forecast4j.lstm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.forecast4j.lstm.CellType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite-difference gradient checks of {@link Network#backward}: every parameter's analytic derivative is
 * compared with the central difference {@code (L(θ+ε) - L(θ-ε)) / 2ε} of the independently evaluated forward
 * loss, block by block. Reference: the definition of the derivative (no code under test produces the expected
 * values except the forward pass, which is itself checked elsewhere against known signals).
 */
class NetworkGradientTest {

    /** Central-difference step: balances truncation error O(ε²) ≈ 1e-12 against rounding ≈ 1e-16/ε. */
    private static final double EPS = 1e-6;
    /** Required relative error per block, the acceptance bound for double precision. */
    private static final double MAX_REL = 1e-6;

    @ParameterizedTest(name = "{0} layers={1} inputs={2} dropout={3} hidden={4}")
    @CsvSource({
        "LSTM, 1, 1, 0.0, 5",
        "LSTM, 2, 1, 0.0, 5",
        "LSTM, 1, 3, 0.0, 5",
        "LSTM, 2, 3, 0.0, 5",
        "LSTM, 3, 2, 0.3, 5",
        "LSTM, 2, 2, 0.0, 9",
        "GRU, 1, 1, 0.0, 5",
        "GRU, 2, 1, 0.0, 5",
        "GRU, 1, 3, 0.0, 5",
        "GRU, 2, 3, 0.0, 5",
        "GRU, 3, 2, 0.3, 5",
        "GRU, 2, 2, 0.0, 9"})
    void backward_everyParameterBlock_matchesCentralDifferences(CellType cell, int layers, int inputs,
                                                                double dropout, int hidden) {
        // hidden 9 reaches the SIMD pointwise kernel when enabled (one 8-lane vector plus a scalar tail)
        int steps = 6;
        int batch = 4;
        int outputs = 3;
        Network net = new Network(cell, inputs, hidden, layers, outputs);
        double[] params = new double[net.numParams()];
        net.initialize(params, new SplittableRandom(1));
        // perturb biases away from their constant init so that every term of the gradient is exercised
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.1 * rnd.nextGaussian();
        }
        Network.Workspace ws = net.newWorkspace(batch + 2, steps, dropout > 0);
        for (int i = 0; i < steps * batch * inputs; i++) {
            ws.input()[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < batch * outputs; i++) {
            ws.target()[i] = rnd.nextGaussian();
        }
        double[] grads = new double[net.numParams()];
        net.forward(params, ws, batch, dropout, new SplittableRandom(99));
        net.mseLoss(ws);
        net.backward(params, ws, grads);

        String[] names = net.blockNames();
        int[] offs = net.blockOffsets();
        for (int blk = 0; blk < names.length; blk++) {
            double diff2 = 0;
            double norm2 = 0;
            for (int i = offs[blk]; i < offs[blk + 1]; i++) {
                double keep = params[i];
                params[i] = keep + EPS;
                double up = loss(net, params, ws, batch, dropout);
                params[i] = keep - EPS;
                double down = loss(net, params, ws, batch, dropout);
                params[i] = keep;
                double numeric = (up - down) / (2 * EPS);
                diff2 += (numeric - grads[i]) * (numeric - grads[i]);
                norm2 += numeric * numeric + grads[i] * grads[i];
            }
            assertTrue(norm2 > 0, names[blk] + " has an all-zero gradient");
            double rel = Math.sqrt(diff2) / Math.sqrt(norm2);
            assertTrue(rel < MAX_REL, cell + " " + names[blk] + " relative error " + rel);
        }
        assertEquals(net.numParams(), offs[offs.length - 1]);
    }

    private static double loss(Network net, double[] params, Network.Workspace ws, int batch, double dropout) {
        // the same dropout masks as the analytic pass (same seed)
        net.forward(params, ws, batch, dropout, new SplittableRandom(99));
        return net.mseLoss(ws);
    }
}
