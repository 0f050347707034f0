package org.forecast4j.core.features;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Calendar regressors read from each step's local timestamp: day-of-week, hour-of-day and month as dummy
 * (0/1) columns with the first level left out as the baseline (so they can sit next to an intercept without
 * collinearity: Monday, hour 0, January), and a weekend indicator (Saturday or Sunday). Column names:
 * {@code dow_tue … dow_sun}, {@code hour_01 … hour_23}, {@code month_02 … month_12}, {@code weekend}.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class CalendarFeatures implements Feature {

    /** The available calendar regressors. */
    public enum Part {
        /** Six day-of-week dummies, Monday the baseline. */
        DAY_OF_WEEK,
        /** 23 hour-of-day dummies, hour 0 the baseline (for hourly series). */
        HOUR_OF_DAY,
        /** Eleven month dummies, January the baseline. */
        MONTH,
        /** 1 on Saturdays and Sundays. */
        WEEKEND
    }

    private static final int DAYS = 7;
    private static final int HOURS = 24;
    private static final int MONTHS = 12;

    private final Set<Part> parts;
    private final List<String> names;

    /**
     * Calendar regressors of the given kinds (columns in the order of {@link Part}).
     *
     * @param parts one or more parts
     * @throws IllegalArgumentException if none is given
     */
    public CalendarFeatures(Set<Part> parts) {
        Objects.requireNonNull(parts, "parts");
        Checks.requireArgument(!parts.isEmpty(), "calendar features need at least one part");
        this.parts = Collections.unmodifiableSet(EnumSet.copyOf(parts));
        List<String> n = new ArrayList<>();
        if (this.parts.contains(Part.DAY_OF_WEEK)) {
            for (int d = 2; d <= DAYS; d++) {
                n.add("dow_" + DayOfWeek.of(d).name().substring(0, 3).toLowerCase(Locale.ROOT));
            }
        }
        if (this.parts.contains(Part.HOUR_OF_DAY)) {
            for (int h = 1; h < HOURS; h++) {
                n.add(String.format(Locale.ROOT, "hour_%02d", h));
            }
        }
        if (this.parts.contains(Part.MONTH)) {
            for (int m = 2; m <= MONTHS; m++) {
                n.add(String.format(Locale.ROOT, "month_%02d", m));
            }
        }
        if (this.parts.contains(Part.WEEKEND)) {
            n.add("weekend");
        }
        this.names = Collections.unmodifiableList(n);
    }

    /**
     * Calendar regressors of the given kinds.
     *
     * @param first a part
     * @param rest  more parts
     * @return the feature
     */
    public static CalendarFeatures of(Part first, Part... rest) {
        return new CalendarFeatures(EnumSet.of(first, rest));
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void fill(TimeSeries series, long from, int rows, double[] out, int stride, int offset) {
        for (int r = 0; r < rows; r++) {
            LocalDateTime t = series.timestamp(from + r);
            int c = r * stride + offset;
            if (parts.contains(Part.DAY_OF_WEEK)) {
                int d = t.getDayOfWeek().getValue();
                for (int j = 2; j <= DAYS; j++) {
                    out[c++] = d == j ? 1 : 0;
                }
            }
            if (parts.contains(Part.HOUR_OF_DAY)) {
                int h = t.getHour();
                for (int j = 1; j < HOURS; j++) {
                    out[c++] = h == j ? 1 : 0;
                }
            }
            if (parts.contains(Part.MONTH)) {
                int m = t.getMonthValue();
                for (int j = 2; j <= MONTHS; j++) {
                    out[c++] = m == j ? 1 : 0;
                }
            }
            if (parts.contains(Part.WEEKEND)) {
                DayOfWeek d = t.getDayOfWeek();
                out[c] = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 1 : 0;
            }
        }
    }
}
