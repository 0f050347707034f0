package org.forecast4j.spark;

import java.time.LocalDateTime;
import java.util.Arrays;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;

/**
 * Builds a regular {@link TimeSeries} from the time-sorted observations of one key: the first timestamp is the
 * start, every later timestamp must lie on the grid {@code start + k·step} of the frequency, grid points without
 * a row are missing (NaN), and a duplicate or off-grid timestamp is an error naming it. Not thread-safe: one
 * assembler per task.
 */
final class SeriesAssembler {

    /** Longest series built (guards against e.g. an hourly frequency given for second timestamps). */
    static final int MAX_LENGTH = 1_000_000;

    private final Frequency frequency;
    private final int period;
    private LocalDateTime[] times = new LocalDateTime[64];
    private double[] values = new double[64];
    private int size;

    /**
     * @param frequency calendar frequency of the grid
     * @param period    seasonal period, 0 for the frequency's default
     */
    SeriesAssembler(Frequency frequency, int period) {
        this.frequency = frequency;
        this.period = period;
    }

    void clear() {
        size = 0;
    }

    /** Adds an observation; calls must come in non-decreasing time order. */
    void add(LocalDateTime t, double y) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            values = Arrays.copyOf(values, 2 * size);
        }
        times[size] = t;
        values[size] = y;
        size++;
    }

    int size() {
        return size;
    }

    /**
     * The series of the rows added since the last {@link #clear()}.
     *
     * @throws IllegalArgumentException if there are no rows, a timestamp is null, duplicated or off the grid, or
     *                                  the series would be longer than {@link #MAX_LENGTH}
     */
    TimeSeries build(String name) {
        if (size == 0) {
            throw new IllegalArgumentException("series has no rows");
        }
        for (int i = 0; i < size; i++) {
            if (times[i] == null) {
                throw new IllegalArgumentException("timestamp must not be null, got null in " + nullCount()
                        + " of " + size + " rows");
            }
        }
        LocalDateTime start = times[0];
        double[] out = new double[Math.min(MAX_LENGTH, Math.max(16, 2 * size))];
        Arrays.fill(out, Double.NaN);
        int k = 0;
        LocalDateTime grid = start;
        int length = 0;
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
            if (k < length) {
                throw new IllegalArgumentException("timestamp " + t + " occurs more than once");
            }
            if (k >= out.length) {
                int grown = (int) Math.min(MAX_LENGTH, Math.max(2L * out.length, k + 1L));
                int old = out.length;
                out = Arrays.copyOf(out, grown);
                Arrays.fill(out, old, grown, Double.NaN);
            }
            out[k] = values[i];
            length = k + 1;
        }
        TimeSeries.Builder b = TimeSeries.builder(Arrays.copyOf(out, length)).start(start).frequency(frequency)
                .name(name);
        if (period > 0) {
            b.period(period);
        }
        return b.build();
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
