package org.forecast4j.lstm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.lstm.internal.Network;
import org.forecast4j.lstm.internal.Predictor;
import org.forecast4j.lstm.internal.Scaler;
import org.forecast4j.lstm.internal.WindowSource;

/**
 * A trained recurrent forecaster: immutable weights, the target scaling fitted on the training part, and the
 * calibration residuals of its prediction intervals. Thread-safe (every forecast uses its own buffers).
 *
 * <h2>Prediction intervals (split conformal)</h2>
 * For each step {@code k = 1..H} the model keeps the sorted absolute errors {@code e_k(1) ≤ … ≤ e_k(m)} of
 * k-step forecasts from the {@code m} held-out calibration origins (which no gradient step has seen). The
 * interval at level {@code α} is {@code ŷ ± e_k(r)} with {@code r = ⌈(m + 1)·α/100⌉}; under exchangeability of
 * the calibration and future errors it covers with probability &ge; α (Vovk et al. 2005; Lei et al. 2018). When
 * {@code r > m} (too few origins for the level) the largest error is used and the interval may under-cover. Steps
 * beyond H reuse the H-step errors widened by {@code √(k/H)} — a heuristic, not a calibrated interval. The
 * standard error reported for step k is the root mean squared calibration error.
 *
 * @since 0.1.0
 */
public final class LstmModel implements FittedModel {

    private final LstmConfig config;
    private final TimeSeries series;
    private final Network net;
    private final double[] params;
    private final Scaler scaler;
    private final int trainLength;
    private final double[][] residuals;
    private final TrainingDiagnostics diagnostics;
    private final double[] fitted;
    private final double[][] covariates;
    private final Scaler[] covScalers;

    LstmModel(LstmConfig config, TimeSeries series, double[] params, Scaler scaler, int trainLength,
              double[][] residuals, TrainingDiagnostics diagnostics, double[][] covariates, Scaler[] covScalers) {
        this.config = config;
        this.series = series;
        int k = config.strategy() == Strategy.DIRECT ? config.horizon() : 1;
        int nf = covScalers.length;
        this.covariates = new double[nf][];
        for (int f = 0; f < nf; f++) {
            this.covariates[f] = covariates[f].clone();
        }
        this.covScalers = covScalers.clone();
        this.net = new Network(config.cell(), WindowSource.inputSize(nf), config.hidden(), config.layers(), k);
        Checks.requireArgument(params.length == net.numParams(), "parameter count %d != %d expected by %s",
                params.length, net.numParams(), config);
        this.params = params.clone();
        this.scaler = scaler;
        this.trainLength = trainLength;
        this.residuals = new double[residuals.length][];
        for (int i = 0; i < residuals.length; i++) {
            this.residuals[i] = residuals[i].clone();
        }
        this.diagnostics = diagnostics;
        this.fitted = oneStepFitted();
    }

    private double[] oneStepFitted() {
        double[] y = series.values();
        int lookback = config.lookback();
        double[] out = new double[y.length];
        java.util.Arrays.fill(out, Double.NaN);
        // with covariates an origin needs the covariates of its K target steps inside the series
        int count = y.length - lookback - (covScalers.length == 0 ? 0 : net.outputSize() - 1);
        if (count <= 0) {
            return out;
        }
        int[] origins = new int[count];
        for (int i = 0; i < count; i++) {
            origins[i] = lookback + i;
        }
        double[] pred = new double[count];
        Predictor.predict(net, params, scaler.transform(y), scaledCovariates(null, 0), origins, lookback, 1, pred);
        for (int i = 0; i < count; i++) {
            out[lookback + i] = scaler.inverse(pred[i]);
        }
        return out;
    }

    @Override
    public Forecast forecast(int horizon, List<Level> levels) {
        Checks.requireArgument(covScalers.length == 0, "this model uses %d covariates; call forecast(horizon, "
                + "levels, futureCovariates)", covScalers.length);
        return forecastFrom(series, horizon, levels);
    }

