package org.forecast4j.core.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;

/**
 * An M4-format data set: the training series as a {@link Panel} (keyed by the M4 id, in file order) and, per
 * series, the {@code horizon} held-out values that its forecasts are scored against. Immutable; array getters
 * return copies. Read with {@link M4Reader}.
 *
 * @since 0.1.0
 */
public final class M4Data {

    private final Panel train;
    private final Map<String, double[]> test;
    private final int horizon;

    M4Data(Panel train, Map<String, double[]> test, int horizon) {
        this.train = Objects.requireNonNull(train, "train");
        this.test = Collections.unmodifiableMap(new LinkedHashMap<>(test));
        this.horizon = horizon;
    }

    /**
     * The training series, keyed by M4 id ({@code W1}, {@code H17}, ...), in file order. Each has frequency
     * {@code INDEX} (M4 files carry no dates) and the period given to the reader.
     *
     * @return the panel
     */
    public Panel train() {
        return train;
    }

    /**
     * The held-out values of one series: the first {@link #horizon()} values of its test row.
     *
     * @param id the series id
     * @return a copy of the {@code horizon} test values
     * @throws IllegalArgumentException if there is no series with this id
     */
    public double[] test(String id) {
        double[] t = test.get(id);
        if (t == null) {
            throw new IllegalArgumentException("id must be a series of this data set, got '" + id + "'");
        }
        return t.clone();
    }

    /**
     * The series ids in file order.
     *
     * @return the ids (unmodifiable)
     */
    public List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(test.keySet()));
    }

    /**
     * The number of series.
     *
     * @return the count
     */
    public int size() {
        return test.size();
    }

    /**
     * The forecast horizon that the test values cover.
     *
     * @return h &gt; 0
     */
    public int horizon() {
        return horizon;
    }

    @Override
    public String toString() {
        return "M4Data[" + test.size() + " series, horizon " + horizon + "]";
    }
}
