package org.forecast4j.core.features;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.forecast4j.core.Checks;
import org.forecast4j.core.TimeSeries;

/**
 * Built-in e-commerce event days for a range of years.
 *
 * <ul>
 * <li>{@link #sale618} — 18 June, the JD.com anniversary sale ("618").</li>
 * <li>{@link #singlesDay} — 11 November, Singles' Day / Double 11 ("11.11").</li>
 * <li>{@link #double12} — 12 December, Double 12.</li>
 * <li>{@link #blackFriday} — the Friday after US Thanksgiving (the fourth Thursday of November).</li>
 * <li>{@link #cyberMonday} — the Monday after US Thanksgiving.</li>
 * <li>{@link #chineseNewYear} — the first day of the first month of the Chinese lunisolar calendar, from a
 *     table for {@value #CNY_FIRST_YEAR}–{@value #CNY_LAST_YEAR}. Source: Hong Kong Observatory,
 *     "Gregorian-Lunar Calendar Conversion Table" (the published 1901–2100 tables); cross-checked with the
 *     lists on english.china.org.cn ("Chinese Lunar New Year dates 2004-2015") and weeksfromtoday.com
 *     ("Lunar New Year Dates (2026-2045)").</li>
 * </ul>
 *
 * <p>Each factory takes the years covered (inclusive) and the warm-up / hangover windows in days.
 *
 * @since 0.1.0
 */
public final class EcommerceCalendar {

    /** First year of the Chinese New Year table. */
    public static final int CNY_FIRST_YEAR = 2004;
    /** Last year of the Chinese New Year table. */
    public static final int CNY_LAST_YEAR = 2030;

    /** Month and day of Chinese New Year, {@code CNY[year - 2004] = {month, day}}. */
    private static final int[][] CNY = {
        {1, 22}, {2, 9}, {1, 29}, {2, 18}, {2, 7}, {1, 26}, {2, 14}, {2, 3}, {1, 23}, {2, 10},   // 2004-2013
        {1, 31}, {2, 19}, {2, 8}, {1, 28}, {2, 16}, {2, 5}, {1, 25}, {2, 12}, {2, 1}, {1, 22},   // 2014-2023
        {2, 10}, {1, 29}, {2, 17}, {2, 6}, {1, 26}, {2, 13}, {2, 3},                             // 2024-2030
    };

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;

    private EcommerceCalendar() {
    }

    private static void checkYears(int fromYear, int toYear) {
        Checks.requireArgument(fromYear >= MIN_YEAR && toYear <= MAX_YEAR && fromYear <= toYear,
                "years must satisfy %d <= fromYear <= toYear <= %d, got %d..%d", MIN_YEAR, MAX_YEAR, fromYear,
                toYear);
    }

