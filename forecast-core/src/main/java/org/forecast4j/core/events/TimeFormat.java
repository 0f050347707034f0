package org.forecast4j.core.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * How a timestamp column is written: Unix seconds, Unix milliseconds, an ISO-8601 instant or offset
 * date-time ({@code 2017-11-25T01:21:10+08:00}), or a local date-time pattern together with the zone it is
 * local to ({@code "yyyy-MM-dd HH:mm:ss"} in {@code Europe/London} for UCI Online Retail). Local times that fall
 * in a daylight-saving gap are moved forward by the gap and ambiguous ones take the earlier offset
 * ({@link java.time.ZonedDateTime#of} rules). Immutable.
 *
 * @since 0.1.0
 */
public final class TimeFormat {

    enum Kind { EPOCH_SECONDS, EPOCH_MILLIS, ISO, LOCAL }

    private final Kind kind;
    private final DateTimeFormatter formatter;
    private final String pattern;
    private final ZoneId zone;

    private TimeFormat(Kind kind, String pattern, ZoneId zone) {
        this.kind = kind;
        this.pattern = pattern;
        this.formatter = pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        this.zone = zone;
    }

    /**
     * Unix seconds (integer or decimal; decimals are truncated towards negative infinity).
     *
     * @return the format
     */
    public static TimeFormat epochSeconds() {
        return new TimeFormat(Kind.EPOCH_SECONDS, null, null);
    }

    /**
     * Unix milliseconds.
     *
     * @return the format
     */
    public static TimeFormat epochMillis() {
        return new TimeFormat(Kind.EPOCH_MILLIS, null, null);
    }

    /**
     * ISO-8601 with an offset or {@code Z}, e.g. {@code 2017-11-25T01:21:10+08:00}.
     *
     * @return the format
     */
    public static TimeFormat iso() {
        return new TimeFormat(Kind.ISO, null, null);
    }

    /**
     * Local date-times written with a {@link DateTimeFormatter} pattern, local to {@code zone}.
     *
     * @param pattern e.g. {@code "yyyy-MM-dd HH:mm:ss"}
     * @param zone    zone the local times belong to
     * @return the format
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public static TimeFormat local(String pattern, ZoneId zone) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(zone, "zone");
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("time pattern '" + pattern + "' is invalid: " + e.getMessage(), e);
        }
        return new TimeFormat(Kind.LOCAL, pattern, zone);
    }

    Kind kind() {
        return kind;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * Parses a timestamp to Unix seconds.
     *
     * @param text the field
     * @return epoch seconds
     * @throws IllegalArgumentException with the expected form if the text does not parse
     */
    public long parse(String text) {
        String t = text.trim();
        try {
            switch (kind) {
                case EPOCH_SECONDS: {
                    long v = IdDictionary.parseWholeNumber(t);
                    if (v >= 0 && t.indexOf('.') < 0) {
                        return v;
                    }
                    return (long) Math.floor(Double.parseDouble(t));
                }
                case EPOCH_MILLIS:
                    return Math.floorDiv(Long.parseLong(t), 1000L);
                case ISO:
                    if (t.endsWith("Z")) {
                        return Instant.parse(t).getEpochSecond();
                    }
                    return OffsetDateTime.parse(t).toEpochSecond();
                default:
                    return LocalDateTime.parse(t, formatter).atZone(zone).toEpochSecond();
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + this + ", got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case EPOCH_SECONDS:
                return "Unix seconds";
            case EPOCH_MILLIS:
                return "Unix milliseconds";
            case ISO:
                return "an ISO-8601 date-time with offset";
            default:
                return "a local date-time '" + pattern + "' (" + zone + ")";
        }
    }
}
