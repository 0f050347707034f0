package org.forecast4j.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;

/**
 * Maps a {@code --model} name and the command's {@link ModelOptions} to a {@link Forecaster}. Immutable;
 * {@link #with} returns an extended copy, so a command line (or a test) can plug in more models:
 *
 * <pre>{@code
 * ModelRegistry r = ModelRegistry.standard()
 *         .with("arima", "ARIMA(p,d,q)(P,D,Q)[m] by exact ML", Set.of("--order", "--seasonal-order"),
 *               opts -> ArimaCli.forecaster(opts));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ModelRegistry {

    /** Creates a forecaster from the command's model options. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Creates the forecaster.
         *
         * @param options the model options given on the command line
         * @return an unfitted forecaster
         * @throws IllegalArgumentException if an option value is invalid (the message names the flag)
         */
        Forecaster create(ModelOptions options);
    }

    private static final class Entry {
        final String summary;
        final Set<String> options;
        final Factory factory;

        Entry(String summary, Set<String> options, Factory factory) {
            this.summary = summary;
            this.options = options;
            this.factory = factory;
        }
    }

    private final Map<String, Entry> entries;

    private ModelRegistry(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * The registry of the core baselines ({@code mean}, {@code naive}, {@code snaive}, {@code drift}), {@code arima},
     * {@code auto-arima} and {@code lstm}.
     *
     * @return the registry
     */
    public static ModelRegistry standard() {
        return new ModelRegistry(new LinkedHashMap<>())
                .with("mean", "mean of the history (R meanf)", Set.of(), o -> Forecasters.mean())
                .with("naive", "last observation (R naive)", Set.of(), o -> Forecasters.naive())
                .with("snaive", "last season, period from --period or the frequency (R snaive)", Set.of(),
                        o -> Forecasters.seasonalNaive())
                .with("drift", "random walk with drift (R rwf(drift = TRUE))", Set.of(), o -> Forecasters.drift())
                .with("arima", "ARIMA(p,d,q)(P,D,Q)[period] as R's stats::arima", ArimaOptions.FLAGS,
                        ArimaOptions::forecaster)
                .with("auto-arima", "ARIMA with orders chosen as R's forecast::auto.arima (falls back to snaive, "
                        + "naive or mean when no ARIMA fits)", AutoArimaOptions.FLAGS, AutoArimaOptions::forecaster)
                .with("lstm", "LSTM (or GRU, --cell gru) network trained on the series' windows",
                        LstmOptions.FLAGS, LstmOptions::forecaster);
    }

    /**
     * A copy with one more model (or a replaced one).
     *
     * @param name    the {@code --model} name, lower case, no comma or blank
     * @param summary one-line description for help and errors
     * @param options the {@link ModelOptions} flags this model reads (others are rejected when given)
     * @param factory creates the forecaster
     * @return the extended registry
     * @throws IllegalArgumentException if the name is blank or contains a comma or blank
     */
    public ModelRegistry with(String name, String summary, Set<String> options, Factory factory) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains(",") || name.chars().anyMatch(Character::isWhitespace)
                || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("model name must be lower case without commas or blanks, got '"
                    + name + "'");
        }
        Map<String, Entry> m = new LinkedHashMap<>(entries);
        m.put(name, new Entry(Objects.requireNonNull(summary, "summary"),
                Collections.unmodifiableSet(new LinkedHashSet<>(options)), Objects.requireNonNull(factory, "factory")));
        return new ModelRegistry(m);
    }

    /**
     * The model names, in registration order.
     *
     * @return names
     */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    /**
     * The one-line description of a model.
     *
     * @param name a registered name
     * @return the summary
     * @throws IllegalArgumentException if the name is unknown
     */
    public String summary(String name) {
        return entry(name).summary;
    }

    /**
     * Creates the forecaster for a model name (case-insensitive).
     *
     * @param name    the {@code --model} value
     * @param options the command's model options
     * @return the forecaster
     * @throws IllegalArgumentException if the name is unknown, or a given model option does not apply to it
     */
    public Forecaster create(String name, ModelOptions options) {
        Entry e = entry(name);
        for (String given : options.given()) {
            if (!e.options.contains(given)) {
                throw new IllegalArgumentException(given + " does not apply to --model " + normalise(name)
                        + (e.options.isEmpty() ? " (it takes no model options)"
                        : " (its options are " + String.join(", ", e.options) + ")"));
            }
        }
        return e.factory.create(options);
    }

    /**
     * Creates the forecasters of several models that share one set of model options (as {@code evaluate
     * --model auto-arima --model lstm --hidden 8}): each model reads the flags it knows, and a given flag is
     * rejected only when none of the models reads it.
     *
     * @param names   the {@code --model} values, distinct after normalisation (lower case, trimmed)
     * @param options the command's model options
     * @return forecasters by normalised name, in the order given
     * @throws IllegalArgumentException if a name is unknown, or a given model option applies to none of the models
     */
    public Map<String, Forecaster> createAll(List<String> names, ModelOptions options) {
        Set<String> readable = new LinkedHashSet<>();
        List<String> keys = new ArrayList<>();
        for (String n : names) {
            keys.add(normalise(n));
            readable.addAll(entry(n).options);
        }
        for (String given : options.given()) {
            if (!readable.contains(given)) {
                throw new IllegalArgumentException(given + " does not apply to --model " + String.join(",", keys)
                        + (readable.isEmpty() ? " (they take no model options)"
                        : " (their options are " + String.join(", ", readable) + ")"));
            }
        }
        Map<String, Forecaster> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, entries.get(k).factory.create(options));
        }
        return out;
    }

    private Entry entry(String name) {
        Entry e = name == null ? null : entries.get(normalise(name));
        if (e == null) {
            throw new IllegalArgumentException("--model must be one of " + String.join(", ", entries.keySet())
                    + ", got '" + name + "'");
        }
        return e;
    }

    private static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