    private static EventDay fixed(String name, Month month, int day, int fromYear, int toYear, int warmup,
                                  int hangover) {
        checkYears(fromYear, toYear);
        List<LocalDate> d = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            d.add(LocalDate.of(y, month, day));
        }
        return new EventDay(name, d, warmup, hangover);
    }

    /**
     * "618" (18 June) for each year.
     *
     * @param fromYear first year
     * @param toYear   last year, inclusive
     * @param warmup   warm-up days
     * @param hangover hangover days
     * @return the event day, named {@code sale618}
     */
    public static EventDay sale618(int fromYear, int toYear, int warmup, int hangover) {
        return fixed("sale618", Month.JUNE, 18, fromYear, toYear, warmup, hangover);
    }

    /**
     * Singles' Day (11 November) for each year.
     *
     * @param fromYear first year
     * @param toYear   last year, inclusive
     * @param warmup   warm-up days
     * @param hangover hangover days
     * @return the event day, named {@code singles_day}
     */
    public static EventDay singlesDay(int fromYear, int toYear, int warmup, int hangover) {
        return fixed("singles_day", Month.NOVEMBER, 11, fromYear, toYear, warmup, hangover);
    }

    /**
     * Double 12 (12 December) for each year.
     *
     * @param fromYear first year
     * @param toYear   last year, inclusive
     * @param warmup   warm-up days
     * @param hangover hangover days
     * @return the event day, named {@code double12}
     */
    public static EventDay double12(int fromYear, int toYear, int warmup, int hangover) {
        return fixed("double12", Month.DECEMBER, 12, fromYear, toYear, warmup, hangover);
    }

    /**
     * US Thanksgiving: the fourth Thursday of November.
     *
     * @param year the year
     * @return the date
     */
    public static LocalDate thanksgiving(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    /**
     * Black Friday (Thanksgiving + 1 day) for each year.
     *
     * @param fromYear first year
     * @param toYear   last year, inclusive
     * @param warmup   warm-up days
     * @param hangover hangover days
     * @return the event day, named {@code black_friday}
     */
    public static EventDay blackFriday(int fromYear, int toYear, int warmup, int hangover) {
        checkYears(fromYear, toYear);
        List<LocalDate> d = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            d.add(thanksgiving(y).plusDays(1));
        }
        return new EventDay("black_friday", d, warmup, hangover);
    }

    /**
     * Cyber Monday (Thanksgiving + 4 days) for each year.
     *
     * @param fromYear first year
     * @param toYear   last year, inclusive
     * @param warmup   warm-up days
     * @param hangover hangover days
     * @return the event day, named {@code cyber_monday}
     */
    public static EventDay cyberMonday(int fromYear, int toYear, int warmup, int hangover) {
        checkYears(fromYear, toYear);
        List<LocalDate> d = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            d.add(thanksgiving(y).plusDays(4));
        }
        return new EventDay("cyber_monday", d, warmup, hangover);
    }

    /**
     * The date of Chinese New Year.
     *
     * @param year a year in [{@value #CNY_FIRST_YEAR}, {@value #CNY_LAST_YEAR}]
     * @return the date
     * @throws IllegalArgumentException outside the table
     */
    public static LocalDate chineseNewYearDate(int year) {
        Checks.requireArgument(year >= CNY_FIRST_YEAR && year <= CNY_LAST_YEAR,
                "Chinese New Year is tabulated for %d..%d, got %d; pass the dates to EventDay yourself",
                CNY_FIRST_YEAR, CNY_LAST_YEAR, year);
        int[] md = CNY[year - CNY_FIRST_YEAR];
        return LocalDate.of(year, md[0], md[1]);
    }

    /**
     * Chinese New Year for each year.
     *
     * @param fromYear first year, &ge; {@value #CNY_FIRST_YEAR}
     * @param toYear   last year, &le; {@value #CNY_LAST_YEAR}
     * @param warmup   warm-up days
     * @param hangover hangover days (the Spring Festival holiday lasts about 7 days)
     * @return the event day, named {@code chinese_new_year}
     * @throws IllegalArgumentException for years outside the table
     */
    public static EventDay chineseNewYear(int fromYear, int toYear, int warmup, int hangover) {
        checkYears(fromYear, toYear);
        List<LocalDate> d = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            d.add(chineseNewYearDate(y));
        }
        return new EventDay("chinese_new_year", d, warmup, hangover);
    }

    /**
     * All built-in events for the years a series and its forecast horizon touch, windows included: from the
     * year of {@code start − hangover} days to the year of {@code end + horizon + warmup} days.
     *
     * @param series   a series with calendar timestamps
     * @param horizon  forecast steps beyond the series, &ge; 0
     * @param warmup   warm-up days
     * @param hangover hangover days
     * @return the calendar
     * @throws IllegalStateException for a series without dates
     */
    public static EventCalendar covering(TimeSeries series, int horizon, int warmup, int hangover) {
        java.util.Objects.requireNonNull(series, "series");
        Checks.requireNonNegative(horizon, "horizon");
        int from = series.start().toLocalDate().minusDays(hangover).getYear();
        int to = series.timestamp((long) series.length() + horizon).toLocalDate().plusDays(warmup).getYear();
        return all(from, to, warmup, hangover);
    }

    /**
     * All built-in events for the years: 618, 11.11, Double 12, Black Friday, Cyber Monday and (within the
     * table's years) Chinese New Year, each with the same windows.
     *
     * @param fromYear first year
     * @param toYear   last year, inclusive
     * @param warmup   warm-up days
     * @param hangover hangover days
     * @return the calendar
     */
    public static EventCalendar all(int fromYear, int toYear, int warmup, int hangover) {
        List<EventDay> e = new ArrayList<>();
        e.add(sale618(fromYear, toYear, warmup, hangover));
        e.add(singlesDay(fromYear, toYear, warmup, hangover));
        e.add(double12(fromYear, toYear, warmup, hangover));
        e.add(blackFriday(fromYear, toYear, warmup, hangover));
        e.add(cyberMonday(fromYear, toYear, warmup, hangover));
        int lo = Math.max(fromYear, CNY_FIRST_YEAR);
        int hi = Math.min(toYear, CNY_LAST_YEAR);
        if (lo <= hi) {
            e.add(chineseNewYear(lo, hi, warmup, hangover));
        }
        return new EventCalendar(e);
    }
}
