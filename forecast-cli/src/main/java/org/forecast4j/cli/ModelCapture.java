package org.forecast4j.cli;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;

/**
 * A forecaster that remembers which fitted model produced each forecast, so that a panel run (which hands the
 * consumer forecasts only) can still write each series' model description and {@code "fit"} object. Entries are
 * removed when taken, so memory stays bounded by the panel engine's window. Thread-safe.
 */
final class ModelCapture implements Forecaster {

    private final Forecaster inner;
    private final Map<Forecast, FittedModel> models = Collections.synchronizedMap(new IdentityHashMap<>());

    ModelCapture(Forecaster inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        return new Captured(inner.fit(series));
    }

    @Override
    public String name() {
        return inner.name();
    }

    /**
     * The model that produced a forecast, forgetting it.
     *
     * @param forecast a forecast made by a model of this forecaster
     * @return the model, or null if unknown (or already taken)
     */
    FittedModel take(Forecast forecast) {
        return models.remove(forecast);
    }

    private final class Captured extends DelegatingFittedModel {

        Captured(FittedModel model) {
            super(model);
        }

        @Override
        public Forecast forecast(int horizon, List<Level> levels) {
            Forecast f = delegate.forecast(horizon, levels);
            models.put(f, delegate);
            return f;
        }
    }
}
