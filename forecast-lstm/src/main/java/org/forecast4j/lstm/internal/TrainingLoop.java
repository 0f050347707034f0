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
    private final int lookback;
    private final double dropout;
    private final double weightDecay;
    private final double clipNorm;
    private final SplittableRandom shuffleRng;
    private final SplittableRandom dropRng;
    private final double[] series;
    private final int[] order;

    /**
     * Sets up training.
     *
     * @param net         the network (input size 1)
     * @param params      parameters, updated in place by every step. Modified.
     * @param opt         optimizer with its state
     * @param batchSize   windows per batch
     * @param lookback    window length L
     * @param dropout     dropout probability between layers
     * @param weightDecay L2 decay λ
     * @param clipNorm    global-norm clip threshold, 0 = off
     * @param shuffleRng  source of the permutations. Modified.
     * @param dropRng     source of the dropout masks. Modified.
     * @param series      scaled values (one series or several concatenated); a window starting at {@code i} is
     *                    {@code series[i, i+L)} with targets {@code series[i+L, i+L+K)}. Not modified.
     * @param starts      start positions of the training windows. Not modified (copied).
     */
    public TrainingLoop(Network net, double[] params, Optimizer opt, int batchSize, int lookback, double dropout,
                        double weightDecay, double clipNorm, SplittableRandom shuffleRng, SplittableRandom dropRng,
                        double[] series, int[] starts) {
        this.net = net;
        this.params = params;
        this.grads = new double[net.numParams()];
        this.opt = opt;
        this.batchSize = Math.min(batchSize, starts.length);
        this.lookback = lookback;
        this.dropout = dropout;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        this.shuffleRng = shuffleRng;
        this.dropRng = dropRng;
        this.series = series;
        this.ws = net.newWorkspace(this.batchSize, lookback, dropout > 0);
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
        fillBatch(series, order, start, bsz, lookback, net.outputSize(), ws.input(), ws.target());
        net.forward(params, ws, bsz, dropout, dropRng);
        double loss = net.mseLoss(ws);
        Arrays.fill(grads, 0.0);
        net.backward(params, ws, grads);
        Optimizer.addWeightDecay(params, grads, weightDecay);
        Optimizer.clipGlobalNorm(grads, clipNorm);
        opt.step(params, grads, lr);
        return loss;
    }

    /**
     * Fills a time-major input batch {@code x[t·B + b] = s[start_b + t]} and targets
     * {@code target[b·K + k] = s[start_b + L + k]}.
     *
     * @param s        scaled series. Not modified.
     * @param starts   window starts. Not modified.
     * @param from     first index into {@code starts}
     * @param bsz      batch size B
     * @param lookback L
     * @param k        outputs per window K
     * @param x        input buffer. Modified.
     * @param target   target buffer. Modified.
     */
    public static void fillBatch(double[] s, int[] starts, int from, int bsz, int lookback, int k, double[] x,
                                 double[] target) {
        for (int b = 0; b < bsz; b++) {
            int i = starts[from + b];
            for (int t = 0; t < lookback; t++) {
                x[t * bsz + b] = s[i + t];
            }
            System.arraycopy(s, i + lookback, target, b * k, k);
        }
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
