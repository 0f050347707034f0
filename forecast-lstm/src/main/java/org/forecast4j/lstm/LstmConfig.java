package org.forecast4j.lstm;

import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * Immutable configuration of a recurrent forecaster: network shape, windowing, training recipe and seed.
 *
 * <pre>{@code
 * LstmConfig cfg = LstmConfig.builder().lookback(28).horizon(14).hidden(64).epochs(30).seed(7).build();
 * Forecast f = Lstm.forecaster(cfg).fit(series).forecast(14, 80, 95);
 * }</pre>
 *
 * <p>Defaults: LSTM cell, direct strategy, look-back 28, horizon 14, 1 layer of 64 units, 30 epochs, batch 32,
 * Adam with learning rate 1e-3 (no decay), clipping at global norm 1, no weight decay or dropout, the last 10% of
 * windows held out for validation (early stopping with patience 10, best weights restored, conformal calibration),
 * min-max scaling without log transform, seed 42.
 *
 * @since 0.1.0
 */
public final class LstmConfig {

    private final CellType cell;
    private final Strategy strategy;
    private final int lookback;
    private final int horizon;
    private final int hidden;
    private final int layers;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double learningRateDecay;
    private final OptimizerType optimizer;
    private final double momentum;
    private final double clipNorm;
    private final double weightDecay;
    private final double dropout;
    private final double validationFraction;
    private final int patience;
    private final Scaling scaling;
    private final boolean logTransform;
    private final long seed;

    private LstmConfig(Builder b) {
        cell = b.cell;
        strategy = b.strategy;
        lookback = b.lookback;
        horizon = b.horizon;
        hidden = b.hidden;
        layers = b.layers;
        epochs = b.epochs;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        learningRateDecay = b.learningRateDecay;
        optimizer = b.optimizer;
        momentum = b.momentum;
        clipNorm = b.clipNorm;
        weightDecay = b.weightDecay;
        dropout = b.dropout;
        validationFraction = b.validationFraction;
        patience = b.patience;
        scaling = b.scaling;
        logTransform = b.logTransform;
        seed = b.seed;
    }

    /**
     * A builder with the defaults.
     *
     * @return new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration with all defaults.
     *
     * @return default config
     */
    public static LstmConfig defaults() {
        return builder().build();
    }

    /**
     * A builder initialised with this configuration's values, to derive a variant.
     *
     * @return new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cell = cell;
        b.strategy = strategy;
        b.lookback = lookback;
        b.horizon = horizon;
        b.hidden = hidden;
        b.layers = layers;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.learningRateDecay = learningRateDecay;
        b.optimizer = optimizer;
        b.momentum = momentum;
        b.clipNorm = clipNorm;
        b.weightDecay = weightDecay;
        b.dropout = dropout;
        b.validationFraction = validationFraction;
        b.patience = patience;
        b.scaling = scaling;
        b.logTransform = logTransform;
        b.seed = seed;
        return b;
    }

    /** @return the recurrent cell */
    public CellType cell() {
        return cell;
    }

    /** @return direct or recursive multi-step strategy */
    public Strategy strategy() {
        return strategy;
    }

    /** @return input window length L (time steps fed to the network) */
    public int lookback() {
        return lookback;
    }

    /** @return horizon H: outputs of the direct head, and steps of conformal calibration */
    public int horizon() {
        return horizon;
    }

    /** @return hidden units per layer */
    public int hidden() {
        return hidden;
    }

    /** @return stacked recurrent layers */
    public int layers() {
        return layers;
    }

    /** @return maximum number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return windows per mini-batch */
    public int batchSize() {
        return batchSize;
    }

    /** @return initial learning rate */
    public double learningRate() {
        return learningRate;
    }

    /** @return per-epoch multiplicative learning-rate decay γ (lr at epoch e is {@code lr·γ^e}); 1 = constant */
    public double learningRateDecay() {
        return learningRateDecay;
    }

    /** @return the optimizer */
    public OptimizerType optimizer() {
        return optimizer;
    }

    /** @return SGD momentum (unused by Adam) */
    public double momentum() {
        return momentum;
    }

    /** @return global-norm clipping threshold, 0 = off */
    public double clipNorm() {
        return clipNorm;
    }

