package org.forecast4j.lstm.internal;

/**
 * Multi-step prediction from many forecast origins at once. Each origin's window is the {@code L} scaled values
 * before it; the network's {@code K} outputs are appended to the window and the next pass reads the last
 * {@code L} values again, so one routine serves the direct strategy ({@code K = H}, one pass, blocks chained
 * beyond H) and the recursive one ({@code K = 1}, one pass per step). Origins are processed in batches.
 */
public final class Predictor {

    /** Windows per forward pass when predicting; bounds the workspace at {@code 256·L·G·H} doubles per layer. */
    public static final int BATCH = 256;

    private Predictor() {
    }

    /**
     * Predicts {@code h} steps after each origin.
     *
     * @param net     the network (input size 1)
     * @param params  its parameters. Not modified.
     * @param scaled  scaled series; origin {@code o} uses {@code scaled[o-L, o)}. Not modified.
     * @param origins origins, each in {@code [L, scaled.length]}. Not modified.
     * @param lookback window length L
     * @param h       steps to predict, &ge; 1
     * @param out     predictions (scaled), {@code out[i·h + k]} for origin {@code i}, length &ge;
     *                {@code origins.length·h}. Modified.
     */
    public static void predict(Network net, double[] params, double[] scaled, int[] origins, int lookback, int h,
                               double[] out) {
        predict(net, params, scaled, null, origins, lookback, h, out);
    }

    /**
     * Predicts {@code h} steps after each origin with covariates (input layout of {@link WindowSource}).
     *
     * @param net      the network
     * @param params   its parameters. Not modified.
     * @param scaled   scaled series. Not modified.
     * @param cov      scaled covariates {@code cov[f][p]} by absolute position, covering every position up to
     *                 {@code origin + ⌈h/K⌉·K - 1}; or null. Not modified.
     * @param origins  origins. Not modified.
     * @param lookback window length L
     * @param h        steps to predict
     * @param out      predictions {@code out[i·h + k]}. Modified.
     */
    public static void predict(Network net, double[] params, double[] scaled, double[][] cov, int[] origins,
                               int lookback, int h, double[] out) {
        int count = origins.length;
        if (count == 0) {
            return;
        }
        int k = net.outputSize();
        int nf = cov == null ? 0 : cov.length;
        int in = WindowSource.inputSize(nf);
        int steps = WindowSource.steps(lookback, k, nf);
        int maxB = Math.min(BATCH, count);
        Network.Workspace ws = net.newWorkspace(maxB, steps, false);
        int span = lookback + h;
        double[] hist = new double[maxB * span];
        double[] x = ws.input();
        double[] y = ws.output();
        for (int c0 = 0; c0 < count; c0 += maxB) {
            int bsz = Math.min(maxB, count - c0);
            for (int b = 0; b < bsz; b++) {
                System.arraycopy(scaled, origins[c0 + b] - lookback, hist, b * span, lookback);
            }
            int done = 0;
            while (done < h) {
                if (nf == 0) {
                    for (int t = 0; t < lookback; t++) {
                        for (int b = 0; b < bsz; b++) {
                            x[t * bsz + b] = hist[b * span + done + t];
                        }
                    }
                } else {
                    for (int t = 0; t < steps; t++) {
                        for (int b = 0; b < bsz; b++) {
                            int row = (t * bsz + b) * in;
                            int p = origins[c0 + b] - lookback + done + t;
                            boolean known = t < lookback;
                            x[row] = known ? hist[b * span + done + t] : 0.0;
                            for (int f = 0; f < nf; f++) {
                                x[row + 1 + f] = cov[f][p];
                            }
                            x[row + 1 + nf] = known ? 1.0 : 0.0;
                        }
                    }
                }
                net.forward(params, ws, bsz, 0.0, null);
                int m = Math.min(k, h - done);
                for (int b = 0; b < bsz; b++) {
                    for (int j = 0; j < m; j++) {
                        hist[b * span + lookback + done + j] = y[b * k + j];
                    }
                }
                done += m;
            }
            for (int b = 0; b < bsz; b++) {
                System.arraycopy(hist, b * span + lookback, out, (c0 + b) * h, h);
            }
        }
    }
}
