package org.forecast4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Many series keyed by a string (segment, category, SKU…), in a fixed, deterministic order (insertion order).
 * Each series is named by its key. Immutable.
 *
 * @since 0.1.0
 */
public final class Panel implements Iterable<TimeSeries> {

    private final Map<String, TimeSeries> series;

    private Panel(Map<String, TimeSeries> series) {
        this.series = series;
    }

    /**
     * A panel from keyed series; keys keep the map's iteration order. Each series is renamed to its key.
     *
     * @param byKey series by key
     * @return the panel
     * @throws IllegalArgumentException if a key is null or empty
     */
    public static Panel of(Map<String, TimeSeries> byKey) {
        Objects.requireNonNull(byKey, "byKey");
        LinkedHashMap<String, TimeSeries> m = new LinkedHashMap<>();
        for (Map.Entry<String, TimeSeries> e : byKey.entrySet()) {
            Checks.requireArgument(e.getKey() != null && !e.getKey().isEmpty(), "panel keys must be non-empty");
            m.put(e.getKey(), Objects.requireNonNull(e.getValue(), "series for key " + e.getKey())
                    .withName(e.getKey()));
        }
        return new Panel(Collections.unmodifiableMap(m));
    }

    /**
     * A panel of named series, keyed by name.
     *
     * @param list series with distinct non-null names
     * @return the panel
     * @throws IllegalArgumentException if a name is missing or repeated
     */
    public static Panel of(List<TimeSeries> list) {
        LinkedHashMap<String, TimeSeries> m = new LinkedHashMap<>();
        for (TimeSeries s : list) {
            Checks.requireArgument(s.name() != null, "every series of a panel needs a name");
            Checks.requireArgument(m.put(s.name(), s) == null, "duplicate series name '%s'", s.name());
        }
        return of(m);
    }

    /**
     * Number of series.
     *
     * @return size
     */
    public int size() {
        return series.size();
    }

    /**
     * Keys in order.
     *
     * @return unmodifiable list of keys
     */
    public List<String> keys() {
        return Collections.unmodifiableList(new ArrayList<>(series.keySet()));
    }

    /**
     * The series for a key.
     *
     * @param key the key
     * @return the series
     * @throws IllegalArgumentException if the key is absent
     */
    public TimeSeries get(String key) {
        TimeSeries s = series.get(key);
        Checks.requireArgument(s != null, "no series with key '%s'", key);
        return s;
    }

    /**
     * The series by key, in order.
     *
     * @return unmodifiable map
     */
    public Map<String, TimeSeries> asMap() {
        return series;
    }

    @Override
    public Iterator<TimeSeries> iterator() {
        return series.values().iterator();
    }

    @Override
    public String toString() {
        return "Panel[" + series.size() + " series]";
    }
}
