package org.forecast4j.core.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parsing and printing of the timestamps of CSV inputs. Accepted forms (ISO 8601): {@code 2024} (a year, read as
 * 1 January), {@code 2024-03} (a month, read as its first day), {@code 2024-03-31}, {@code 2024-03-31T13:00},
 * {@code 2024-03-31 13:00:00} (a blank instead of {@code T}), and date-times with an offset such as
 * {@code 2024-03-31T13:00:00Z} or {@code +02:00}, which are converted to UTC. Resolution is one second.
 */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Parses a timestamp.
     *
     * @param text trimmed cell text
     * @return the timestamp, or null when the text is not one of the accepted forms
     */
    static LocalDateTime parse(String text) {
        try {
            switch (text.length()) {
                case 4:
                    return Year.parse(text).atDay(1).atStartOfDay();
                case 7:
                    return YearMonth.parse(text).atDay(1).atStartOfDay();
                case 10:
                    return LocalDate.parse(text).atStartOfDay();
                default:
                    break;
            }
            String t = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            try {
                return LocalDateTime.parse(t).withNano(0);
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Seconds since 1970-01-01T00:00 of a local timestamp (read as UTC, so every day has 86,400 seconds).
     *
     * @param t timestamp
     * @return epoch seconds
     */
    static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    /**
     * Inverse of {@link #seconds(LocalDateTime)}.
     *
     * @param s epoch seconds
     * @return timestamp
     */
    static LocalDateTime of(long s) {
        return LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
    }

    /**
     * A short label: the ISO date at midnight, the ISO date-time otherwise.
     *
     * @param t timestamp
     * @return label
     */
    static String show(LocalDateTime t) {
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
    }

    /**
     * {@link #show(LocalDateTime)} of epoch seconds.
     *
     * @param s epoch seconds
     * @return label
     */
    static String show(long s) {
        return show(of(s));
    }

    /**
     * Whether {@code t} falls on the last day of its month.
     *
     * @param t timestamp
     * @return true at month ends
     */
    static boolean isMonthEnd(LocalDateTime t) {
        return t.getDayOfMonth() == t.toLocalDate().lengthOfMonth();
    }
}
