package org.forecast4j.core.features;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Event-day regressors from a list of {@link EventDay}s. For each event three 0/1 columns: {@code name}
 * (the step overlaps an event date), {@code name_warmup} (it overlaps one of the {@code warmupDays} days
 * before a date) and {@code name_hangover} (one of the {@code hangoverDays} days after); a window of length 0
 * gives no column. A step covers {@code [timestamp(i), timestamp(i+1))}, so hourly steps inside an event day
 * are all flagged and a weekly step is flagged when its week contains the day. Dates are local dates of the
 * series' time axis. Immutable.
 *
 * @since 0.1.0
 */
public final class EventCalendar implements Feature {

    private final List<EventDay> events;
    private final List<String> names;

    /**
     * A calendar of events.
     *
     * @param events event days with distinct names
     * @throws IllegalArgumentException if names repeat or the list is empty
     */
    public EventCalendar(List<EventDay> events) {
        Objects.requireNonNull(events, "events");
        Checks.requireArgument(!events.isEmpty(), "an event calendar needs at least one event");
        Set<String> seen = new HashSet<>();
        List<String> n = new ArrayList<>();
        for (EventDay e : events) {
            Checks.requireArgument(seen.add(e.name()), "duplicate event name '%s'", e.name());
            n.add(e.name());
            if (e.warmupDays() > 0) {
                n.add(e.name() + "_warmup");
            }
            if (e.hangoverDays() > 0) {
                n.add(e.name() + "_hangover");
            }
        }
        this.events = Collections.unmodifiableList(new ArrayList<>(events));
        this.names = Collections.unmodifiableList(n);
    }

    /**
     * A calendar of the given events.
     *
     * @param events event days
     * @return the calendar
     */
    public static EventCalendar of(EventDay... events) {
        return new EventCalendar(List.of(events));
    }

    /**
     * Returns the events.
     *
     * @return events in column order
     */
    public List<EventDay> events() {
        return events;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void fill(TimeSeries series, long from, int rows, double[] out, int stride, int offset) {
        for (int r = 0; r < rows; r++) {
            LocalDateTime a = series.timestamp(from + r);
            LocalDateTime b = series.timestamp(from + r + 1);
            int c = r * stride + offset;
            for (EventDay e : events) {
                out[c++] = overlaps(e.dates(), 0, 1, a, b);
                if (e.warmupDays() > 0) {
                    out[c++] = overlaps(e.dates(), -e.warmupDays(), 0, a, b);
                }
                if (e.hangoverDays() > 0) {
                    out[c++] = overlaps(e.dates(), 1, 1 + e.hangoverDays(), a, b);
                }
            }
        }
    }

    /** 1 if some window [d + lo days, d + hi days) intersects [a, b), else 0. */
    private static double overlaps(List<LocalDate> dates, int lo, int hi, LocalDateTime a, LocalDateTime b) {
        for (LocalDate d : dates) {
            LocalDateTime ws = d.plusDays(lo).atStartOfDay();
            LocalDateTime we = d.plusDays(hi).atStartOfDay();
            if (ws.isBefore(b) && we.isAfter(a)) {
                return 1;
            }
        }
        return 0;
    }
}
