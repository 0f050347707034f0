package org.forecast4j.core.io;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.forecast4j.core.Frequency;

/**
 * Places observations on the regular grid {@code t0 + k·step} of a {@link Frequency}, checking that timestamps
 * are unique, increasing and on the grid. Month-based steps compare calendar months; a series whose timestamps are
 * all month ends is on the month-end grid (30 June, 30 September, 31 December are consecutive quarter ends).
 */
final class RegularGrid {

    /** Largest series a gap fill may create, so a stray timestamp cannot exhaust memory. */
    static final int MAX_LENGTH = 50_000_000;

    private RegularGrid() {
    }

    /** The values on the grid and how many grid points were filled with NaN. */
    static final class Aligned {
        final double[] values;
        final int filled;

        Aligned(double[] values, int filled) {
            this.values = values;
            this.filled = filled;
        }
    }

    /**
     * Aligns observations to the grid that starts at the first timestamp.
     *
     * @param t          epoch seconds of each row, in file order. Not modified.
     * @param v          values of each row. Not modified.
     * @param lines      line number of each row. Not modified.
     * @param n          number of rows used, &ge; 1
     * @param f          a calendar frequency
     * @param monthEnd   whether a month-based series is anchored on month ends ({@link #allMonthEnds})
     * @param fill       whether to fill missing grid points with NaN instead of failing
     * @param source     input name for messages
     * @param dateColumn date column name for messages
     * @param what       a suffix naming the series in a panel (e.g. {@code " in series 'A'"}), or empty
     * @return the aligned values
     * @throws CsvFormatException on duplicate, decreasing or off-grid timestamps, and on gaps unless {@code fill}
     */
    static Aligned align(long[] t, double[] v, long[] lines, int n, Frequency f, boolean monthEnd, boolean fill,
                         String source, String dateColumn, String what) {
        long[] k = new long[n];
        LocalDateTime t0 = Timestamps.of(t[0]);
        long previous = 0;
        for (int i = 1; i < n; i++) {
            if (t[i] == t[i - 1]) {
                throw new CsvFormatException(source, lines[i], dateColumn, "duplicate timestamp "
                        + Timestamps.show(t[i]) + what + " (also on line " + lines[i - 1] + ")");
            }
            if (t[i] < t[i - 1]) {
                throw new CsvFormatException(source, lines[i], dateColumn, "timestamp " + Timestamps.show(t[i])
                        + what + " is earlier than " + Timestamps.show(t[i - 1]) + " on line " + lines[i - 1]
                        + "; rows must be in increasing time order");
            }
            long ki = stepIndex(t0, t[0], t[i], previous, f, monthEnd);
            if (ki < 0) {
                throw new CsvFormatException(source, lines[i], dateColumn, "timestamp " + Timestamps.show(t[i])
                        + what + " is not on the " + f + " grid that starts at " + Timestamps.show(t0) + " (line "
                        + lines[0] + ")");
            }
            if (ki >= MAX_LENGTH) {
                throw new CsvFormatException(source, lines[i], dateColumn, "timestamp " + Timestamps.show(t[i])
                        + what + " is " + ki + " " + f + " steps after the start; at most " + MAX_LENGTH
                        + " are supported");
            }
            if (ki > previous + 1 && !fill) {
                long missing = ki - previous - 1;
                throw new CsvFormatException(source, lines[i], dateColumn, "gap of " + missing + " missing " + f
                        + " period" + (missing == 1 ? "" : "s") + what + " between " + Timestamps.show(t[i - 1])
                        + " (line " + lines[i - 1] + ") and " + Timestamps.show(t[i])
                        + "; enable gap filling (--fill-gaps) to insert missing values");
            }
            k[i] = ki;
            previous = ki;
        }
        int length = (int) (k[n - 1] + 1);
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < n; i++) {
            out[(int) k[i]] = v[i];
        }
        return new Aligned(out, length - n);
    }

    /**
     * Whether every timestamp falls on the last day of its month (then a month-based series is anchored on month
     * ends rather than on its first day of month).
     *
     * @param t epoch seconds. Not modified.
     * @param n number of entries used
     * @return true if all are month ends
     */
    static boolean allMonthEnds(long[] t, int n) {
        for (int i = 0; i < n; i++) {
            if (!Timestamps.isMonthEnd(Timestamps.of(t[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The grid index of {@code t}, or -1 when {@code t} is not on the grid.
     *
     * @param t0       start timestamp
     * @param s0       start in epoch seconds
     * @param s        timestamp in epoch seconds, &gt; the previous one
     * @param previous grid index of the previous row
     * @param f        calendar frequency
     * @param monthEnd whether month-based steps land on month ends
     * @return the index &gt; previous, or -1
     */
    static long stepIndex(LocalDateTime t0, long s0, long s, long previous, Frequency f, boolean monthEnd) {
        if (f.step() instanceof Duration) {
            long step = ((Duration) f.step()).getSeconds();
            long d = s - s0;
            return step > 0 && d % step == 0 ? d / step : -1;
        }
        Period p = (Period) f.step();
        LocalDateTime t = Timestamps.of(s);
        if (p.toTotalMonths() == 0) {
            long step = p.getDays() * 86_400L;
            long d = s - s0;
            return d % step == 0 ? d / step : -1;
        }
        if (p.getDays() == 0) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(t0), YearMonth.from(t));
            long stepMonths = p.toTotalMonths();
            if (months % stepMonths != 0) {
                return -1;
            }
            long k = months / stepMonths;
            LocalDateTime expected = f.add(t0, k);
            boolean onMonthEnd = monthEnd && Timestamps.isMonthEnd(t) && t.toLocalTime().equals(t0.toLocalTime());
            return expected.equals(t) || onMonthEnd ? k : -1;
        }
        // mixed steps such as P1M15D: walk the grid from the previous index
        long k = previous + 1;
        LocalDateTime e = f.add(t0, k);
        while (e.isBefore(t) && k < MAX_LENGTH) {
            k++;
            e = f.add(t0, k);
        }
        return e.equals(t) ? k : -1;
    }
}
