package org.forecast4j.core;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.Locale;
import java.util.Objects;

/**
 * The sampling frequency of a {@link TimeSeries}: the calendar step between two observations and the default
 * seasonal period that goes with it (HOURLY 24, DAILY 7, WEEKLY 52, MONTHLY 12, QUARTERLY 4, YEARLY 1).
 * {@link #INDEX} is for series without dates (observations numbered 1, 2, …); {@link #of(Duration, int)} and
 * {@link #of(Period, int)} make custom steps such as 15 minutes.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Frequency {

    /** One observation per hour; seasonal period 24 (one day). */
    public static final Frequency HOURLY = new Frequency("HOURLY", Duration.ofHours(1), 24);
    /** One observation per day; seasonal period 7 (one week). */
    public static final Frequency DAILY = new Frequency("DAILY", Period.ofDays(1), 7);
    /** One observation per week; seasonal period 52. */
    public static final Frequency WEEKLY = new Frequency("WEEKLY", Period.ofWeeks(1), 52);
    /** One observation per month; seasonal period 12. */
    public static final Frequency MONTHLY = new Frequency("MONTHLY", Period.ofMonths(1), 12);
    /** One observation per quarter; seasonal period 4. */
    public static final Frequency QUARTERLY = new Frequency("QUARTERLY", Period.ofMonths(3), 4);
    /** One observation per year; seasonal period 1 (no seasonality). */
    public static final Frequency YEARLY = new Frequency("YEARLY", Period.ofYears(1), 1);
    /** Observations without dates, labelled by their index; seasonal period 1 unless given. */
    public static final Frequency INDEX = new Frequency("INDEX", null, 1);

    private final String name;
    private final TemporalAmount step;
    private final int defaultPeriod;

    private Frequency(String name, TemporalAmount step, int defaultPeriod) {
        this.name = name;
        this.step = step;
        this.defaultPeriod = defaultPeriod;
    }

    /**
     * A custom time-based step, e.g. {@code Frequency.of(Duration.ofMinutes(15), 96)}.
     *
     * @param step          positive duration between observations
     * @param defaultPeriod seasonal period, &ge; 1
     * @return the frequency
     * @throws IllegalArgumentException if the step is not positive or the period is &lt; 1
     */
    public static Frequency of(Duration step, int defaultPeriod) {
        Objects.requireNonNull(step, "step");
        Checks.requireArgument(!step.isNegative() && !step.isZero(), "step must be > 0, got %s", step);
        Checks.requirePositive(defaultPeriod, "defaultPeriod");
        return new Frequency("CUSTOM(" + step + ")", step, defaultPeriod);
    }

    /**
     * A custom date-based step, e.g. {@code Frequency.of(Period.ofDays(14), 26)}.
     *
     * @param step          positive period between observations
     * @param defaultPeriod seasonal period, &ge; 1
     * @return the frequency
     * @throws IllegalArgumentException if the step is not positive or the period is &lt; 1
     */
    public static Frequency of(Period step, int defaultPeriod) {
        Objects.requireNonNull(step, "step");
        Checks.requireArgument(!step.isNegative() && !step.isZero(), "step must be > 0, got %s", step);
        Checks.requirePositive(defaultPeriod, "defaultPeriod");
        return new Frequency("CUSTOM(" + step + ")", step, defaultPeriod);
    }

    /**
     * Parses a frequency name (case-insensitive): hourly, daily, weekly, monthly, quarterly, yearly (also
     * annual), index; or an ISO-8601 duration/period such as {@code PT15M} or {@code P14D}, whose default
     * period is 1.
     *
     * @param text the name
     * @return the frequency
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Frequency parse(String text) {
        Objects.requireNonNull(text, "frequency");
        switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "HOURLY":
            case "H":
                return HOURLY;
            case "DAILY":
            case "D":
                return DAILY;
            case "WEEKLY":
            case "W":
                return WEEKLY;
            case "MONTHLY":
            case "M":
                return MONTHLY;
            case "QUARTERLY":
            case "Q":
                return QUARTERLY;
            case "YEARLY":
            case "ANNUAL":
            case "Y":
                return YEARLY;
            case "INDEX":
            case "NONE":
                return INDEX;
            default:
                break;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        try {
            if (t.startsWith("PT")) {
                return of(Duration.parse(t), 1);
            }
            if (t.startsWith("P")) {
                return of(Period.parse(t), 1);
            }
        } catch (java.time.format.DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("frequency must be one of hourly, daily, weekly, monthly, quarterly, "
                + "yearly, index or an ISO-8601 step like PT15M, got '" + text + "'");
    }

    /**
     * Returns the name (e.g. {@code DAILY}).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the default seasonal period.
     *
     * @return seasonal period, &ge; 1
     */
    public int defaultPeriod() {
        return defaultPeriod;
    }

    /**
     * Whether observations carry calendar timestamps ({@code false} only for {@link #INDEX}).
     *
     * @return true for calendar frequencies
     */
    public boolean isCalendar() {
        return step != null;
    }

    /**
     * Whether the step is a whole number of days or more (labels then print as dates, not date-times).
     *
     * @return true for day-based steps
     */
    public boolean isDateBased() {
        return step instanceof Period;
    }

    /**
     * Whether the step is a whole number of months (monthly, quarterly, yearly, or a custom period such as
     * {@code P2M}): adding such steps clips to a shorter month's end.
     *
     * @return true for whole-month steps
     */
    public boolean isMonthBased() {
        return step instanceof Period && ((Period) step).toTotalMonths() != 0 && ((Period) step).getDays() == 0;
    }

    /**
     * The timestamp {@code k} steps after {@code t}. Month-based steps add months to the start (so monthly
     * series anchored on the 31st stay on month ends rather than drifting).
     *
     * @param t start. Not modified.
     * @param k number of steps, may be negative
     * @return {@code t + k·step}
     * @throws IllegalStateException for {@link #INDEX}
     */
    public LocalDateTime add(LocalDateTime t, long k) {
        Checks.requireState(step != null, "frequency INDEX has no calendar step");
        if (step instanceof Period) {
            Period p = (Period) step;
            if (p.getYears() == 0 && p.getMonths() == 0) {
                return t.plusDays(Math.multiplyExact(p.getDays(), k));
            }
            return t.plusMonths(Math.multiplyExact(p.toTotalMonths(), k)).plusDays(Math.multiplyExact(p.getDays(), k));
        }
        Duration d = (Duration) step;
        return t.plus(d.multipliedBy(k));
    }

    /**
     * The calendar step, or {@code null} for {@link #INDEX}.
     *
     * @return a {@link Period} or {@link Duration}, or null
     */
    public TemporalAmount step() {
        return step;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Frequency)) {
            return false;
        }
        Frequency f = (Frequency) o;
        return defaultPeriod == f.defaultPeriod && name.equals(f.name) && Objects.equals(step, f.step);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, step, defaultPeriod);
    }

    @Override
    public String toString() {
        return name;
    }
}
