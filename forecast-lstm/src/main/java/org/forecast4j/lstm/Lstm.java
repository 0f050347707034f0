package org.forecast4j.lstm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Entry point of the recurrent forecasters.
 *
 * <pre>{@code
 * Forecast f = Lstm.forecaster(LstmConfig.builder().lookback(28).hidden(64).epochs(30).seed(7).build())
 *                  .fit(series).forecast(14, 80, 95);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Lstm {

    private Lstm() {
    }

    /**
     * An LSTM forecaster with the default configuration ({@link LstmConfig#defaults()}).
     *
     * @return the forecaster
     */
    public static LstmForecaster forecaster() {
        return forecaster(LstmConfig.defaults());
    }

    /**
     * A forecaster with the given configuration.
     *
     * @param config the configuration
     * @return the forecaster
     */
    public static LstmForecaster forecaster(LstmConfig config) {
        return new LstmForecaster(config, TrainingListener.NONE);
    }

    /**
     * Reads a model written by {@link LstmModel#save(java.io.OutputStream)}.
     *
     * @param in source; not closed
     * @return the model, forecasting identically to the saved one
     * @throws UncheckedIOException if the stream cannot be read or is not a model in a supported version
     */
    public static LstmModel load(InputStream in) {
        Objects.requireNonNull(in, "in");
        try {
            return ModelCodec.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read LSTM model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model from a file.
     *
     * @param file the file
     * @return the model
     * @throws UncheckedIOException on a read error or an invalid file
     */
    public static LstmModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read LSTM model from " + file + ": " + e.getMessage(), e);
        }
    }
}
