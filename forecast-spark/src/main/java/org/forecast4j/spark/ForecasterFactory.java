package org.forecast4j.spark;

import java.util.Map;
import org.forecast4j.core.Forecaster;

/**
 * Service-provider interface that makes a model family available to {@link ForecasterSpec}: maps the
 * parameters of a JSON spec whose {@code "model"} equals {@link #model()} to a {@link Forecaster}.
 *
 * <p>Factories are found with {@link java.util.ServiceLoader} (a file
 * {@code META-INF/services/org.forecast4j.spark.ForecasterFactory} on the executors' class path) in addition to
 * the built-in models; a factory's model name must not clash with a built-in one. Implementations must be
 * stateless, thread-safe and have a public no-argument constructor.
 *
 * @since 0.1.0
 */
public interface ForecasterFactory {

    /**
     * The model name this factory handles, lower case, e.g. {@code "autoarima"}.
     *
     * @return the name
     */
    String model();

    /**
     * Creates the forecaster described by a spec.
     *
     * @param params the spec's JSON members other than {@code "model"}, as plain Java values ({@link String},
     *               {@link Number}, {@link Boolean}, {@link java.util.List}, {@link Map}); not modified
     * @return the forecaster
     * @throws IllegalArgumentException if a parameter is unknown or invalid; the message names it
     */
    Forecaster create(Map<String, Object> params);
}
