package org.forecast4j.core.features;

import java.util.List;
import org.forecast4j.core.TimeSeries;

/**
 * A block of regressor columns computed for any range of time steps of a series: steps {@code 0..n-1} are the
 * observations, steps {@code n, n+1, …} the forecast horizon. Implementations are immutable.
 *
 * @since 0.1.0
 */
public interface Feature {

    /**
     * Column names, in order.
     *
     * @return names, unique within the feature
     */
    List<String> names();

    /**
     * Fills the columns for steps {@code from .. from+rows-1}.
     *
     * @param series    the observed series (values, start, frequency). Not modified.
     * @param from      first step, relative to the series start (may be &ge; n for future rows)
     * @param rows      number of steps
     * @param out       row-major output, {@code out[r*stride + offset + j]} for column j. Modified.
     * @param stride    columns per output row
     * @param offset    first output column of this feature
     * @throws IllegalArgumentException if a future step is not computable (see {@link #maxHorizon()})
     */
    void fill(TimeSeries series, long from, int rows, double[] out, int stride, int offset);

    /**
     * How many steps beyond the last observation this feature can be computed: unlimited for calendar and
     * Fourier terms, the smallest lag for lag and rolling features (which need observed values).
     *
     * @return maximum horizon, {@link Integer#MAX_VALUE} if unlimited
     */
    default int maxHorizon() {
        return Integer.MAX_VALUE;
    }
}
