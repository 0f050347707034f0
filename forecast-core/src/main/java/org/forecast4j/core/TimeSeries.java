package org.forecast4j.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, regularly sampled series of doubles. {@code NaN} marks a missing observation. A series has a
 * {@link Frequency}, a start (a timestamp for calendar frequencies, an index for {@link Frequency#INDEX}), a
 * seasonal period (the frequency's default unless given) and an optional name.
 *
 * <pre>{@code
 * TimeSeries y = TimeSeries.builder(values).start(LocalDate.of(2024, 1, 1)).frequency(Frequency.DAILY).build();
 * TimeSeries train = y.head(y.length() - 14);
 * }</pre>
 *
 * <p>Array getters return copies; the series is safe to share between threads.
 *
 * @since 0.1.0
 */
public final class TimeSeries {

    private final double[] values;
    private final Frequency frequency;
    private final LocalDateTime start;
    /**
     * For month-based frequencies: the day of month the series is anchored on when {@code start} was clipped to a
     * shorter month's end (a monthly series on the 31st sliced to start on Feb 29 keeps 31, so later steps land on
     * Mar 31, Apr 30, ...); 0 when the start is not clipped. Keeps slicing from moving timestamps.
     */
    private final int anchorDay;
    private final long startIndex;
    private final int period;
    private final String name;

    private TimeSeries(double[] values, Frequency frequency, LocalDateTime start, int anchorDay, long startIndex,
                       int period, String name) {
        this.values = values;
        this.frequency = frequency;
        this.start = start;
        // canonical form: 0 unless the anchor day lies beyond the start's day
        this.anchorDay = start != null && anchorDay > start.getDayOfMonth() ? anchorDay : 0;
        this.startIndex = startIndex;
        this.period = period;
        this.name = name;
    }

    /**
     * A series without dates (frequency {@link Frequency#INDEX}), indexed 1..n, period 1.
     *
     * @param values observations, NaN for missing; copied. Not modified.
     * @return the series
     * @throws IllegalArgumentException if a value is infinite
     */
    public static TimeSeries of(double... values) {
        return builder(values).build();
    }

    /**
     * A daily series starting at {@code start}, seasonal period 7.
     *
     * @param start  date of the first observation
     * @param values observations; copied. Not modified.
     * @return the series
     */
    public static TimeSeries daily(LocalDate start, double... values) {
        return builder(values).start(start).frequency(Frequency.DAILY).build();
    }

    /**
     * Starts a builder over a copy of {@code values}.
     *
     * @param values observations, NaN for missing. Not modified.
     * @return a builder
     */
    public static Builder builder(double[] values) {
        return new Builder(values);
    }

    /**
     * Returns a builder initialised with this series' metadata and the given values, for derived series.
     *
     * @param newValues the values of the derived series. Not modified.
     * @return a builder
     */
    public Builder withValues(double[] newValues) {
        Builder b = new Builder(newValues);
        b.frequency = frequency;
        b.start = start;
        b.anchorDay = anchorDay;
        b.startIndex = startIndex;
        b.period = period;
        b.name = name;
        return b;
    }

    /**
     * Number of observations (including missing ones).
     *
     * @return n
     */
    public int length() {
        return values.length;
    }

    /**
     * Returns a copy of the values.
     *
     * @return values, NaN for missing
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * Value at index {@code i} (0-based).
     *
     * @param i index in [0, n)
     * @return the value, NaN if missing
     */
    public double get(int i) {
        Objects.checkIndex(i, values.length);
        return values[i];
    }

    /**
     * Returns the frequency.
     *
     * @return frequency
     */
    public Frequency frequency() {
        return frequency;
    }

    /**
     * Returns the seasonal period.
     *
     * @return period, &ge; 1
     */
    public int period() {
        return period;
    }

    /**
     * Returns the name, or {@code null} if none was given.
     *
     * @return name or null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the start timestamp.
     *
     * @return timestamp of the first observation
     * @throws IllegalStateException for a series without dates
     */
    public LocalDateTime start() {
        Checks.requireState(start != null, "series '%s' has no dates (frequency INDEX)", name);
        return start;
    }

    /**
     * Returns the index label of the first observation (1 unless sliced or given).
     *
     * @return start index, for {@link Frequency#INDEX} series
     */
    public long startIndex() {
        return startIndex;
    }

    /**
     * Timestamp of observation {@code i}; {@code i} may be &ge; n for future steps or negative.
     *
     * @param i step index relative to the start
     * @return the timestamp
     * @throws IllegalStateException for a series without dates
     */
    public LocalDateTime timestamp(long i) {
        Checks.requireState(start != null, "series '%s' has no dates (frequency INDEX)", name);
        LocalDateTime t = frequency.add(start, i);
        if (anchorDay > t.getDayOfMonth()) {
            t = t.withDayOfMonth(Math.min(anchorDay, t.toLocalDate().lengthOfMonth()));
        }
        return t;
    }

    /**
     * A text label of step {@code i}: ISO date for day-based frequencies at midnight, ISO date-time otherwise,
     * the index number for series without dates. Future steps ({@code i >= n}) are allowed.
     *
     * @param i step index relative to the start
     * @return the label
     */
    public String label(long i) {
        if (start == null) {
            return Long.toString(startIndex + i);
        }
        LocalDateTime t = timestamp(i);
        if (frequency.isDateBased() && t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.toLocalDate().toString();
        }
        return t.toString();
    }

    /**
     * Labels of the {@code h} steps after the last observation.
     *
     * @param h number of future steps, &ge; 0
     * @return labels, in order
     */
    public List<String> futureLabels(int h) {
        Checks.requireNonNegative(h, "h");
        List<String> out = new ArrayList<>(h);
        for (int i = 0; i < h; i++) {
            out.add(label((long) values.length + i));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Timestamps of the {@code h} steps after the last observation.
     *
     * @param h number of future steps, &ge; 0
     * @return timestamps, in order
     * @throws IllegalStateException for a series without dates
     */
    public List<LocalDateTime> futureTimestamps(int h) {
        Checks.requireNonNegative(h, "h");
        List<LocalDateTime> out = new ArrayList<>(h);
        for (int i = 0; i < h; i++) {
            out.add(timestamp((long) values.length + i));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The sub-series {@code [from, to)}; timestamps are kept.
     *
     * @param from first index, inclusive
     * @param to   last index, exclusive
     * @return the window
     * @throws IllegalArgumentException if the range is not within [0, n] or {@code from > to}
     */
    public TimeSeries window(int from, int to) {
        Checks.requireArgument(from >= 0 && to <= values.length && from <= to,
                "window [%d, %d) must lie within [0, %d]", from, to, values.length);
        LocalDateTime first = start == null ? null : timestamp(from);
        // keep the day of month the series is anchored on (Jan 31 + 1 month = Feb 29, but + 2 months = Mar 31)
        int day = start != null && frequency.isMonthBased() ? Math.max(anchorDay, start.getDayOfMonth()) : 0;
        return new TimeSeries(Arrays.copyOfRange(values, from, to), frequency, first, day, startIndex + from, period,
                name);
    }

    /**
     * The first {@code k} observations.
     *
     * @param k count in [0, n]
     * @return the head
     */
    public TimeSeries head(int k) {
        Checks.requireArgument(k >= 0 && k <= values.length, "k must be in [0, %d], got %d", values.length, k);
        return window(0, k);
    }

    /**
     * The last {@code k} observations.
     *
     * @param k count in [0, n]
     * @return the tail
     */
    public TimeSeries tail(int k) {
        Checks.requireArgument(k >= 0 && k <= values.length, "k must be in [0, %d], got %d", values.length, k);
        return window(values.length - k, values.length);
    }

    /**
     * Splits into a training part of the first {@code trainLength} observations and a test part of the rest.
     *
     * @param trainLength size of the training part, in [0, n]
     * @return {train, test}
     */
    public TimeSeries[] splitAt(int trainLength) {
        Checks.requireArgument(trainLength >= 0 && trainLength <= values.length,
                "trainLength must be in [0, %d], got %d", values.length, trainLength);
        return new TimeSeries[] {head(trainLength), tail(values.length - trainLength)};
    }

    /**
     * Splits at a date: observations stamped before {@code firstTestTime} train, the rest test.
     *
     * @param firstTestTime first timestamp of the test part
     * @return {train, test}
     * @throws IllegalStateException for a series without dates
     */
    public TimeSeries[] splitAt(LocalDateTime firstTestTime) {
        Objects.requireNonNull(firstTestTime, "firstTestTime");
        int k = 0;
        while (k < values.length && timestamp(k).isBefore(firstTestTime)) {
            k++;
        }
        return splitAt(k);
    }

    /**
     * Number of missing (NaN) observations.
     *
     * @return count of NaN values
     */
    public int missingCount() {
        int c = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                c++;
            }
        }
        return c;
    }

    /**
     * Returns a copy with another name.
     *
     * @param newName the name, may be null
     * @return renamed series
     */
    public TimeSeries withName(String newName) {
        return new TimeSeries(values, frequency, start, anchorDay, startIndex, period, newName);
    }

    /**
     * Returns a copy with another seasonal period.
     *
     * @param newPeriod period &ge; 1
     * @return the series
     */
    public TimeSeries withPeriod(int newPeriod) {
        Checks.requirePositive(newPeriod, "period");
        return new TimeSeries(values, frequency, start, anchorDay, startIndex, newPeriod, name);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TimeSeries)) {
            return false;
        }
        TimeSeries t = (TimeSeries) o;
        return period == t.period && startIndex == t.startIndex && Arrays.equals(values, t.values)
                && frequency.equals(t.frequency) && Objects.equals(start, t.start) && anchorDay == t.anchorDay
                && Objects.equals(name, t.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), frequency, start, anchorDay, startIndex, period, name);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + (name == null ? "" : name + ", ") + "n=" + values.length + ", " + frequency
                + (start == null ? "" : ", start=" + label(0)) + ", period=" + period + "]";
    }

    /** Builder of {@link TimeSeries}; validates on {@link #build()}. */
    public static final class Builder {
        private final double[] values;
        private Frequency frequency = Frequency.INDEX;
        private LocalDateTime start;
        private int anchorDay;
        private long startIndex = 1;
        private int period;
        private String name;

        private Builder(double[] values) {
            this.values = Objects.requireNonNull(values, "values").clone();
        }

        /**
         * Sets the start date (midnight).
         *
         * @param date first observation's date
         * @return this builder
         */
        public Builder start(LocalDate date) {
            this.start = Objects.requireNonNull(date, "start").atStartOfDay();
            this.anchorDay = 0;
            return this;
        }

        /**
         * Sets the start timestamp.
         *
         * @param time first observation's timestamp
         * @return this builder
         */
        public Builder start(LocalDateTime time) {
            this.start = Objects.requireNonNull(time, "start");
            this.anchorDay = 0;
            return this;
        }

        /**
         * Sets the label of the first observation of a series without dates.
         *
         * @param index first index (default 1)
         * @return this builder
         */
        public Builder startIndex(long index) {
            this.startIndex = index;
            return this;
        }

        /**
         * Sets the frequency (default {@link Frequency#INDEX}).
         *
         * @param f frequency
         * @return this builder
         */
        public Builder frequency(Frequency f) {
            this.frequency = Objects.requireNonNull(f, "frequency");
            return this;
        }

        /**
         * Sets the seasonal period (default: the frequency's).
         *
         * @param p period &ge; 1
         * @return this builder
         */
        public Builder period(int p) {
            this.period = Checks.requirePositive(p, "period");
            return this;
        }

        /**
         * Sets the name.
         *
         * @param n name, may be null
         * @return this builder
         */
        public Builder name(String n) {
            this.name = n;
            return this;
        }

        /**
         * Builds the series.
         *
         * @return the series
         * @throws IllegalArgumentException if a value is infinite, or a calendar frequency has no start
         */
        public TimeSeries build() {
            for (int i = 0; i < values.length; i++) {
                Checks.requireArgument(!Double.isInfinite(values[i]),
                        "values[%d] must be finite or NaN (missing), got %s", i, values[i]);
            }
            LocalDateTime s = start;
            if (frequency.isCalendar()) {
                Checks.requireArgument(s != null, "a %s series needs a start timestamp", frequency);
            } else {
                s = null;
            }
            int p = period == 0 ? frequency.defaultPeriod() : period;
            return new TimeSeries(values, frequency, s, frequency.isMonthBased() ? anchorDay : 0, startIndex, p, name);
        }
    }
}
