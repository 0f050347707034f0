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
import org.forecast4j.lstm.internal.WindowSource;
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
    /** Calibration origins needed for a 95% split-conformal interval: ⌈(m+1)·0.95⌉ &le; m requires m &ge; 19. */
    static final int MIN_CALIBRATION_95 = 19;

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
        return train(series, null, listener);
    }

    /**
     * Trains with covariates: regressors known for the past and the future (calendar, promotions). Each
     * covariate is standardised on the training part; the network reads the window of past values and
     * covariates followed by the covariates of the K target steps (layout in {@code docs/lstm.md}). Forecast the
     * result with {@link LstmModel#forecast(int, java.util.List, double[][])}.
     *
     * @param series     training data, no missing values
     * @param covariates {@code covariates[f][i]} for each observation {@code i}; null or empty for none. Not
     *                   modified.
     * @param listener   progress callback
     * @return the trained model
     * @throws IllegalArgumentException if a covariate's length differs from the series' or it has non-finite
     *                                  values, or as {@link #train(TimeSeries, TrainingListener)}
     * @throws ModelFitException        if training diverges
     */
    public LstmModel train(TimeSeries series, double[][] covariates, TrainingListener listener) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        double[] y = series.values();
        requireComplete(y, null);
        requirePositive(y, null);
        Split split = Split.of(config, y.length);
        Scaler scaler = Scaler.fit(config.scaling(), config.logTransform(), y, split.nTrain);
        double[] s = scaler.transform(y);
        int nf = covariates == null ? 0 : covariates.length;
        double[][] covRaw = null;
        double[][] covScaled = null;
        Scaler[] covScalers = new Scaler[nf];
        if (nf > 0) {
            covRaw = new double[nf][];
            covScaled = new double[nf][];
            for (int f = 0; f < nf; f++) {
                Objects.requireNonNull(covariates[f], "covariates[" + f + "]");
                Checks.requireArgument(covariates[f].length == y.length, "covariates[%d] length %d != series "
                        + "length %d", f, covariates[f].length, y.length);
                covRaw[f] = Checks.requireFinite(covariates[f].clone(), "covariates[" + f + "]");
                covScalers[f] = Scaler.fit(Scaling.STANDARD, covRaw[f], split.nTrain);
                covScaled[f] = covScalers[f].transform(covRaw[f]);
            }
        }
        Fit fit = fitNetwork(new double[][] {s}, nf == 0 ? null : new double[][][] {covScaled},
                new Split[] {split}, listener, t0);
        Calibration cal = calibrate(fit, y, s, covScaled, scaler, split);
        double[][] residuals = cal.errors;
        for (double[] r : residuals) {
            Arrays.sort(r);
        }
        TrainingDiagnostics diag = fit.diagnostics(cal.errors[0].length, cal.onTraining, t0);
        return new LstmModel(config, series, fit.params, scaler, split.nTrain, residuals, diag, covRaw,
                covScalers);
    }

    /**
     * Trains one <em>global</em> network on all series of a panel: each series gets its own time split and its own
     * scaling (fitted on its training part), the training windows of all series are shuffled together, and the
     * validation loss and early stopping use the held-out windows of all series. Conformal intervals pool the
     * held-out absolute errors of all series in scaled units ({@code |e| / scale}) and rescale them per series.
     *
     * @param panel    series, each complete and long enough for the windows
     * @param listener progress callback
     * @return one model per series, sharing the network
     * @throws IllegalArgumentException naming the series key if a series has missing values or is too short
     * @throws ModelFitException        if training diverges
     */
    public GlobalLstmModel trainGlobal(org.forecast4j.core.Panel panel, TrainingListener listener) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(listener, "listener");
        Checks.requireArgument(panel.size() >= 1, "panel must contain at least 1 series, got %d", panel.size());
        long t0 = System.nanoTime();
        java.util.List<String> keys = panel.keys();
        int m = keys.size();
        double[][] ys = new double[m][];
        double[][] ss = new double[m][];
        Split[] splits = new Split[m];
        Scaler[] scalers = new Scaler[m];
        for (int i = 0; i < m; i++) {
            String key = keys.get(i);
            ys[i] = panel.get(key).values();
            requireComplete(ys[i], key);
            requirePositive(ys[i], key);
            try {
                splits[i] = Split.of(config, ys[i].length);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("series '" + key + "': " + e.getMessage(), e);
            }
            scalers[i] = Scaler.fit(config.scaling(), config.logTransform(), ys[i], splits[i].nTrain);
            ss[i] = scalers[i].transform(ys[i]);
        }
        Fit fit = fitNetwork(ss, null, splits, listener, t0);
        int h = config.horizon();
        Calibration[] cals = new Calibration[m];
        int total = 0;
        boolean onTraining = false;
        for (int i = 0; i < m; i++) {
            cals[i] = calibrate(fit, ys[i], ss[i], null, scalers[i], splits[i]);
            total += cals[i].errors[0].length;
            onTraining |= cals[i].onTraining;
        }
        // pooled scale-free errors |e| / scale per step
        double[][] pooled = new double[h][total];
        int at = 0;
        for (int i = 0; i < m; i++) {
            int c = cals[i].errors[0].length;
            for (int j = 0; j < h; j++) {
                for (int o = 0; o < c; o++) {
                    pooled[j][at + o] = cals[i].errors[j][o] / scalers[i].unitScale();
                }
            }
            at += c;
        }
        for (double[] r : pooled) {
            Arrays.sort(r);
        }
        TrainingDiagnostics diag = fit.diagnostics(total, onTraining, t0);
        java.util.Map<String, LstmModel> models = new java.util.LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            double[][] res = new double[h][total];
            for (int j = 0; j < h; j++) {
                for (int o = 0; o < total; o++) {
                    res[j][o] = pooled[j][o] * scalers[i].unitScale();
                }
            }
            models.put(keys.get(i), new LstmModel(config, panel.get(keys.get(i)), fit.params, scalers[i],
                    splits[i].nTrain, res, diag, null, new Scaler[0]));
        }
        return new GlobalLstmModel(config, models, diag);
    }

    /** Trains the network on the windows of one or more scaled series (the core of both entry points). */
    private Fit fitNetwork(double[][] scaled, double[][][] covs, Split[] splits, TrainingListener listener,
                           long t0) {
        final int lookback = config.lookback();
        final int k = splits[0].outputs;
        // concatenate the series; window starts are absolute positions, so no window crosses two series
        int len = 0;
        int ntr = 0;
        int nval = 0;
        for (int i = 0; i < scaled.length; i++) {
            len += scaled[i].length;
            ntr += splits[i].trainWindows;
            nval += splits[i].validationWindows;
        }
        double[] all = new double[len];
        int nf = covs == null ? 0 : covs[0].length;
        double[][] allCov = nf == 0 ? null : new double[nf][len];
        int[] trainStarts = new int[ntr];
        int[] valStarts = new int[nval];
        int off = 0;
        int ti = 0;
        int vi = 0;
        for (int i = 0; i < scaled.length; i++) {
            System.arraycopy(scaled[i], 0, all, off, scaled[i].length);
            for (int f = 0; f < nf; f++) {
                System.arraycopy(covs[i][f], 0, allCov[f], off, scaled[i].length);
            }
            for (int w = 0; w < splits[i].trainWindows; w++) {
                trainStarts[ti++] = off + w;
            }
            for (int w = 0; w < splits[i].validationWindows; w++) {
                valStarts[vi++] = off + splits[i].nTrain - lookback + w;
            }
            off += scaled[i].length;
        }

        WindowSource windows = new WindowSource(all, allCov, lookback, k);
        Network net = new Network(config.cell(), WindowSource.inputSize(nf), config.hidden(), config.layers(), k);
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom initRng = root.split();
        SplittableRandom shuffleRng = root.split();
        SplittableRandom dropRng = root.split();
        double[] params = new double[net.numParams()];
        net.initialize(params, initRng);
        Optimizer opt = Optimizer.create(config.optimizer(), net.numParams(), config.momentum());
        TrainingLoop loop = new TrainingLoop(net, params, opt, config.batchSize(), config.dropout(),
                config.weightDecay(), config.clipNorm(), shuffleRng, dropRng, windows, trainStarts);
        Network.Workspace evalWs = nval == 0 ? null
                : net.newWorkspace(Math.min(Predictor.BATCH, nval), windows.steps(), false);

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
            double vl = evalWs == null ? Double.NaN : evaluate(net, params, evalWs, windows, valStarts);
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
        double[] finalParams = evalWs != null && bestEpoch > 0 ? bestParams : params;
        return new Fit(net, finalParams, Arrays.copyOf(trainLoss, run), Arrays.copyOf(valLoss, run), bestEpoch,
                stoppedEarly, ntr, nval);
    }

    /** Absolute H-step errors (original units, unsorted) from origins the network was not trained on. */
    private Calibration calibrate(Fit fit, double[] y, double[] s, double[][] cov, Scaler scaler, Split split) {
        int lookback = config.lookback();
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
        Predictor.predict(fit.net, fit.params, s, cov, origins, lookback, h, pred);
        double[][] errors = new double[h][origins.length];
        for (int i = 0; i < origins.length; i++) {
            for (int j = 0; j < h; j++) {
                double f = scaler.inverse(pred[i * h + j]);
                double e = Math.abs(y[origins[i] + j] - f);
                if (!Double.isFinite(e)) {
                    throw new ModelFitException("the trained network produces non-finite forecasts; lower "
                            + "learningRate or use STANDARD scaling");
                }
                errors[j][i] = e;
            }
        }
        if (origins.length < MIN_CALIBRATION_95) {
            LOG.warn("only {} calibration origins: intervals above {}% use the largest held-out error and may "
                    + "under-cover; raise validationFraction or use a longer series", origins.length,
                    100 - 100 / (origins.length + 1));
        }
        return new Calibration(errors, onTraining);
    }

    private void requirePositive(double[] y, String key) {
        if (!config.logTransform()) {
            return;
        }
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] > 0)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "%slogTransform needs values > 0, got %s at index %d",
                        key == null ? "" : "series '" + key + "': ", y[i], i));
            }
        }
    }

    private static void requireComplete(double[] y, String key) {
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "%sseries value at index %d is missing (NaN); the LSTM forecaster needs complete data, "
                                + "impute missing values first", key == null ? "" : "series '" + key + "': ", i));
            }
        }
    }

    private static double evaluate(Network net, double[] params, Network.Workspace ws, WindowSource windows,
                                   int[] starts) {
        double sum = 0;
        int n = starts.length;
        for (int start = 0; start < n; start += ws.maxBatch()) {
            int bsz = Math.min(ws.maxBatch(), n - start);
            windows.fill(starts, start, bsz, ws.input(), ws.target());
            net.forward(params, ws, bsz, 0.0, null);
            sum += net.mseLoss(ws) * bsz;
        }
        return sum / n;
    }

    /** A trained network with its training history. */
    private static final class Fit {
        final Network net;
        final double[] params;
        final double[] trainLoss;
        final double[] valLoss;
        final int bestEpoch;
        final boolean stoppedEarly;
        final int trainWindows;
        final int validationWindows;

        Fit(Network net, double[] params, double[] trainLoss, double[] valLoss, int bestEpoch, boolean stoppedEarly,
            int trainWindows, int validationWindows) {
            this.net = net;
            this.params = params;
            this.trainLoss = trainLoss;
            this.valLoss = valLoss;
            this.bestEpoch = bestEpoch;
            this.stoppedEarly = stoppedEarly;
            this.trainWindows = trainWindows;
            this.validationWindows = validationWindows;
        }

        TrainingDiagnostics diagnostics(int calibrationOrigins, boolean onTraining, long t0) {
            return new TrainingDiagnostics(trainLoss, valLoss, bestEpoch, stoppedEarly, trainWindows,
                    validationWindows, calibrationOrigins, onTraining, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Calibration errors per step ({@code errors[step][origin]}) and whether they are in-sample. */
    private static final class Calibration {
        final double[][] errors;
        final boolean onTraining;

        Calibration(double[][] errors, boolean onTraining) {
            this.errors = errors;
            this.onTraining = onTraining;
        }
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
