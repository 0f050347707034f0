package org.forecast4j.lstm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;

/**
 * One network trained across all series of a panel ({@link LstmTrainer#trainGlobal}): per series a
 * {@link LstmModel} view with that series' scaling and the shared weights. Intervals come from held-out errors of
 * all series pooled in scaled units (so each series' interval width is proportional to its scale). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * GlobalLstmModel g = Lstm.forecaster(cfg).fitGlobal(panel);
 * Map<String, Forecast> all = g.forecastAll(14, Level.of(80, 95));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GlobalLstmModel {

    private final LstmConfig config;
    private final Map<String, LstmModel> models;
    private final TrainingDiagnostics diagnostics;

    GlobalLstmModel(LstmConfig config, Map<String, LstmModel> models, TrainingDiagnostics diagnostics) {
        this.config = config;
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        this.diagnostics = diagnostics;
    }

    /**
     * The model of one series.
     *
     * @param key series key in the panel
     * @return its model (a core {@code FittedModel})
     * @throws IllegalArgumentException if the key is unknown
     */
    public LstmModel model(String key) {
        Objects.requireNonNull(key, "key");
        LstmModel m = models.get(key);
        Checks.requireArgument(m != null, "unknown series key '%s'", key);
        return m;
    }

    /**
     * Series keys in panel order.
     *
     * @return unmodifiable list of keys
     */
    public List<String> keys() {
        return List.copyOf(models.keySet());
    }

    /**
     * Forecasts every series.
     *
     * @param horizon steps, &gt; 0
     * @param levels  interval levels
     * @return forecasts by key, in panel order
     * @throws IllegalArgumentException if {@code horizon <= 0}
     */
    public Map<String, Forecast> forecastAll(int horizon, List<Level> levels) {
        Checks.requirePositive(horizon, "horizon");
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (Map.Entry<String, LstmModel> e : models.entrySet()) {
            out.put(e.getKey(), e.getValue().forecast(horizon, levels));
        }
        return Collections.unmodifiableMap(out);
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
     * Training history of the shared network (window counts summed over the series).
     *
     * @return diagnostics
     */
    public TrainingDiagnostics diagnostics() {
        return diagnostics;
    }

    @Override
    public String toString() {
        return "GlobalLstmModel[" + models.size() + " series, " + config + "]";
    }
}
