package org.forecast4j.lstm.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One epoch of mini-batch training over windows of a scaled series: shuffle (Fisher-Yates), then per batch
 * gather the windows time-major, forward, MSE loss, BPTT, L2 weight decay, clipping by global norm and an
 * optimizer step. All buffers (workspace, gradients, optimizer state, permutation) are allocated once in the
 * constructor; {@link #epoch} allocates nothing.
 */
public final class TrainingLoop {

    private final Network net;
    private final double[] params;
    private final double[] grads;
    private final Optimizer opt;
    private final Network.Workspace ws;
    private final int batchSize;
    private final double dropout;
    private final double weightDecay;
    private final double clipNorm;
    private final SplittableRandom shuffleRng;
    private final SplittableRandom dropRng;
    private final WindowSource windows;
    private final int[] order;

    /**
     * Sets up training.
     *
     * @param net         the network (input size 1)
     * @param params      parameters, updated in place by every step. Modified.
     * @param opt         optimizer with its state
     * @param batchSize   windows per batch
     * @param dropout     dropout probability between layers
     * @param weightDecay L2 decay λ
     * @param clipNorm    global-norm clip threshold, 0 = off
     * @param shuffleRng  source of the permutations. Modified.
     * @param dropRng     source of the dropout masks. Modified.
     * @param windows     builds inputs and targets of a window from its start position
     * @param starts      start positions of the training windows. Not modified (copied).
     */
    public TrainingLoop(Network net, double[] params, Optimizer opt, int batchSize, double dropout,
                        double weightDecay, double clipNorm, SplittableRandom shuffleRng, SplittableRandom dropRng,
                        WindowSource windows, int[] starts) {
        this.net = net;
        this.params = params;
        this.grads = new double[net.numParams()];
        this.opt = opt;
        this.batchSize = Math.min(batchSize, starts.length);
        this.dropout = dropout;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        this.shuffleRng = shuffleRng;
        this.dropRng = dropRng;
        this.windows = windows;
        this.ws = net.newWorkspace(this.batchSize, windows.steps(), dropout > 0);
        this.order = starts.clone();
    }

    /**
     * Runs one epoch.
     *
     * @param lr learning rate of this epoch
     * @return mean training loss over the windows (each batch's MSE weighted by its size)
     */
    public double epoch(double lr) {
        int n = order.length;
        shuffle(order, shuffleRng);
        double sum = 0;
        for (int start = 0; start < n; start += batchSize) {
            int bsz = Math.min(batchSize, n - start);
            sum += step(start, bsz, lr) * bsz;
        }
        return sum / n;
    }

    /**
     * One mini-batch step on windows {@code order[start, start + bsz)}.
     *
     * @param start first position in the current permutation
     * @param bsz   batch size
     * @param lr    learning rate
     * @return the batch loss before the step
     */
    public double step(int start, int bsz, double lr) {
        windows.fill(order, start, bsz, ws.input(), ws.target());
        net.forward(params, ws, bsz, dropout, dropRng);
        double loss = net.mseLoss(ws);
        Arrays.fill(grads, 0.0);
        net.backward(params, ws, grads);
        Optimizer.addWeightDecay(params, grads, weightDecay);
        Optimizer.clipGlobalNorm(grads, clipNorm);
        opt.step(params, grads, lr);
        return loss;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
