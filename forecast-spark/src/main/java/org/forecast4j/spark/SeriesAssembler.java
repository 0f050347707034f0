package org.forecast4j.spark;

import java.time.LocalDateTime;
import java.util.Arrays;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;

/**
 * Builds a regular {@link TimeSeries} from the time-sorted observations of one key: the first timestamp is the
 * start, every later timestamp must lie on the grid {@code start + k·step} of the frequency, grid points without
 * a row are missing (NaN), and a duplicate or off-grid timestamp is an error naming it.
 *
 * <p>Rows may carry regressor values, and rows may be marked <em>future</em>: rows after the last observation
 * that carry only the regressors' values over the forecast horizon. The series is made of the observed rows;
 * {@link #regressors(int)} lays the regressor values of all rows on the same grid. Not thread-safe: one assembler
 * per task.
 */
final class SeriesAssembler {

    /** Longest series built (guards against e.g. an hourly frequency given for second timestamps). */
    static final int MAX_LENGTH = 1_000_000;

    private final Frequency frequency;
    private final int period;
    private final int regressorCount;
    private LocalDateTime[] times = new LocalDateTime[64];
    private double[] values = new double[64];
    private boolean[] future = new boolean[64];
    /** Regressor values, row-major: {@code xs[row * regressorCount + j]}. */
    private double[] xs;
    /** Grid position of each row, set by {@link #build}. */
    private int[] positions = new int[64];
    private int size;
    private int length = -1;

    /**
     * @param frequency calendar frequency of the grid
     * @param period    seasonal period, 0 for the frequency's default
     */
    SeriesAssembler(Frequency frequency, int period) {
        this(frequency, period, 0);
    }

    /**
     * @param frequency      calendar frequency of the grid
     * @param period         seasonal period, 0 for the frequency's default
     * @param regressorCount number of regressor values per row
     */
    SeriesAssembler(Frequency frequency, int period, int regressorCount) {
        this.frequency = frequency;
        this.period = period;
        this.regressorCount = regressorCount;
        this.xs = new double[64 * regressorCount];
    }

    void clear() {
        size = 0;
        length = -1;
    }

    /** Adds an observation; calls must come in non-decreasing time order. */
    void add(LocalDateTime t, double y) {
        add(t, y, false);
    }

    /**
     * Adds a row; calls must come in non-decreasing time order. Its regressor values (NaN until set) are set by
     * {@link #regressor(int, double)}.
     *
     * @param t        timestamp
     * @param y        observed value (NaN = missing); ignored for a future row
     * @param isFuture whether the row is a future row (regressor values only)
     */
    void add(LocalDateTime t, double y, boolean isFuture) {
        if (size == times.length) {
            int grown = 2 * size;
            times = Arrays.copyOf(times, grown);
            values = Arrays.copyOf(values, grown);
            future = Arrays.copyOf(future, grown);
            positions = Arrays.copyOf(positions, grown);
            xs = Arrays.copyOf(xs, grown * regressorCount);
        }
        times[size] = t;
        values[size] = y;
        future[size] = isFuture;
        Arrays.fill(xs, size * regressorCount, (size + 1) * regressorCount, Double.NaN);
        size++;
    }

    /** Sets regressor {@code j} of the last row added. */
    void regressor(int j, double x) {
        xs[(size - 1) * regressorCount + j] = x;
    }

    int size() {
        return size;
    }

    /**
     * The series of the observed (non-future) rows added since the last {@link #clear()}.
     *
     * @throws IllegalArgumentException if there are no observed rows, a timestamp is null, duplicated or off the
     *                                  grid, a future row is not after the last observation, or the series would be
     *                                  longer than {@link #MAX_LENGTH}
     */
    TimeSeries build(String name) {
        if (size == 0) {
            throw new IllegalArgumentException("series has no rows");
        }
        int lastObserved = -1;
        for (int i = 0; i < size; i++) {
            if (times[i] == null) {
                throw new IllegalArgumentException("timestamp must not be null, got null in " + nullCount()
                        + " of " + size + " rows");
            }
            if (!future[i]) {
                lastObserved = i;
            }
        }
        if (lastObserved < 0) {
            throw new IllegalArgumentException("series has no observed rows, only " + size + " future rows");
        }
        for (int i = 0; i < size; i++) {
            if (future[i] && !times[i].isAfter(times[lastObserved])) {
                throw new IllegalArgumentException("future row at " + times[i]
                        + " is not after the last observation at " + times[lastObserved]);
            }
        }
        LocalDateTime start = times[0];
        double[] out = new double[Math.min(MAX_LENGTH, Math.max(16, 2 * size))];
        Arrays.fill(out, Double.NaN);
        int k = 0;
        LocalDateTime grid = start;
        int next = 0;
        for (int i = 0; i < size; i++) {
            LocalDateTime t = times[i];
            while (grid.isBefore(t)) {
                k++;
                if (k >= MAX_LENGTH) {
                    throw new IllegalArgumentException("series from " + start + " to " + t + " would have more than "
                            + MAX_LENGTH + " " + frequency + " periods; check the frequency");
                }
                // from the start each time (not step by step) so that month ends do not drift
                grid = frequency.add(start, k);
            }
            if (!grid.equals(t)) {
                throw new IllegalArgumentException("timestamp " + t + " is not on the " + frequency
                        + " grid starting at " + start);
            }
            if (k < next) {
                throw new IllegalArgumentException("timestamp " + t + " occurs more than once");
            }
            positions[i] = k;
            next = k + 1;
            if (future[i]) {
                continue;
            }
            if (k >= out.length) {
                int grown = (int) Math.min(MAX_LENGTH, Math.max(2L * out.length, k + 1L));
                int old = out.length;
                out = Arrays.copyOf(out, grown);
                Arrays.fill(out, old, grown, Double.NaN);
            }
            out[k] = values[i];
        }
        length = positions[lastObserved] + 1;
        TimeSeries.Builder b = TimeSeries.builder(Arrays.copyOf(out, length)).start(start).frequency(frequency)
                .name(name);
        if (period > 0) {
            b.period(period);
        }
        return b.build();
    }

    /**
     * The regressor values of the rows of the last {@link #build}, on its grid: the {@code n} observed periods
     * followed by the future periods, up to {@code futureSteps} of them, that future rows cover without a gap (the
     * table stops before the first future period without a row; rows beyond {@code futureSteps} are ignored).
     * Values are NaN where a row gives none (null).
     *
     * @param futureSteps future periods wanted, &ge; 0
     * @return {@code columns[j][t]}, {@code t < n + covered}, {@code covered <= futureSteps}
     * @throws IllegalStateException if {@link #build} has not succeeded since the last {@link #clear()}
     */
    double[][] regressors(int futureSteps) {
        if (length < 0) {
            throw new IllegalStateException("build() must succeed first");
        }
        boolean[] covered = new boolean[futureSteps];
        for (int i = 0; i < size; i++) {
            int s = positions[i] - length;
            if (future[i] && s < futureSteps) {
                covered[s] = true;
            }
        }
        int c = 0;
        while (c < futureSteps && covered[c]) {
            c++;
        }
        int total = length + c;
        double[][] cols = new double[regressorCount][total];
        for (double[] col : cols) {
            Arrays.fill(col, Double.NaN);
        }
        for (int i = 0; i < size; i++) {
            int p = positions[i];
            if (p >= total) {
                break;
            }
            for (int j = 0; j < regressorCount; j++) {
                cols[j][p] = xs[i * regressorCount + j];
            }
        }
        return cols;
    }

    private int nullCount() {
        int c = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] == null) {
                c++;
            }
        }
        return c;
    }
}