    /**
     * Forecasts a model trained with covariates, given their future values.
     *
     * @param horizon          steps, &gt; 0
     * @param levels           interval levels
     * @param futureCovariates {@code futureCovariates[f][j]} for the steps after the series, in training order;
     *                         each covering {@link #covariateStepsNeeded(int)} steps. Not modified.
     * @return the forecast
     * @throws IllegalArgumentException if the model has no covariates and {@code futureCovariates} is non-empty,
     *                                  if the count or a length is wrong, or a value is not finite
     */
    public Forecast forecast(int horizon, List<Level> levels, double[][] futureCovariates) {
        Checks.requirePositive(horizon, "horizon");
        int nf = futureCovariates == null ? 0 : futureCovariates.length;
        if (covScalers.length == 0 && nf == 0) {
            return forecastFrom(series, horizon, levels);
        }
        Checks.requireArgument(nf == covScalers.length, "futureCovariates has %d rows, the model was trained with "
                + "%d covariates", nf, covScalers.length);
        int need = covariateStepsNeeded(horizon);
        for (int f = 0; f < nf; f++) {
            Objects.requireNonNull(futureCovariates[f], "futureCovariates[" + f + "]");
            Checks.requireArgument(futureCovariates[f].length >= need, "futureCovariates[%d] length %d < %d steps "
                    + "needed (%s strategy, horizon %d)", f, futureCovariates[f].length, need,
                    config.strategy(), config.horizon());
            Checks.requireFinite(futureCovariates[f], "futureCovariates[" + f + "]");
        }
        return forecastWindow(series, horizon, levels, futureCovariates, need);
    }

    /**
     * Number of future covariate values {@link #forecast(int, List, double[][])} needs for a horizon: {@code h}
     * for the recursive strategy, {@code h} rounded up to a multiple of the configured horizon for the direct
     * one (the network reads the covariates of all K outputs of each pass).
     *
     * @param horizon steps, &gt; 0
     * @return covariate steps needed
     */
    public int covariateStepsNeeded(int horizon) {
        Checks.requirePositive(horizon, "horizon");
        int k = net.outputSize();
        return (horizon + k - 1) / k * k;
    }

    /**
     * Number of covariates the model was trained with.
     *
     * @return F, 0 without covariates
     */
    public int covariateCount() {
        return covScalers.length;
    }

    /** Scaled covariates: the training ones, followed by {@code future} (length {@code need}) if given. */
    private double[][] scaledCovariates(double[][] future, int need) {
        int nf = covScalers.length;
        if (nf == 0) {
            return null;
        }
        int n = series.length();
        double[][] out = new double[nf][n + need];
        for (int f = 0; f < nf; f++) {
            double[] a = covScalers[f].transform(covariates[f]);
            System.arraycopy(a, 0, out[f], 0, n);
            if (need > 0) {
                double[] b = covScalers[f].transform(java.util.Arrays.copyOf(future[f], need));
                System.arraycopy(b, 0, out[f], n, need);
            }
        }
        return out;
    }

    /**
     * Forecasts {@code horizon} steps after the end of another series (e.g. the same series with newer data),
     * with this model's weights, scaling and calibration; nothing is re-trained.
     *
     * @param context series whose last {@code lookback} values (no missing ones) start the forecast
     * @param horizon steps, &gt; 0
     * @param levels  interval levels
     * @return the forecast, labelled after {@code context}
     * @throws IllegalArgumentException if {@code horizon <= 0}, the context is shorter than the look-back or has
     *                                  missing values in its last {@code lookback} steps
     * @throws ModelFitException        if the network produces a non-finite value
     */
    public Forecast forecastFrom(TimeSeries context, int horizon, List<Level> levels) {
        Checks.requireArgument(covScalers.length == 0, "forecastFrom is not available for a model with "
                + "covariates; use forecast(horizon, levels, futureCovariates)");
        return forecastWindow(context, horizon, levels, null, 0);
    }

