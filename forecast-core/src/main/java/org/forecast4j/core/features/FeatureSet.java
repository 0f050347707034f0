package org.forecast4j.core.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * An ordered, immutable list of {@link Feature}s that builds a {@link RegressorMatrix} aligned with a series
 * and extendable over the forecast horizon.
 *
 * <pre>{@code
 * FeatureSet fs = FeatureSet.of(
 *         CalendarFeatures.of(CalendarFeatures.Part.DAY_OF_WEEK),
 *         new FourierTerms(365.25, 3),
 *         EventCalendar.of(EcommerceCalendar.singlesDay(2016, 2018, 7, 3)));
 * RegressorMatrix x = fs.matrix(y);          // y.length() rows
 * RegressorMatrix xFuture = x.future(14);    // the next 14 steps
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FeatureSet {

    private final List<Feature> features;
    private final List<String> names;

    private FeatureSet(List<Feature> features) {
        Set<String> seen = new HashSet<>();
        List<String> n = new ArrayList<>();
        for (Feature f : features) {
            for (String s : f.names()) {
                Checks.requireArgument(seen.add(s), "duplicate regressor column '%s'", s);
                n.add(s);
            }
        }
        this.features = Collections.unmodifiableList(new ArrayList<>(features));
        this.names = Collections.unmodifiableList(n);
    }

    /**
     * A feature set.
     *
     * @param features one or more features
     * @return the set
     * @throws IllegalArgumentException if column names repeat or none is given
     */
    public static FeatureSet of(Feature... features) {
        Objects.requireNonNull(features, "features");
        Checks.requireArgument(features.length > 0, "a feature set needs at least one feature");
        List<Feature> l = new ArrayList<>();
        for (Feature f : features) {
            l.add(Objects.requireNonNull(f, "feature"));
        }
        return new FeatureSet(l);
    }

    /**
     * Returns a set with one more feature.
     *
     * @param f the feature
     * @return the set
     */
    public FeatureSet with(Feature f) {
        List<Feature> l = new ArrayList<>(features);
        l.add(Objects.requireNonNull(f, "feature"));
        return new FeatureSet(l);
    }

    /**
     * Column names of the matrices built.
     *
     * @return names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Returns the features.
     *
     * @return features in column order
     */
    public List<Feature> features() {
        return features;
    }

    /**
     * The largest horizon for which {@link RegressorMatrix#future(int)} works.
     *
     * @return minimum over the features
     */
    public int maxHorizon() {
        int h = Integer.MAX_VALUE;
        for (Feature f : features) {
            h = Math.min(h, f.maxHorizon());
        }
        return h;
    }

    /**
     * The regressors of every observation of {@code series}.
     *
     * @param series a series with calendar timestamps (for calendar and event features)
     * @return an n × k matrix
     */
    public RegressorMatrix matrix(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return compute(series, 0, series.length());
    }

    RegressorMatrix compute(TimeSeries series, long from, int rows) {
        int k = names.size();
        double[] data = new double[Math.multiplyExact(rows, k)];
        int off = 0;
        for (Feature f : features) {
            f.fill(series, from, rows, data, k, off);
            off += f.names().size();
        }
        return new RegressorMatrix(names, rows, data, series, from, this);
    }
}
