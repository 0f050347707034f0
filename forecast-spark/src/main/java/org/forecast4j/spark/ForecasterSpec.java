package org.forecast4j.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Forecaster;

/**
 * A forecaster described by a small JSON document, the form in which a model travels to Spark executors (core
 * forecasters are not {@link java.io.Serializable}; this spec is, and every executor rebuilds the same
 * forecaster from it).
 *
 * <pre>{@code
 * {"model": "snaive"}                         seasonal naive with the series' period
 * {"model": "snaive", "period": 7}
 * {"model": "naive"}   {"model": "drift"}   {"model": "mean"}
 * {"model": "arima", "order": [1, 1, 1], "seasonal": [0, 1, 1], "period": 7,
 *  "mean": true, "drift": false, "method": "CSS-ML"}
 * {"model": "autoarima"}                      auto-ARIMA with R's defaults
 * {"model": "autoarima", "ic": "bic", "stepwise": false, "approximation": true, "seasonal": true, "maxP": 5,
 *  "maxQ": 5, "maxSeasonalP": 2, "maxSeasonalQ": 2, "maxOrder": 5, "d": 1, "seasonalD": 1,
 *  "allowDrift": true, "allowMean": true}
 * }</pre>
 *
 * <p>For {@code "arima"} every member but {@code "model"} is optional: {@code order} defaults to
 * {@code [0,0,0]}, {@code seasonal} to none, {@code period} to 0 (the series' period), {@code mean} to R's
 * default (a mean when there is no differencing), {@code drift} to false and {@code method} to {@code CSS-ML}
 * ({@code CSS}, {@code ML}, {@code CSS-ML}). For {@code "autoarima"} the members are the options of
 * {@link org.forecast4j.core.arima.select.AutoArima.Builder} ({@code maxP}/{@code maxQ} set
 * {@code maxOrders}, {@code allowDrift}/{@code allowMean} set {@code allowConstant}); every fit runs on one
 * thread, since Spark runs one task per executor core. Other model families are added through the {@link ForecasterFactory}
 * service-provider interface. Unknown models and parameters are rejected when the spec is parsed, on the
 * driver, so that a typo never reaches the executors.
 *
 * <p>Immutable and serializable; equality is by the normalised JSON text.
 *
 * @since 0.1.0
 */
public final class ForecasterSpec implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final String json;
    private final String model;
    private transient Forecaster forecaster;

    private ForecasterSpec(String json, String model, Forecaster forecaster) {
        this.json = json;
        this.model = model;
        this.forecaster = forecaster;
    }

    /**
     * Parses and validates a spec: the JSON must be an object with a string member {@code "model"} naming a
     * built-in model or one provided by a {@link ForecasterFactory}, and parameters valid for that model.
     *
     * @param json the spec, e.g. {@code {"model":"arima","order":[1,1,1]}}
     * @return the spec
     * @throws IllegalArgumentException if the text is not a JSON object, the model is unknown or a parameter is
     *                                  invalid; the message says which
     */
    public static ForecasterSpec parse(String json) {
        Objects.requireNonNull(json, "json");
        Map<String, Object> members = read(json);
        Object m = members.get("model");
        if (!(m instanceof String)) {
            throw new IllegalArgumentException("forecaster spec must have a string member \"model\", got "
                    + (m == null ? "none" : m) + " in " + json);
        }
        String model = ((String) m).trim().toLowerCase(Locale.ROOT);
        Map<String, Object> params = new LinkedHashMap<>(members);
        params.remove("model");
        Forecaster f = ModelRegistry.create(model, Collections.unmodifiableMap(params));
        Map<String, Object> normal = new LinkedHashMap<>();
        normal.put("model", model);
        normal.putAll(params);
        try {
            return new ForecasterSpec(JSON.writeValueAsString(normal), model, f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec " + normal, e);
        }
    }

    /**
     * The normalised JSON text (model name in lower case, members in input order, no white space).
     *
     * @return the JSON
     */
    public String json() {
        return json;
    }

    /**
     * The model name, lower case.
     *
     * @return e.g. {@code "arima"}
     */
    public String model() {
        return model;
    }

    /**
     * The forecaster this spec describes, built once per spec instance (and once per deserialised copy on an
     * executor).
     *
     * @return the forecaster
     */
    public Forecaster forecaster() {
        Forecaster f = forecaster;
        if (f == null) {
            f = ModelRegistry.create(model, Collections.unmodifiableMap(paramsOf(json)));
            forecaster = f;
        }
        return f;
    }

    private static Map<String, Object> paramsOf(String json) {
        Map<String, Object> p = new LinkedHashMap<>(read(json));
        p.remove("model");
        return p;
    }

    private static Map<String, Object> read(String json) {
        try {
            Object v = JSON.readValue(json, new TypeReference<Object>() { });
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException("forecaster spec must be a JSON object, got: " + json);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) v;
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("forecaster spec is not valid JSON (" + e.getOriginalMessage()
                    + "): " + json, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForecasterSpec && ((ForecasterSpec) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }
}
