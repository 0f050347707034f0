package org.forecast4j.core.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.forecast4j.core.Checks;

/**
 * A named kind of event day (a holiday, a promotion such as "618" or "11.11", a product launch) with its
 * dates, a pre-event warm-up window of {@code warmupDays} days before each date and a post-event hangover of
 * {@code hangoverDays} days after it. {@link EventCalendar} turns it into up to three 0/1 regressors —
 * {@code name}, {@code name_warmup}, {@code name_hangover} — so that a model can learn the lift, the
 * anticipation and the dip separately. Immutable.
 *
 * @since 0.1.0
 */
public final class EventDay {

    private static final int MAX_WINDOW = 366;

    private final String name;
    private final List<LocalDate> dates;
    private final int warmupDays;
    private final int hangoverDays;

    /**
     * An event day.
     *
     * @param name         column name stem (letters, digits, '_', '-', '.')
     * @param dates        the event dates (duplicates removed, sorted)
     * @param warmupDays   days before each date flagged as warm-up, in [0, 366]
     * @param hangoverDays days after each date flagged as hangover, in [0, 366]
     * @throws IllegalArgumentException for a bad name, no dates or a window out of range
     */
    public EventDay(String name, Collection<LocalDate> dates, int warmupDays, int hangoverDays) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dates, "dates");
        Checks.requireArgument(name.matches("[A-Za-z0-9_.\\-]+"),
                "event name must be letters, digits, '_', '-' or '.', got '%s'", name);
        Checks.requireArgument(!dates.isEmpty(), "event '%s' needs at least one date", name);
        Checks.requireArgument(warmupDays >= 0 && warmupDays <= MAX_WINDOW,
                "warmupDays must be in [0, %d], got %d", MAX_WINDOW, warmupDays);
        Checks.requireArgument(hangoverDays >= 0 && hangoverDays <= MAX_WINDOW,
                "hangoverDays must be in [0, %d], got %d", MAX_WINDOW, hangoverDays);
        this.name = name;
        this.dates = Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(dates)));
        this.warmupDays = warmupDays;
        this.hangoverDays = hangoverDays;
    }

    /**
     * Returns a copy with other windows.
     *
     * @param warmup   days before
     * @param hangover days after
     * @return the event day
     */
    public EventDay withWindows(int warmup, int hangover) {
        return new EventDay(name, dates, warmup, hangover);
    }

    /**
     * Returns the name.
     *
     * @return name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the dates.
     *
     * @return sorted, distinct dates
     */
    public List<LocalDate> dates() {
        return dates;
    }

    /**
     * Returns the warm-up length.
     *
     * @return days before each date
     */
    public int warmupDays() {
        return warmupDays;
    }

    /**
     * Returns the hangover length.
     *
     * @return days after each date
     */
    public int hangoverDays() {
        return hangoverDays;
    }

    @Override
    public String toString() {
        return "EventDay[" + name + ", " + dates.size() + " dates, warm-up " + warmupDays + "d, hangover "
                + hangoverDays + "d]";
    }
}
