package org.forecast4j.core.transform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Differencing and its exact inverse, integration. The lag-{@code k} difference is
 * {@code (Δ_k x)_t = x_t − x_{t−k}}; order {@code d} applies it {@code d}
 * times. A {@code Differencing} instance is the ARIMA-style specification {@code (1−B)^d
 * (1−B^s)^D}: seasonal differences (lag {@code s}) {@code D} times first, then ordinary
 * differences {@code d} times, exactly as R's {@code diff(diff(x, lag = s, differences = D), differences = d)}.
 *
 * <p>Integration inverts differencing given the initial values, as R's {@code diffinv(x, lag, differences, xi)}:
 * for order 1, {@code y_{0..k−1} = xi} and {@code y_{t+k} = y_t + Δx_t}.
 * {@code integrate(diff(x), xi = first values of x)} returns {@code x} exactly when the values are integers (below
 * 2<sup>53</sup> in magnitude) and up to rounding otherwise. The same kernel integrates forecasts of differences:
 * pass the <em>last</em> {@code k·d} observed values as {@code xi} (see {@link #extend(double[], double[])}).
 *
 * <p>{@code NaN} (missing) propagates: a difference involving a missing value is missing, and integrating a
 * missing difference makes every later value of the same phase missing.
 *
 * <pre>{@code
 * double[] dx = Differencing.diff(x, 1, 2);                  // second differences, length n − 2
 * double[] back = Differencing.integrate(dx, 1, 2, Arrays.copyOf(x, 2));   // == x
 * Differencing airline = Differencing.of(1).withSeasonal(1, 12);
 * TimeSeries w = airline.apply(y);                           // starts 13 steps after y
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Differencing {

    private final int order;
    private final int seasonalOrder;
    private final int period;

    private Differencing(int order, int seasonalOrder, int period) {
        this.order = order;
        this.seasonalOrder = seasonalOrder;
        this.period = period;
    }

    private static IllegalArgumentException fail(String template, Object... args) {
        return new IllegalArgumentException(String.format(Locale.ROOT, template, args));
    }

    // ------------------------------------------------------------------------------------------------ kernels

    /**
     * One lag-{@code lag} difference: {@code out[i] = x[i + lag] − x[i]} for {@code i} in {@code [0, n − lag)}.
     * {@code out} may be {@code x} itself (the loop runs upwards, so in-place use is safe). Allocates nothing when
     * {@code out} is given.
     *
     * @param x   input, length n. Not modified (unless it is also {@code out}).
     * @param lag lag k &ge; 1
     * @param out output of length &ge; n − lag, or {@code null} to allocate one of length n − lag. Modified.
     * @return {@code out}
     * @throws IllegalArgumentException if {@code lag < 1}, {@code n < lag} or {@code out} is too short
     */
    public static double[] diff(double[] x, int lag, double[] out) {
        Objects.requireNonNull(x, "x");
        int n = x.length;
        // plain ifs: varargs checks would allocate on every call of this allocation-free kernel
        if (lag < 1) {
            throw fail("lag must be > 0, got %d", lag);
        }
        if (n < lag) {
            throw fail("series length %d < lag %d required for differencing", n, lag);
        }
        int m = n - lag;
        if (out == null) {
            out = new double[m];
        } else if (out.length < m) {
            throw fail("out length %d < n - lag (%d)", out.length, m);
        }
        // out_i = x_{i+lag} - x_i
        for (int i = 0; i < m; i++) {
            out[i] = x[i + lag] - x[i];
        }
        return out;
    }

    /**
     * Differences of order {@code order} at lag {@code lag}: {@code Δ_lag^order x}, length
     * {@code n − lag·order}, computed as {@code order} successive lag differences (R's
     * {@code diff(x, lag, differences)}).
     *
     * @param x     input, length n. Not modified.
     * @param lag   lag &ge; 1
     * @param order number of differences &ge; 0 (0 returns a copy)
     * @return a new array of length {@code n − lag·order}
     * @throws IllegalArgumentException if {@code n < lag·order}, {@code lag < 1} or {@code order < 0}
     */
    public static double[] diff(double[] x, int lag, int order) {
        Objects.requireNonNull(x, "x");
        Checks.requirePositive(lag, "lag");
        Checks.requireNonNegative(order, "order");
        long lost = (long) lag * order;
        Checks.requireArgument(x.length >= lost,
                "series length %d < lag*order (%d) required for differencing of order %d at lag %d",
                x.length, lost, order, lag);
        double[] buf = x.clone();
        int len = buf.length;
        for (int k = 0; k < order; k++) {
            len = diffInPlace(buf, len, lag);
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    /**
     * One lag difference in place on the prefix {@code buf[0, length)}: afterwards {@code buf[0, length − lag)}
     * holds the differences. Allocation-free building block for repeated differencing.
     *
     * @param buf    values. Modified.
     * @param length number of valid values in {@code buf}, &le; {@code buf.length}
     * @param lag    lag &ge; 1
     * @return the new valid length {@code length − lag}
     * @throws IllegalArgumentException if {@code length < lag} or {@code length > buf.length}
     */
    public static int diffInPlace(double[] buf, int length, int lag) {
        Objects.requireNonNull(buf, "buf");
        Checks.requirePositive(lag, "lag");
        Checks.requireArgument(length >= lag && length <= buf.length,
                "length must be in [lag (%d), buf.length (%d)], got %d", lag, buf.length, length);
        int m = length - lag;
        // buf_i = buf_{i+lag} - buf_i; ascending, so buf_{i+lag} is still the old value when read
        for (int i = 0; i < m; i++) {
            buf[i] = buf[i + lag] - buf[i];
        }
        return m;
    }

    /**
     * One lag integration (R's {@code diffinv(dx, lag, 1, xi)}): {@code out[0, lag) = initial} and
     * {@code out[i + lag] = out[i] + dx[i]}, length {@code m + lag} for {@code m = dx.length}. Allocates nothing when
     * {@code out} is given.
     *
     * @param dx      differences, length m. Not modified.
     * @param lag     lag &ge; 1
     * @param initial the {@code lag} values preceding the differences. Not modified.
     * @param out     output of length &ge; m + lag, or {@code null} to allocate. Must not be {@code dx}. Modified.
     * @return {@code out}
     * @throws IllegalArgumentException if {@code initial.length != lag}, {@code out} is too short or is {@code dx}
     */
    public static double[] integrate(double[] dx, int lag, double[] initial, double[] out) {
        Objects.requireNonNull(dx, "dx");
        Objects.requireNonNull(initial, "initial");
        if (lag < 1) {
            throw fail("lag must be > 0, got %d", lag);
        }
        if (initial.length != lag) {
            throw fail("initial must have length lag (%d), got %d", lag, initial.length);
        }
        int m = dx.length;
        if (out == null) {
            out = new double[m + lag];
        } else if (out == dx) {
            throw fail("out must not be the same array as dx");
        } else if (out.length < m + lag) {
            throw fail("out length %d < dx.length + lag (%d)", out.length, m + lag);
        }
        System.arraycopy(initial, 0, out, 0, lag);
        // y_{i+lag} = y_i + dx_i
        for (int i = 0; i < m; i++) {
            out[i + lag] = out[i] + dx[i];
        }
        return out;
    }

    /**
     * Integration of order {@code order} (R's {@code diffinv(dx, lag, differences = order, xi = initial)}): the
     * inverse of {@link #diff(double[], int, int)} given the first {@code lag·order} values of the original series.
     * The level-{@code j} initial values are the first {@code lag} values of {@code Δ^j(initial)}.
     *
     * @param dx      differences of order {@code order}, length m. Not modified.
     * @param lag     lag &ge; 1
     * @param order   order &ge; 0
     * @param initial the {@code lag·order} values preceding (or at the start of) the series. Not modified.
     * @return a new array of length {@code m + lag·order} whose first values are {@code initial}
     * @throws IllegalArgumentException if {@code initial.length != lag·order}
     */
    public static double[] integrate(double[] dx, int lag, int order, double[] initial) {
        Objects.requireNonNull(dx, "dx");
        Objects.requireNonNull(initial, "initial");
        Checks.requirePositive(lag, "lag");
        Checks.requireNonNegative(order, "order");
        Checks.requireArgument(initial.length == (long) lag * order,
                "initial must have length lag*order (%d), got %d", (long) lag * order, initial.length);
        double[] level = dx.clone();
        double[] start = new double[lag];
        for (int j = order - 1; j >= 0; j--) {
            // first lag values of Δ^j(initial): the starting values of the level-j series
            double[] dj = diff(initial, lag, j);
            System.arraycopy(dj, 0, start, 0, lag);
            level = integrate(level, lag, start, null);
        }
        return level;
    }

    // ------------------------------------------------------------------------------------------------ spec

    /**
     * Ordinary differencing of order {@code d} (lag 1), no seasonal differencing.
     *
     * @param d order &ge; 0
     * @return the specification
     * @throws IllegalArgumentException if {@code d < 0}
     */
    public static Differencing of(int d) {
        Checks.requireNonNegative(d, "d");
        return new Differencing(d, 0, 1);
    }

    /**
     * Lag-{@code lag} differencing of order {@code order} alone, e.g. {@code seasonal(1, 7)} for one weekly
     * difference.
     *
     * @param order order &ge; 0
     * @param lag   lag &ge; 1
     * @return the specification
     * @throws IllegalArgumentException if {@code order < 0} or {@code lag < 1}
     */
    public static Differencing seasonal(int order, int lag) {
        return of(0).withSeasonal(order, lag);
    }

    /**
     * Returns a copy that also takes {@code seasonalOrder} seasonal differences at lag {@code period} (applied
     * before the ordinary ones).
     *
     * @param seasonalOrder D &ge; 0
     * @param period        seasonal lag s &ge; 1
     * @return the specification
     * @throws IllegalArgumentException if {@code D < 0} or {@code s < 1}
     */
    public Differencing withSeasonal(int seasonalOrder, int period) {
        Checks.requireNonNegative(seasonalOrder, "seasonalOrder");
        Checks.requirePositive(period, "period");
        return new Differencing(order, seasonalOrder, period);
    }

    /**
     * Returns the ordinary order d.
     *
     * @return d
     */
    public int order() {
        return order;
    }

    /**
     * Returns the seasonal order D.
     *
     * @return D
     */
    public int seasonalOrder() {
        return seasonalOrder;
    }

    /**
     * Returns the seasonal lag s (1 when there is no seasonal differencing).
     *
     * @return s
     */
    public int period() {
        return period;
    }

    /**
     * Number of observations lost to differencing, {@code d + D·s}; also the number of initial values that
     * {@link #invert(double[], double[])} needs.
     *
     * @return d + D·s
     */
    public int lost() {
        return order + seasonalOrder * period;
    }

    /**
     * Differences values: {@code D} lag-{@code s} differences, then {@code d} lag-1 differences.
     *
     * @param x values, NaN for missing. Not modified.
     * @return a new array of length {@code n − d − D·s}
     * @throws IllegalArgumentException if {@code n < d + D·s}
     */
    public double[] apply(double[] x) {
        Objects.requireNonNull(x, "x");
        Checks.requireArgument(x.length >= lost(),
                "series length %d < d + D*s (%d) required for %s", x.length, lost(), this);
        double[] buf = x.clone();
        int len = buf.length;
        for (int k = 0; k < seasonalOrder; k++) {
            len = diffInPlace(buf, len, period);
        }
        for (int k = 0; k < order; k++) {
            len = diffInPlace(buf, len, 1);
        }
        return Arrays.copyOf(buf, len);
    }

    /**
     * Differences a series. The result starts {@code d + D·s} steps after {@code series} (its first value is the
     * difference at that time) and keeps name, frequency and period.
     *
     * @param series the series. Not modified.
     * @return the differenced series
     * @throws IllegalArgumentException if the series has fewer than {@code d + D·s} values
     */
    public TimeSeries apply(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        double[] w = apply(series.values());
        return series.window(lost(), series.length()).withValues(w).build();
    }

    /**
     * Integrates differences back (the inverse of {@link #apply(double[])}).
     *
     * @param w       differences, length m. Not modified.
     * @param initial the first {@code d + D·s} values of the original series. Not modified.
     * @return a new array of length {@code m + d + D·s} whose first values are {@code initial}
     * @throws IllegalArgumentException if {@code initial.length != d + D·s}
     */
    public double[] invert(double[] w, double[] initial) {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(initial, "initial");
        Checks.requireArgument(initial.length == lost(), "initial must have length d + D*s (%d) for %s, got %d",
                lost(), this, initial.length);
        int sD = seasonalOrder * period;
        // z = Δ_s^D y; its first d values come from the first sD + d values of y
        double[] zStart = diff(initial, period, seasonalOrder);
        double[] z = integrate(w, 1, order, zStart);
        return integrate(z, period, seasonalOrder, Arrays.copyOf(initial, sD));
    }

    /**
     * Integrates a differenced series back; the result starts {@code d + D·s} steps earlier.
     *
     * @param w       the differenced series. Not modified.
     * @param initial the first {@code d + D·s} values of the original series. Not modified.
     * @return the integrated series
     * @throws IllegalArgumentException if {@code initial.length != d + D·s}
     */
    public TimeSeries invert(TimeSeries w, double[] initial) {
        Objects.requireNonNull(w, "w");
        double[] y = invert(w.values(), initial);
        TimeSeries.Builder b = w.withValues(y).startIndex(w.startIndex() - lost());
        if (w.frequency().isCalendar()) {
            b.start(w.timestamp(-lost()));
        }
        return b.build();
    }

    /**
     * Integrates future differences after an observed history — the values of the original series at times
     * {@code n, n+1, …} whose differences are {@code futureW} (e.g. forecasts of a model fitted to the differenced
     * series). Only the last {@code d + D·s} values of {@code history} are used.
     *
     * @param history observed values, length &ge; d + D·s. Not modified.
     * @param futureW differences at the future times, length h. Not modified.
     * @return a new array of length h, the future values on the original scale
     * @throws IllegalArgumentException if {@code history} is shorter than {@code d + D·s}
     */
    public double[] extend(double[] history, double[] futureW) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(futureW, "futureW");
        int m = lost();
        Checks.requireArgument(history.length >= m, "history length %d < d + D*s (%d) required for %s",
                history.length, m, this);
        double[] all = invert(futureW, Arrays.copyOfRange(history, history.length - m, history.length));
        return Arrays.copyOfRange(all, m, all.length);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Differencing)) {
            return false;
        }
        Differencing other = (Differencing) o;
        return order == other.order && seasonalOrder == other.seasonalOrder && period == other.period;
    }

    @Override
    public int hashCode() {
        return Objects.hash(order, seasonalOrder, period);
    }

    /** Returns e.g. {@code "Differencing(d=1, D=1, s=12)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Differencing(d=%d, D=%d, s=%d)", order, seasonalOrder, period);
    }
}
