package org.forecast4j.core.io;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Frequency;

/**
 * Infers the {@link Frequency} of a series from its timestamps. Each step between consecutive, increasing
 * timestamps is classified as
 * <ul>
 *   <li>{@link Frequency#HOURLY}: exactly one hour;</li>
 *   <li>{@link Frequency#DAILY} / {@link Frequency#WEEKLY}: 1 / 7 days at the same time of day;</li>
 *   <li>{@link Frequency#MONTHLY} / {@link Frequency#QUARTERLY} / {@link Frequency#YEARLY}: 1 / 3 / 12 calendar
 *       months (28–31, 89–92, 365–366 days) at the same time of day;</li>
 *   <li>otherwise a custom step of that many days ({@link Frequency#of(Period, int)}) or seconds
 *       ({@link Frequency#of(Duration, int)}), with seasonal period 1.</li>
 * </ul>
 * The most common class wins (ties go to the shorter step), so a few gaps do not change the answer; whether every
 * timestamp really lies on the grid is checked afterwards by the reader. Duplicate or decreasing pairs are
 * skipped here (the reader reports them).
 *
 * @since 0.1.0
 */
public final class FrequencyInference {

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long SECONDS_PER_HOUR = 3_600L;

    private final Map<Frequency, Integer> counts = new LinkedHashMap<>();

    private FrequencyInference() {
    }

    /**
     * Infers the frequency of increasing timestamps.
     *
     * @param timestamps at least two timestamps, in increasing order. Not modified.
     * @return the inferred frequency
     * @throws IllegalArgumentException if there are fewer than two distinct increasing timestamps
     */
    public static Frequency infer(List<LocalDateTime> timestamps) {
        Objects.requireNonNull(timestamps, "timestamps");
        FrequencyInference c = new FrequencyInference();
        for (int i = 1; i < timestamps.size(); i++) {
            c.add(Timestamps.seconds(timestamps.get(i - 1)), Timestamps.seconds(timestamps.get(i)));
        }
        Frequency f = c.result();
        if (f == null) {
            throw new IllegalArgumentException("cannot infer a frequency from " + timestamps.size()
                    + " timestamp(s): need at least two increasing timestamps");
        }
        return f;
    }

    /** A fresh counter, for many series (a panel). */
    static FrequencyInference counter() {
        return new FrequencyInference();
    }

    /**
     * Counts the step between two epoch-second timestamps; ignores non-increasing pairs.
     *
     * @param a earlier timestamp (epoch seconds)
     * @param b later timestamp (epoch seconds)
     */
    void add(long a, long b) {
        if (b <= a) {
            return;
        }
        counts.merge(classify(a, b), 1, Integer::sum);
    }

    /**
     * Counts the consecutive steps of a timestamp array.
     *
     * @param t epoch seconds. Not modified.
     * @param n number of entries used
     */
    void addAll(long[] t, int n) {
        for (int i = 1; i < n; i++) {
            add(t[i - 1], t[i]);
        }
    }

    /**
     * The most common step class, ties to the shorter step.
     *
     * @return the frequency, or null if nothing was counted
     */
    Frequency result() {
        Frequency best = null;
        int bestCount = 0;
        for (Map.Entry<Frequency, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (c > bestCount || (c == bestCount && nominalSeconds(e.getKey()) < nominalSeconds(best))) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return best;
    }

    static Frequency classify(long a, long b) {
        long d = b - a;
        if (d % SECONDS_PER_DAY == 0) {
            long days = d / SECONDS_PER_DAY;
            LocalDateTime ta = Timestamps.of(a);
            LocalDateTime tb = Timestamps.of(b);
            long months = ChronoUnit.MONTHS.between(YearMonth.from(ta), YearMonth.from(tb));
            if (days == 1) {
                return Frequency.DAILY;
            }
            if (days == 7) {
                return Frequency.WEEKLY;
            }
            if (months == 1 && days >= 28 && days <= 31) {
                return Frequency.MONTHLY;
            }
            if (months == 3 && days >= 89 && days <= 92) {
                return Frequency.QUARTERLY;
            }
            if (months == 12 && (days == 365 || days == 366)) {
                return Frequency.YEARLY;
            }
            if (days <= Integer.MAX_VALUE) {
                return Frequency.of(Period.ofDays((int) days), 1);
            }
        }
        if (d == SECONDS_PER_HOUR) {
            return Frequency.HOURLY;
        }
        return Frequency.of(Duration.ofSeconds(d), 1);
    }

    /** Approximate length of a step in seconds, for ordering (a month counts as 30.44 days). */
    static double nominalSeconds(Frequency f) {
        if (f == null || f.step() == null) {
            return Double.POSITIVE_INFINITY;
        }
        if (f.step() instanceof Period) {
            Period p = (Period) f.step();
            return p.toTotalMonths() * 2_629_746.0 + p.getDays() * (double) SECONDS_PER_DAY;
        }
        return ((Duration) f.step()).getSeconds();
    }
}