    /** @return L2 weight decay λ */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return dropout probability between recurrent layers */
    public double dropout() {
        return dropout;
    }

    /** @return fraction of forecast origins held out for validation and calibration, in [0, 0.5] */
    public double validationFraction() {
        return validationFraction;
    }

    /** @return early-stopping patience in epochs, 0 = never stop early */
    public int patience() {
        return patience;
    }

    /** @return target scaling */
    public Scaling scaling() {
        return scaling;
    }

    /** @return whether the series is log-transformed before scaling (forecasts are exponentiated back) */
    public boolean logTransform() {
        return logTransform;
    }

    /** @return seed of every random choice (initialisation, shuffling, dropout) */
    public long seed() {
        return seed;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LstmConfig)) {
            return false;
        }
        LstmConfig c = (LstmConfig) o;
        return toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "LstmConfig[cell=%s, strategy=%s, lookback=%d, horizon=%d, hidden=%d, layers=%d, epochs=%d, "
                        + "batchSize=%d, learningRate=%s, learningRateDecay=%s, optimizer=%s, momentum=%s, "
                        + "clipNorm=%s, weightDecay=%s, dropout=%s, validationFraction=%s, patience=%d, "
                        + "scaling=%s, logTransform=%s, seed=%d]",
                cell, strategy, lookback, horizon, hidden, layers, epochs, batchSize, learningRate,
                learningRateDecay, optimizer, momentum, clipNorm, weightDecay, dropout, validationFraction,
                patience, scaling, logTransform, seed);
    }

    /**
     * One-shot builder of {@link LstmConfig}; every setter validates its argument immediately and
     * {@link #build()} checks combinations. The builder may be reused; {@code build()} does not modify it.
     */
    public static final class Builder {
        private CellType cell = CellType.LSTM;
        private Strategy strategy = Strategy.DIRECT;
        private int lookback = 28;
        private int horizon = 14;
        private int hidden = 64;
        private int layers = 1;
        private int epochs = 30;
        private int batchSize = 32;
        private double learningRate = 1e-3;
        private double learningRateDecay = 1.0;
        private OptimizerType optimizer = OptimizerType.ADAM;
        private double momentum = 0.9;
        private double clipNorm = 1.0;
        private double weightDecay = 0.0;
        private double dropout = 0.0;
        private double validationFraction = 0.1;
        private int patience = 10;
        private Scaling scaling = Scaling.MIN_MAX;
        private boolean logTransform;
        private long seed = 42;

        private Builder() {
        }

        /**
         * Sets the recurrent cell.
         *
         * @param c LSTM or GRU
         * @return this builder
         */
        public Builder cell(CellType c) {
            this.cell = Objects.requireNonNull(c, "cell");
            return this;
        }

        /**
         * Sets the multi-step strategy.
         *
         * @param s direct or recursive
         * @return this builder
         */
        public Builder strategy(Strategy s) {
            this.strategy = Objects.requireNonNull(s, "strategy");
            return this;
        }

        /**
         * Sets the look-back window length L.
         *
         * @param l steps, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code l < 1}
         */
        public Builder lookback(int l) {
            this.lookback = Checks.requirePositive(l, "lookback");
            return this;
        }

        /**
         * Sets the horizon H (direct outputs; calibrated interval steps).
         *
         * @param h steps, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code h < 1}
         */
        public Builder horizon(int h) {
            this.horizon = Checks.requirePositive(h, "horizon");
            return this;
        }

        /**
         * Sets the hidden units per layer.
         *
         * @param h units, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code h < 1}
         */
        public Builder hidden(int h) {
            this.hidden = Checks.requirePositive(h, "hidden");
            return this;
        }

        /**
         * Sets the number of stacked recurrent layers.
         *
         * @param n layers, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder layers(int n) {
            this.layers = Checks.requirePositive(n, "layers");
            return this;
        }

        /**
         * Sets the maximum number of epochs.
         *
         * @param n epochs, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder epochs(int n) {
            this.epochs = Checks.requirePositive(n, "epochs");
            return this;
        }

        /**
         * Sets the mini-batch size.
         *
         * @param n windows per batch, &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder batchSize(int n) {
            this.batchSize = Checks.requirePositive(n, "batchSize");
            return this;
        }

        /**
         * Sets the initial learning rate.
         *
         * @param lr rate, finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder learningRate(double lr) {
            Checks.requireArgument(lr > 0 && Double.isFinite(lr), "learningRate must be finite and > 0, got %s", lr);
            this.learningRate = lr;
            return this;
        }

        /**
         * Sets the per-epoch learning-rate decay γ: the rate at epoch {@code e} (0-based) is {@code lr·γ^e}.
         *
         * @param gamma factor in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder learningRateDecay(double gamma) {
            Checks.requireArgument(gamma > 0 && gamma <= 1, "learningRateDecay must be in (0, 1], got %s", gamma);
            this.learningRateDecay = gamma;
            return this;
        }

        /**
         * Sets the optimizer.
         *
         * @param o ADAM or SGD
         * @return this builder
         */
        public Builder optimizer(OptimizerType o) {
            this.optimizer = Objects.requireNonNull(o, "optimizer");
            return this;
        }

        /**
         * Sets the SGD momentum μ.
         *
         * @param mu momentum in [0, 1)
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder momentum(double mu) {
            Checks.requireArgument(mu >= 0 && mu < 1, "momentum must be in [0, 1), got %s", mu);
            this.momentum = mu;
            return this;
        }

        /**
         * Sets the global-norm gradient clipping threshold.
         *
         * @param norm threshold &gt; 0, or 0 to disable
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder clipNorm(double norm) {
            Checks.requireArgument(norm >= 0 && Double.isFinite(norm), "clipNorm must be finite and >= 0, got %s",
                    norm);
            this.clipNorm = norm;
            return this;
        }

        /**
         * Sets the L2 weight decay λ (added to the gradient as {@code λ·w}).
         *
         * @param lambda decay &ge; 0
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder weightDecay(double lambda) {
            Checks.requireArgument(lambda >= 0 && Double.isFinite(lambda),
                    "weightDecay must be finite and >= 0, got %s", lambda);
            this.weightDecay = lambda;
            return this;
        }

        /**
         * Sets the dropout probability applied to the outputs of every recurrent layer but the last.
         *
         * @param p probability in [0, 1)
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder dropout(double p) {
            Checks.requireArgument(p >= 0 && p < 1, "dropout must be in [0, 1), got %s", p);
            this.dropout = p;
            return this;
        }

        /**
         * Sets the fraction of forecast origins at the end of the series held out from gradient updates; they
         * drive early stopping and calibrate the prediction intervals.
         *
         * @param f fraction in [0, 0.5]; 0 trains on everything (intervals then come from training residuals)
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder validationFraction(double f) {
            Checks.requireArgument(f >= 0 && f <= 0.5, "validationFraction must be in [0, 0.5], got %s", f);
            this.validationFraction = f;
            return this;
        }

        /**
         * Sets the early-stopping patience: training stops after this many epochs without a better validation
         * loss.
         *
         * @param epochsWithoutImprovement &ge; 0; 0 disables early stopping (best weights are still restored)
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder patience(int epochsWithoutImprovement) {
            this.patience = Checks.requireNonNegative(epochsWithoutImprovement, "patience");
            return this;
        }

        /**
         * Sets the target scaling.
         *
         * @param s scaling
         * @return this builder
         */
        public Builder scaling(Scaling s) {
            this.scaling = Objects.requireNonNull(s, "scaling");
            return this;
        }

        /**
         * Log-transforms the series before scaling (multiplicative patterns become additive); forecasts and
         * interval limits are exponentiated back. Every value must be &gt; 0.
         *
         * @param on whether to log-transform (default false)
         * @return this builder
         */
        public Builder logTransform(boolean on) {
            this.logTransform = on;
            return this;
        }

        /**
         * Sets the seed; equal seeds give bit-for-bit equal models on the same JVM and CPU.
         *
         * @param s seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the config
         * @throws IllegalArgumentException if dropout is set with a single layer (it acts between layers)
         */
        public LstmConfig build() {
            Checks.requireArgument(dropout == 0 || layers >= 2,
                    "dropout %s needs layers >= 2 (it is applied between recurrent layers), got layers %d", dropout,
                    layers);
            return new LstmConfig(this);
        }
    }
}
