package org.forecast4j.lstm;

import java.util.Objects;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.TimeSeries;

/**
 * The recurrent forecaster as a core {@link Forecaster}: an immutable configuration plus an optional progress
 * listener. {@link #fit} trains a fresh network each time (seeded, so equal inputs give equal models).
 *
 * <pre>{@code
 * LstmModel m = Lstm.forecaster(LstmConfig.builder().lookback(28).hidden(64).epochs(30).seed(7).build())
 *                   .withListener(r -> log.info("epoch {} loss {}", r.epoch(), r.trainLoss()))
 *                   .fit(series);
 * Forecast f = m.forecast(14, 80, 95);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LstmForecaster implements Forecaster {

    private final LstmConfig config;
    private final TrainingListener listener;

    LstmForecaster(LstmConfig config, TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * A copy reporting progress to {@code l}.
     *
     * @param l the listener
     * @return new forecaster
     */
    public LstmForecaster withListener(TrainingListener l) {
        return new LstmForecaster(config, l);
    }

    /**
     * A copy with another configuration.
     *
     * @param c the configuration
     * @return new forecaster
     */
    public LstmForecaster withConfig(LstmConfig c) {
        return new LstmForecaster(c, listener);
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
     * Trains the network on {@code series}.
     *
     * @param series training data, no missing values
     * @return the trained model
     * @throws IllegalArgumentException if the series has missing values or is too short for the windows
     * @throws org.forecast4j.core.ModelFitException if training diverges
     */
    @Override
    public LstmModel fit(TimeSeries series) {
        return new LstmTrainer(config).train(series, listener);
    }

    /**
     * Trains the network with covariates (regressors known in the future); see
     * {@link LstmTrainer#train(TimeSeries, double[][], TrainingListener)}.
     *
     * @param series     training data, no missing values
     * @param covariates {@code covariates[f][i]} aligned with the series. Not modified.
     * @return the trained model; forecast it with {@link LstmModel#forecast(int, java.util.List, double[][])}
     * @throws IllegalArgumentException on missing values, a too short series or misaligned covariates
     * @throws org.forecast4j.core.ModelFitException if training diverges
     */
    public LstmModel fit(TimeSeries series, double[][] covariates) {
        return new LstmTrainer(config).train(series, covariates, listener);
    }

    /**
     * Trains one global network across all series of a panel (per-series scaling and time split, shared weights,
     * pooled conformal calibration); see {@link LstmTrainer#trainGlobal}.
     *
     * @param panel the series
     * @return per-series models sharing the network
     * @throws IllegalArgumentException naming the series if one has missing values or is too short
     * @throws org.forecast4j.core.ModelFitException if training diverges
     */
    public GlobalLstmModel fitGlobal(org.forecast4j.core.Panel panel) {
        return new LstmTrainer(config).trainGlobal(panel, listener);
    }

    @Override
    public String name() {
        return config.cell() == CellType.LSTM ? "lstm" : "gru";
    }

    @Override
    public String toString() {
        return "LstmForecaster[" + config + "]";
    }
}
