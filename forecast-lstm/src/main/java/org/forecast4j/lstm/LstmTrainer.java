package org.forecast4j.lstm;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.forecast4j.core.Checks;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.lstm.internal.Network;
import org.forecast4j.lstm.internal.Optimizer;
import org.forecast4j.lstm.internal.Predictor;
import org.forecast4j.lstm.internal.Scaler;
import org.forecast4j.lstm.internal.TrainingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a recurrent forecaster on one series.
 *
 * <h2>Recipe</h2>
 * <ol>
 * <li>Split by time: the last {@code V + H - 1} observations (V = validation origins, a fraction of all
 *     {@code n - L - H + 1} forecast origins) are held out; the rest is the training part.</li>
 * <li>Fit the target scaling on the training part only and scale the whole series with it.</li>
 * <li>Training windows: every {@code L} consecutive scaled values inside the training part with the next
 *     {@code K} values as targets ({@code K = H} direct, 1 recursive). Validation windows: those whose targets
 *     lie in the held-out tail.</li>
 * <li>Per epoch: shuffle the training windows (Fisher-Yates), and per mini-batch run the forward pass, the MSE
 *     loss, BPTT, add L2 weight decay, clip by global norm and take an Adam or SGD step with the epoch's learning
 *     rate {@code lr·γ^e}. Then evaluate the validation MSE; keep the best weights; stop after {@code patience}
 *     epochs without improvement.</li>
 * <li>Restore the best weights and calibrate conformal intervals on the absolute errors of H-step forecasts
 *     from the held-out origins.</li>
 * </ol>
 * Every random choice comes from one {@code SplittableRandom(seed)} (split into independent streams for
 * initialisation, shuffling and dropout), and all arithmetic is single-threaded in a fixed order, so training is
 * bit-for-bit reproducible on the same JVM and CPU.
 *
 * @since 0.1.0
 */
