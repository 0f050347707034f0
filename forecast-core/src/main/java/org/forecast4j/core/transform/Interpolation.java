package org.forecast4j.core.transform;

import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Fills gaps (NaN) by linear interpolation between the nearest observed neighbours:
 * {@code x_t = x_a + (x_b − x_a) · (t − a) / (b − a)} for a gap between
 * observed indices {@code a < t < b}. Interior gaps are filled exactly as R's {@code approx(rule = 2)}, which is
 * what {@code forecast::na.interp} does for non-seasonal series.
 *
 * <p>Leading and trailing gaps have no neighbour on one side. {@link EdgePolicy#NEAREST} (the default, as
 * {@code na.interp}) fills them with the first/last observed value; {@link EdgePolicy#LEAVE_MISSING} leaves them NaN.
 * The {@link Result} counts both kinds separately.
 *
 * @since 0.1.0
 */
public final class Interpolation {

    /** What to do with missing values before the first or after the last observation. */
    public enum EdgePolicy {
        /** Carry the nearest observed value outwards (R's {@code approx(rule = 2)} and {@code na.interp}). */
        NEAREST,
        /** Leave them missing (NaN); they are counted in {@link Result#leftMissing()}. */
        LEAVE_MISSING
    }

    private Interpolation() {
    }

    /**
     * Linear interpolation with {@link EdgePolicy#NEAREST}.
     *
     * @param x values, NaN for missing. Not modified.
     * @return the filled values and counts
     * @throws IllegalArgumentException if {@code x} has no observed value (and is not empty) or an infinite value
     */
    public static Result linear(double[] x) {
        return linear(x, EdgePolicy.NEAREST);
    }

    /**
     * Linear interpolation of interior gaps; edges according to {@code edges}.
     *
     * @param x     values, NaN for missing. Not modified.
     * @param edges what to do with leading and trailing gaps
     * @return the filled values and counts
     * @throws IllegalArgumentException if {@code x} is non-empty without any observed value, or has an infinite
     *                                  value
     */
    public static Result linear(double[] x, EdgePolicy edges) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(edges, "edges");
        int n = x.length;
        double[] y = x.clone();
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(x[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "x[%d] must be finite or NaN, got %s", i, x[i]));
            }
            if (!Double.isNaN(x[i])) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (n == 0) {
            return new Result(y, 0, 0, 0);
        }
        Checks.requireArgument(first >= 0, "cannot interpolate: all %d values are missing (NaN)", n);
        int interior = 0;
        int a = first;
        for (int b = first + 1; b <= last; b++) {
            if (Double.isNaN(x[b])) {
                continue;
            }
            // x_t = x_a + (x_b - x_a) * ((t - a) / (b - a)) for a < t < b
            for (int t = a + 1; t < b; t++) {
                y[t] = x[a] + (x[b] - x[a]) * ((double) (t - a) / (double) (b - a));
                interior++;
            }
            a = b;
        }
        int edgeCount = first + (n - 1 - last);
        if (edges == EdgePolicy.NEAREST) {
            for (int t = 0; t < first; t++) {
                y[t] = x[first];
            }
            for (int t = last + 1; t < n; t++) {
                y[t] = x[last];
            }
            return new Result(y, interior, edgeCount, 0);
        }
        return new Result(y, interior, 0, edgeCount);
    }

    /**
     * Interpolates a series (metadata kept).
     *
     * @param series the series. Not modified.
     * @param edges  what to do with leading and trailing gaps
     * @return the filled series and counts
     */
    public static SeriesResult linear(TimeSeries series, EdgePolicy edges) {
        Objects.requireNonNull(series, "series");
        Result r = linear(series.values(), edges);
        return new SeriesResult(series.withValues(r.values).build(), r);
    }

    /**
     * Interpolates a series with {@link EdgePolicy#NEAREST}.
     *
     * @param series the series. Not modified.
     * @return the filled series and counts
     */
    public static SeriesResult linear(TimeSeries series) {
        return linear(series, EdgePolicy.NEAREST);
    }

    /** The outcome of interpolating an array: the values and what was filled. Immutable. */
    public static final class Result {
        private final double[] values;
        private final int filledInterior;
        private final int filledEdges;
        private final int leftMissing;

        Result(double[] values, int filledInterior, int filledEdges, int leftMissing) {
            this.values = values;
            this.filledInterior = filledInterior;
            this.filledEdges = filledEdges;
            this.leftMissing = leftMissing;
        }

        /**
         * Returns a copy of the values after filling.
         *
         * @return values
         */
        public double[] values() {
            return values.clone();
        }

        /**
         * Number of interior gaps filled by linear interpolation.
         *
         * @return count
         */
        public int filledInterior() {
            return filledInterior;
        }

        /**
         * Number of leading and trailing gaps filled with the nearest observed value.
         *
         * @return count (0 under {@link EdgePolicy#LEAVE_MISSING})
         */
        public int filledEdges() {
            return filledEdges;
        }

        /**
         * Total number of values filled, {@code filledInterior() + filledEdges()}.
         *
         * @return count
         */
        public int filled() {
            return filledInterior + filledEdges;
        }

        /**
         * Number of values still missing (leading/trailing under {@link EdgePolicy#LEAVE_MISSING}).
         *
         * @return count
         */
        public int leftMissing() {
            return leftMissing;
        }

        @Override
        public String toString() {
            return "Interpolation.Result[n=" + values.length + ", filledInterior=" + filledInterior
                    + ", filledEdges=" + filledEdges + ", leftMissing=" + leftMissing + "]";
        }
    }

    /** The outcome of interpolating a series. Immutable. */
    public static final class SeriesResult {
        private final TimeSeries series;
        private final Result counts;

        SeriesResult(TimeSeries series, Result counts) {
            this.series = series;
            this.counts = counts;
        }

        /**
         * The filled series.
         *
         * @return series
         */
        public TimeSeries series() {
            return series;
        }

        /**
         * The counts (and values) of the fill.
         *
         * @return result
         */
        public Result counts() {
            return counts;
        }
    }
}
