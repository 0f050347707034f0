package org.forecast4j.core.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Lagged values of the series itself, {@code lag_k(t) = y(t - k)}, for learning models. Steps before the
 * start ({@code t < k}) and missing observations give NaN. A future step {@code n + j} needs {@code y(n+j-k)}
 * to be observed, i.e. {@code j < k}: the horizon is limited to the smallest lag ({@link #maxHorizon()}); for
 * longer horizons forecast recursively. Immutable.
 *
 * @since 0.1.0
 */
public final class LagFeatures implements Feature {

    private final int[] lags;
    private final List<String> names;

    /**
     * Lags of the series.
     *
     * @param lags distinct lags, each &ge; 1 (sorted ascending in the columns)
     * @throws IllegalArgumentException if empty or a lag is &lt; 1
     */
    public LagFeatures(int... lags) {
        Checks.requireArgument(lags != null && lags.length > 0, "at least one lag is needed");
        TreeSet<Integer> s = new TreeSet<>();
        for (int k : lags) {
            Checks.requireArgument(k >= 1, "lags must be >= 1, got %d", k);
            s.add(k);
        }
        this.lags = new int[s.size()];
        List<String> n = new ArrayList<>();
        int i = 0;
        for (int k : s) {
            this.lags[i++] = k;
            n.add("lag_" + k);
        }
        this.names = Collections.unmodifiableList(n);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int maxHorizon() {
        return lags[0];
    }

    @Override
    public void fill(TimeSeries series, long from, int rows, double[] out, int stride, int offset) {
        int n = series.length();
        for (int r = 0; r < rows; r++) {
            long t = from + r;
            for (int j = 0; j < lags.length; j++) {
                long s = t - lags[j];
                Checks.requireArgument(s < n, "lag %d at step %d needs observation %d but only %d are known; "
                        + "horizon must be <= %d (or forecast recursively)", lags[j], t, s, n, lags[0]);
                out[r * stride + offset + j] = s >= 0 ? series.get((int) s) : Double.NaN;
            }
        }
    }
}