public final class LstmTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(LstmTrainer.class);

    /** Cap on calibration origins drawn from the training part when there is no validation split. */
    static final int MAX_TRAINING_CALIBRATION = 1000;

    private final LstmConfig config;

    /**
     * Creates a trainer.
     *
     * @param config the configuration
     */
    public LstmTrainer(LstmConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The configuration.
     *
     * @return config
     */
    public LstmConfig config() {
        return config;
    }

    /**
     * Trains without progress reports.
     *
     * @param series training data, no missing values
     * @return the trained model
     * @throws IllegalArgumentException if the series has missing values or is too short for the windows
     * @throws ModelFitException        if training diverges (non-finite loss)
     */
    public LstmModel train(TimeSeries series) {
        return train(series, TrainingListener.NONE);
    }

    /**
     * Trains, reporting each epoch to {@code listener}.
     *
     * @param series   training data, no missing values
     * @param listener progress callback
     * @return the trained model
     * @throws IllegalArgumentException if the series has missing values or is too short for the windows
     * @throws ModelFitException        if training diverges (non-finite loss)
     */
    public LstmModel train(TimeSeries series, TrainingListener listener) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        double[] y = series.values();
        requireComplete(y);
        Split split = Split.of(config, y.length);
        Scaler scaler = Scaler.fit(config.scaling(), y, split.nTrain);
        double[] s = scaler.transform(y);

        final int lookback = config.lookback();
        final int k = split.outputs;
        Network net = new Network(config.cell(), 1, config.hidden(), config.layers(), k);
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom initRng = root.split();
        SplittableRandom shuffleRng = root.split();
        SplittableRandom dropRng = root.split();
        double[] params = new double[net.numParams()];
        net.initialize(params, initRng);
        Optimizer opt = Optimizer.create(config.optimizer(), net.numParams(), config.momentum());
        int ntr = split.trainWindows;
        TrainingLoop loop = new TrainingLoop(net, params, opt, config.batchSize(), lookback, config.dropout(),
                config.weightDecay(), config.clipNorm(), shuffleRng, dropRng, s, ntr);
        int[] valStarts = new int[split.validationWindows];
        for (int i = 0; i < valStarts.length; i++) {
            valStarts[i] = split.nTrain - lookback + i;
        }
        Network.Workspace evalWs = valStarts.length == 0 ? null
                : net.newWorkspace(Math.min(Predictor.BATCH, valStarts.length), lookback, false);

        int maxEpochs = config.epochs();
        double[] trainLoss = new double[maxEpochs];
        double[] valLoss = new double[maxEpochs];
        double best = Double.POSITIVE_INFINITY;
        double[] bestParams = params.clone();
        int bestEpoch = 0;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        int run = 0;
        for (int e = 0; e < maxEpochs; e++) {
            double lr = config.learningRate() * Math.pow(config.learningRateDecay(), e);
            double tl = loop.epoch(lr);
            if (!Double.isFinite(tl)) {
                throw new ModelFitException(String.format(java.util.Locale.ROOT,
                        "training diverged at epoch %d (loss %s); lower learningRate (%s) or set clipNorm",
                        e + 1, tl, config.learningRate()));
            }
            double vl = evalWs == null ? Double.NaN : evaluate(net, params, evalWs, s, valStarts, lookback, k);
            trainLoss[e] = tl;
            valLoss[e] = vl;
            run = e + 1;
            boolean improved;
            if (evalWs == null) {
                improved = true;
                bestEpoch = e + 1;
            } else if (vl < best) {
                improved = true;
                best = vl;
                System.arraycopy(params, 0, bestParams, 0, params.length);
                bestEpoch = e + 1;
                sinceBest = 0;
            } else {
                improved = false;
                sinceBest++;
            }
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            LOG.debug("epoch {}/{} train {} validation {} lr {} ({} ms)", e + 1, maxEpochs, tl, vl, lr, elapsed);
            listener.onEpoch(new EpochReport(e + 1, maxEpochs, tl, vl, lr, elapsed, improved));
            if (evalWs != null && config.patience() > 0 && sinceBest >= config.patience()) {
                stoppedEarly = e + 1 < maxEpochs;
                break;
            }
        }
        if (evalWs != null && bestEpoch > 0) {
            params = bestParams;
        }

        // conformal calibration: absolute H-step errors from origins the network was not trained on
        int h = config.horizon();
        int[] origins;
        boolean onTraining = split.validationOrigins == 0;
        if (!onTraining) {
            origins = new int[split.validationOrigins];
            for (int i = 0; i < origins.length; i++) {
                origins[i] = split.nTrain + i;
            }
        } else {
            int first = lookback;
            int last = y.length - h;
            int count = Math.min(MAX_TRAINING_CALIBRATION, last - first + 1);
            origins = new int[count];
            for (int i = 0; i < count; i++) {
                origins[i] = last - count + 1 + i;
            }
        }
        double[] pred = new double[origins.length * h];
        Predictor.predict(net, params, s, origins, lookback, h, pred);
        double[][] residuals = new double[h][origins.length];
        for (int i = 0; i < origins.length; i++) {
            for (int j = 0; j < h; j++) {
                double f = scaler.inverse(pred[i * h + j]);
                residuals[j][i] = Math.abs(y[origins[i] + j] - f);
            }
        }
        for (int j = 0; j < h; j++) {
            Arrays.sort(residuals[j]);
            if (!Double.isFinite(residuals[j][residuals[j].length - 1])) {
                throw new ModelFitException("the trained network produces non-finite forecasts; lower learningRate "
                        + "or use STANDARD scaling");
            }
        }
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        TrainingDiagnostics diag = new TrainingDiagnostics(Arrays.copyOf(trainLoss, run), Arrays.copyOf(valLoss, run),
                bestEpoch, stoppedEarly, ntr, split.validationWindows, origins.length, onTraining, elapsed);
        return new LstmModel(config, series, params, scaler, split.nTrain, residuals, diag);
    }

    private static void requireComplete(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "series value at index %d is missing (NaN); the LSTM forecaster needs complete data, "
                                + "impute missing values first", i));
            }
        }
    }

    private static double evaluate(Network net, double[] params, Network.Workspace ws, double[] s, int[] starts,
                                   int lookback, int k) {
        double sum = 0;
        int n = starts.length;
        for (int start = 0; start < n; start += ws.maxBatch()) {
            int bsz = Math.min(ws.maxBatch(), n - start);
            TrainingLoop.fillBatch(s, starts, start, bsz, lookback, k, ws.input(), ws.target());
            net.forward(params, ws, bsz, 0.0, null);
            sum += net.mseLoss(ws) * bsz;
        }
        return sum / n;
    }

    /** Time split of a series of length n into a training part and a held-out tail. */
    static final class Split {
        final int nTrain;
        final int outputs;
        final int trainWindows;
        final int validationWindows;
        final int validationOrigins;

        private Split(int nTrain, int outputs, int trainWindows, int validationWindows, int validationOrigins) {
            this.nTrain = nTrain;
            this.outputs = outputs;
            this.trainWindows = trainWindows;
            this.validationWindows = validationWindows;
            this.validationOrigins = validationOrigins;
        }

        static Split of(LstmConfig c, int n) {
            int lookback = c.lookback();
            int h = c.horizon();
            int k = c.strategy() == Strategy.DIRECT ? h : 1;
            int origins = n - lookback - h + 1;
            Checks.requireArgument(origins >= 1,
                    "series length %d is too short for lookback %d + horizon %d (needs at least %d observations)",
                    n, lookback, h, lookback + h);
            int v = c.validationFraction() > 0 ? Math.max(1, (int) Math.round(c.validationFraction() * origins)) : 0;
            int tail = v > 0 ? v + h - 1 : 0;
            int nTrain = n - tail;
            int ntr = nTrain - lookback - k + 1;
            Checks.requireArgument(ntr >= 1,
                    "series length %d is too short for lookback %d + horizon %d with %d held-out observations "
                            + "(validationFraction %s): no training window is left; use a longer series, a shorter "
                            + "lookback or validationFraction 0",
                    n, lookback, h, tail, c.validationFraction());
            int vw = tail > 0 ? tail - k + 1 : 0;
            return new Split(nTrain, k, ntr, vw, v);
        }
    }
}