    private Forecast forecastWindow(TimeSeries context, int horizon, List<Level> levels, double[][] future,
                                    int need) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(levels, "levels");
        Checks.requirePositive(horizon, "horizon");
        int lookback = config.lookback();
        int n = context.length();
        Checks.requireArgument(n >= lookback, "context length %d < lookback %d", n, lookback);
        double[] window = new double[lookback];
        for (int i = 0; i < lookback; i++) {
            double v = context.get(n - lookback + i);
            Checks.requireArgument(!Double.isNaN(v), "context value at index %d is missing (NaN); the last %d "
                    + "values must be complete", n - lookback + i, lookback);
            Checks.requireArgument(!config.logTransform() || v > 0,
                    "logTransform needs values > 0, got %s at context index %d", v, n - lookback + i);
            window[i] = v;
        }
        double[] pred = new double[horizon];
        double[][] cov = null;
        if (future != null) {
            // covariates by position relative to the window start: the last L training values, then the future
            double[][] all = scaledCovariates(future, need);
            cov = new double[all.length][];
            for (int f = 0; f < all.length; f++) {
                cov[f] = java.util.Arrays.copyOfRange(all[f], n - lookback, n + need);
            }
        }
        Predictor.predict(net, params, scaler.transform(window), cov, new int[] {lookback}, lookback, horizon, pred);
        double[] mean = new double[horizon];
        for (int i = 0; i < horizon; i++) {
            mean[i] = scaler.inverse(pred[i]);
            if (!Double.isFinite(mean[i])) {
                throw new ModelFitException("the network produced a non-finite forecast at step " + (i + 1));
            }
        }
        int hc = residuals.length;
        double[] se = new double[horizon];
        double[][] lo = new double[levels.size()][horizon];
        double[][] hi = new double[levels.size()][horizon];
        for (int i = 0; i < horizon; i++) {
            double[] e = residuals[Math.min(i, hc - 1)];
            double widen = i < hc ? 1.0 : Math.sqrt((i + 1.0) / hc);
            double ss = 0;
            for (double r : e) {
                ss += r * r;
            }
            se[i] = Math.sqrt(ss / e.length) * widen;
            for (int l = 0; l < levels.size(); l++) {
                double q = conformalQuantile(e, levels.get(l).percent()) * widen;
                lo[l][i] = mean[i] - q;
                hi[l][i] = mean[i] + q;
            }
        }
        return Forecast.of(description(), context, mean, se, levels, lo, hi);
    }

    /**
     * The split-conformal quantile: the {@code ⌈(m+1)·level/100⌉}-th smallest of {@code m} sorted absolute
     * errors, or the largest when that rank exceeds m.
     *
     * @param sorted  ascending absolute errors, length m &ge; 1. Not modified.
     * @param percent level in (0, 100)
     * @return the interval half-width
     */
    static double conformalQuantile(double[] sorted, double percent) {
        int m = sorted.length;
        int rank = (int) Math.ceil((m + 1) * percent / 100.0 - 1e-9);
        return sorted[Math.max(0, Math.min(m, rank) - 1)];
    }

    /**
     * The interval half-width this model uses at a step and level (see the class description).
     *
     * @param step    1-based step &le; horizon
     * @param percent level in (0, 100)
     * @return half-width in the units of the series
     * @throws IllegalArgumentException if the step is outside [1, horizon]
     */
    public double intervalHalfWidth(int step, double percent) {
        Checks.requireArgument(step >= 1 && step <= residuals.length, "step must be in [1, %d], got %d",
                residuals.length, step);
        return conformalQuantile(residuals[step - 1], new Level(percent).percent());
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s(%dx%d, lookback %d, %s %d)", config.cell(), config.layers(),
                config.hidden(), config.lookback(), config.strategy() == Strategy.DIRECT ? "direct" : "recursive",
                config.horizon());
    }

    @Override
    public TimeSeries series() {
        return series;
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    /**
     * The configuration the model was trained with.
     *
     * @return config
     */
    public LstmConfig config() {
        return config;
    }

    /**
     * What happened during training.
     *
     * @return diagnostics
     */
    public TrainingDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * Length of the training part (the prefix the scaling was fitted on and the windows were drawn from).
     *
     * @return number of observations
     */
    public int trainLength() {
        return trainLength;
    }

    /**
     * The value subtracted by the target scaling (min for MIN_MAX, mean for STANDARD, 0 for NONE), on the log
     * scale when {@link LstmConfig#logTransform()} is set.
     *
     * @return center
     */
    public double scalingCenter() {
        return scaler.center();
    }

    /**
     * The divisor of the target scaling (range for MIN_MAX, standard deviation for STANDARD, 1 for NONE).
     *
     * @return scale
     */
    public double scalingScale() {
        return scaler.scale();
    }

    /**
     * Number of trained parameters.
     *
     * @return parameter count
     */
    public int parameterCount() {
        return params.length;
    }

    /**
     * A copy of the flat parameter vector (layout in {@code docs/lstm.md}).
     *
     * @return parameters
     */
    public double[] parameters() {
        return params.clone();
    }

    double[][] calibrationResiduals() {
        double[][] out = new double[residuals.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = residuals[i].clone();
        }
        return out;
    }

    Scaler scaler() {
        return scaler;
    }

    double[][] covariatesRaw() {
        double[][] out = new double[covariates.length][];
        for (int f = 0; f < out.length; f++) {
            out[f] = covariates[f].clone();
        }
        return out;
    }

    Scaler[] covariateScalers() {
        return covScalers.clone();
    }

    /**
     * Writes the model in the binary format described in {@code docs/lstm.md}; {@link Lstm#load} reads it back
     * and forecasts identically.
     *
     * @param out destination; not closed
     * @throws UncheckedIOException on a write error
     */
    public void save(OutputStream out) {
        try {
            ModelCodec.write(this, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write LSTM model", e);
        }
    }

    /**
     * Writes the model to a file.
     *
     * @param file destination (replaced)
     * @throws UncheckedIOException on a write error
     */
    public void save(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write LSTM model to " + file, e);
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
