package org.forecast4j.core.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.forecast4j.core.Frequency;

/**
 * Maps epoch seconds to local-time period numbers (hours, days or weeks of the wall clock in a zone).
 * A period number {@code k} is counted in local time from 1970-01-01T00:00 (local): hour k, day k, or the
 * week starting on the {@code weekStart} day of week k. The zone offset is cached between transitions, so
 * sorted or clustered timestamps cost one comparison each; fixed-offset zones never look the offset up.
 *
 * <p>During a daylight-saving fall-back the repeated local hour maps both UTC hours to one local hour; the
 * skipped spring-forward hour gets no events. Not thread-safe (the cache).
 */
final class PeriodClock {

    static final long HOUR = 3600;
    static final long DAY = 86_400;
    private static final int WEEK_DAYS = 7;

    private final ZoneRules rules;
    private final int unit; // 0 hour, 1 day, 2 week
    private final long weekShift; // epoch day of the first week start on or after 1970-01-01
    private long validFrom = Long.MAX_VALUE;
    private long validTo = Long.MIN_VALUE;
    private long offset;

    PeriodClock(Frequency frequency, ZoneId zone, DayOfWeek weekStart) {
        this.rules = zone.getRules();
        if (frequency.equals(Frequency.HOURLY)) {
            unit = 0;
        } else if (frequency.equals(Frequency.DAILY)) {
            unit = 1;
        } else if (frequency.equals(Frequency.WEEKLY)) {
            unit = 2;
        } else {
            throw new IllegalArgumentException("frequency must be HOURLY, DAILY or WEEKLY, got " + frequency);
        }
        // 1970-01-01 was a Thursday
        weekShift = ((weekStart.getValue() - DayOfWeek.THURSDAY.getValue()) % WEEK_DAYS + WEEK_DAYS) % WEEK_DAYS;
        if (rules.isFixedOffset()) {
            offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            validFrom = Long.MIN_VALUE;
            validTo = Long.MAX_VALUE;
        }
    }

    /** Local epoch seconds (wall-clock seconds since local 1970-01-01T00:00) of an instant. */
    long local(long epochSecond) {
        if (epochSecond < validFrom || epochSecond >= validTo) {
            refresh(epochSecond);
        }
        return epochSecond + offset;
    }

    private void refresh(long t) {
        Instant i = Instant.ofEpochSecond(t);
        offset = rules.getOffset(i).getTotalSeconds();
        ZoneOffsetTransition prev = rules.previousTransition(i.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(i);
        validFrom = prev == null ? Long.MIN_VALUE : prev.toEpochSecond();
        validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }

    /** Period number of an instant. */
    long period(long epochSecond) {
        return periodOfLocal(local(epochSecond));
    }

    /** Period number of local epoch seconds. */
    long periodOfLocal(long localSecond) {
        switch (unit) {
            case 0:
                return Math.floorDiv(localSecond, HOUR);
            case 1:
                return Math.floorDiv(localSecond, DAY);
            default:
                return Math.floorDiv(Math.floorDiv(localSecond, DAY) - weekShift, WEEK_DAYS);
        }
    }

    /** Local epoch seconds at which period {@code k} starts. */
    long startOfLocal(long k) {
        switch (unit) {
            case 0:
                return k * HOUR;
            case 1:
                return k * DAY;
            default:
                return (k * WEEK_DAYS + weekShift) * DAY;
        }
    }

    /** Local timestamp at which period {@code k} starts. */
    LocalDateTime start(long k) {
        return LocalDateTime.ofEpochSecond(startOfLocal(k), 0, ZoneOffset.UTC);
    }

    /** Local epoch seconds of a local timestamp. */
    static long localSeconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    /** Period number holding a local date's midnight. */
    long periodOf(LocalDate d) {
        return periodOfLocal(d.toEpochDay() * DAY);
    }

    /** Current fixed offset in seconds, for SQL push-down; only meaningful for fixed-offset zones. */
    boolean isFixedOffset() {
        return rules.isFixedOffset();
    }

    int unit() {
        return unit;
    }

    long weekShift() {
        return weekShift;
    }
}
