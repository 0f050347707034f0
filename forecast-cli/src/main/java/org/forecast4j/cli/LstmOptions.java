package org.forecast4j.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.forecast4j.core.Forecaster;
import org.forecast4j.lstm.CellType;
import org.forecast4j.lstm.Lstm;
import org.forecast4j.lstm.LstmConfig;
import org.forecast4j.lstm.LstmForecaster;

/**
 * Turns the LSTM flags of {@link ModelOptions} ({@code --lookback L --hidden n --layers n --epochs n --batch n
 * --learning-rate r --cell lstm|gru --seed s}) into an {@link LstmForecaster} ({@link LstmConfig} defaults for
 * everything not given). The network's output horizon is the command's {@code --horizon}
 * ({@link #withHorizon}).
 */
final class LstmOptions {

    /** The model flags {@code --model lstm} reads. */
    static final Set<String> FLAGS = Set.of("--lookback", "--hidden", "--layers", "--epochs", "--batch",
            "--learning-rate", "--cell", "--seed");

    private LstmOptions() {
    }

    /**
     * Builds the forecaster.
     *
     * @param o the options
     * @return the LSTM forecaster
     * @throws IllegalArgumentException naming the flag and value when a value is invalid
     */
    static LstmForecaster forecaster(ModelOptions o) {
        return Lstm.forecaster(config(o));
    }

    /**
     * Builds the configuration.
     *
     * @param o the options
     * @return the configuration
     * @throws IllegalArgumentException naming the flag and value when a value is invalid
     */
    static LstmConfig config(ModelOptions o) {
        LstmConfig.Builder b = LstmConfig.builder();
        if (o.lookback != null) {
            b.lookback(positive(o.lookback, "--lookback"));
        }
        if (o.hidden != null) {
            b.hidden(positive(o.hidden, "--hidden"));
        }
        if (o.layers != null) {
            b.layers(positive(o.layers, "--layers"));
        }
        if (o.epochs != null) {
            b.epochs(positive(o.epochs, "--epochs"));
        }
        if (o.batch != null) {
            b.batchSize(positive(o.batch, "--batch"));
        }
        if (o.learningRate != null) {
            if (!(o.learningRate > 0) || Double.isInfinite(o.learningRate)) {
                throw new IllegalArgumentException("--learning-rate must be a finite number > 0, got "
                        + o.learningRate);
            }
            b.learningRate(o.learningRate);
        }
        if (o.cell != null) {
            b.cell(cell(o.cell));
        }
        if (o.seed != null) {
            b.seed(o.seed);
        }
        return b.build();
    }

    private static CellType cell(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "lstm":
                return CellType.LSTM;
            case "gru":
                return CellType.GRU;
            default:
                throw new IllegalArgumentException("--cell must be lstm or gru, got '" + text + "'");
        }
    }

    private static int positive(int v, String flag) {
        if (v <= 0) {
            throw new IllegalArgumentException(flag + " must be > 0, got " + v);
        }
        return v;
    }

    /**
     * Sets the output horizon of an LSTM forecaster to the command's horizon (the direct strategy predicts that
     * many steps at once); other forecasters are returned unchanged.
     *
     * @param f the forecaster
     * @param h the horizon, &gt; 0
     * @return the forecaster to use
     */
    static Forecaster withHorizon(Forecaster f, int h) {
        if (f instanceof LstmForecaster) {
            LstmForecaster l = (LstmForecaster) f;
            return l.withConfig(l.config().toBuilder().horizon(h).build());
        }
        return f;
    }

    /**
     * {@link #withHorizon(Forecaster, int)} over the models of {@code evaluate}.
     *
     * @param forecasters models by name, in order
     * @param h           the horizon
     * @return a new map in the same order
     */
    static Map<String, Forecaster> withHorizon(Map<String, Forecaster> forecasters, int h) {
        Map<String, Forecaster> out = new LinkedHashMap<>();
        for (Map.Entry<String, Forecaster> e : forecasters.entrySet()) {
            out.put(e.getKey(), withHorizon(e.getValue(), h));
        }
        return out;
    }
}
