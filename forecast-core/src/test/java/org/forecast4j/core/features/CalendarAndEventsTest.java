package org.forecast4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class CalendarAndEventsTest {

    @Test
    void calendar_dayOfWeekAndWeekend_matchJavaTimeCalendar() {
        // 2017-11-25 is a Saturday (java.time and any printed calendar agree)
        TimeSeries y = TimeSeries.daily(LocalDate.of(2017, 11, 25), new double[10]);
        RegressorMatrix x = FeatureSet.of(CalendarFeatures.of(CalendarFeatures.Part.DAY_OF_WEEK,
                CalendarFeatures.Part.WEEKEND, CalendarFeatures.Part.MONTH)).matrix(y);
        assertEquals(List.of("dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun"),
                x.names().subList(0, 6));
        assertEquals(6 + 11 + 1, x.columns());
        assertEquals(1, x.get(0, x.names().indexOf("dow_sat")));
        assertEquals(1, x.get(0, x.names().indexOf("weekend")));
        assertEquals(1, x.get(1, x.names().indexOf("dow_sun")));
        // Monday 27 Nov: the baseline, all day-of-week dummies zero, not weekend
        for (int j = 0; j < 6; j++) {
            assertEquals(0, x.get(2, j));
        }
        assertEquals(0, x.get(2, x.names().indexOf("weekend")));
        assertEquals(1, x.get(6, x.names().indexOf("month_12"))); // 1 Dec
        assertEquals(1, x.get(0, x.names().indexOf("month_11")));
    }

    @Test
    void calendar_hourOfDay_onHourlySeries_andFuture() {
        TimeSeries y = TimeSeries.builder(new double[30]).start(LocalDateTime.of(2017, 11, 25, 0, 0))
                .frequency(Frequency.HOURLY).build();
        RegressorMatrix x = FeatureSet.of(CalendarFeatures.of(CalendarFeatures.Part.HOUR_OF_DAY)).matrix(y);
        assertEquals(23, x.columns());
        double rowSum = 0;
        for (int j = 0; j < 23; j++) {
            rowSum += x.get(0, j);
        }
        assertEquals(0, rowSum); // hour 0 is the baseline
        assertEquals(1, x.get(5, x.names().indexOf("hour_05")));
        RegressorMatrix f = x.future(5);
        assertEquals(LocalDateTime.of(2017, 11, 26, 6, 0), f.timestamp(0));
        assertEquals(1, f.get(0, f.names().indexOf("hour_06")));
    }

    @Test
    void events_warmupAndHangover_areSeparateColumns() {
        EventDay d11 = EcommerceCalendar.singlesDay(2017, 2017, 3, 2);
        TimeSeries y = TimeSeries.daily(LocalDate.of(2017, 11, 1), new double[20]);
        RegressorMatrix x = FeatureSet.of(EventCalendar.of(d11)).matrix(y);
        assertEquals(List.of("singles_day", "singles_day_warmup", "singles_day_hangover"), x.names());
        double[] day = x.column("singles_day");
        double[] warm = x.column("singles_day_warmup");
        double[] hang = x.column("singles_day_hangover");
        for (int i = 0; i < 20; i++) {
            int dom = i + 1;
            assertEquals(dom == 11 ? 1 : 0, day[i], "day " + dom);
            assertEquals(dom >= 8 && dom <= 10 ? 1 : 0, warm[i], "warm-up " + dom);
            assertEquals(dom == 12 || dom == 13 ? 1 : 0, hang[i], "hangover " + dom);
        }
    }

    @Test
    void events_hourlyAndWeekly_flagEveryOverlappingStep() {
        EventDay d = new EventDay("launch", List.of(LocalDate.of(2020, 3, 4)), 0, 0);
        TimeSeries hourly = TimeSeries.builder(new double[72]).start(LocalDateTime.of(2020, 3, 3, 0, 0))
                .frequency(Frequency.HOURLY).build();
        double[] h = FeatureSet.of(EventCalendar.of(d)).matrix(hourly).column("launch");
        double sum = 0;
        for (int i = 0; i < 72; i++) {
            sum += h[i];
            assertEquals(i >= 24 && i < 48 ? 1 : 0, h[i]);
        }
        assertEquals(24, sum);
        TimeSeries weekly = TimeSeries.builder(new double[3]).start(LocalDate.of(2020, 2, 24))
                .frequency(Frequency.WEEKLY).build();
        double[] w = FeatureSet.of(EventCalendar.of(d)).matrix(weekly).column("launch");
        assertEquals(0, w[0]);
        assertEquals(1, w[1]); // week of Mon 2 March holds Wed 4 March
        assertEquals(0, w[2]);
    }

    @Test
    void ecommerceDates_matchDefinitions() {
        // Thanksgiving 2017 was Thursday 23 Nov: Black Friday 24 Nov, Cyber Monday 27 Nov
        assertEquals(List.of(LocalDate.of(2017, 11, 24)), EcommerceCalendar.blackFriday(2017, 2017, 0, 0).dates());
        assertEquals(List.of(LocalDate.of(2017, 11, 27)), EcommerceCalendar.cyberMonday(2017, 2017, 0, 0).dates());
        for (int y = 1990; y <= 2100; y++) {
            LocalDate tg = EcommerceCalendar.thanksgiving(y);
            assertEquals(DayOfWeek.THURSDAY, tg.getDayOfWeek());
            assertTrue(tg.getDayOfMonth() >= 22 && tg.getDayOfMonth() <= 28, "fourth Thursday " + tg);
        }
        assertEquals(LocalDate.of(2018, 6, 18), EcommerceCalendar.sale618(2018, 2018, 0, 0).dates().get(0));
        assertEquals(LocalDate.of(2018, 12, 12), EcommerceCalendar.double12(2018, 2018, 0, 0).dates().get(0));
        assertEquals(6, EcommerceCalendar.all(2016, 2018, 1, 1).events().size());
        assertEquals(5, EcommerceCalendar.all(1995, 1996, 1, 1).events().size()); // no CNY table there
        // a series of Dec 2017 with a 30-day horizon and 7-day warm-up touches 2017 and 2018
        TimeSeries dec = TimeSeries.daily(LocalDate.of(2017, 12, 1), new double[31]);
        EventCalendar c = EcommerceCalendar.covering(dec, 30, 7, 3);
        assertEquals(List.of(LocalDate.of(2017, 11, 11), LocalDate.of(2018, 11, 11)), c.events().get(1).dates());
        assertEquals(List.of(LocalDate.of(2017, 1, 28), LocalDate.of(2018, 2, 16)), c.events().get(5).dates());
        RegressorMatrix fut = FeatureSet.of(c).matrix(dec).future(30);
        // the horizon is 2018-01-01 .. 2018-01-30: before the Chinese New Year warm-up (9..15 Feb 2018)
        assertEquals(0, sum(fut.column("chinese_new_year_warmup")));
        assertEquals(0, sum(fut.column("double12_hangover")));
        assertEquals(3, sum(FeatureSet.of(c).matrix(dec).column("double12_hangover"))); // 13..15 Dec 2017
    }

    @Test
    void chineseNewYear_tableIsLunisolarConsistent() {
        // Independent checks of the table: every date lies in 21 Jan .. 20 Feb (new moon nearest the start of
        // spring), and consecutive dates are 12 or 13 synodic months apart (29.530589 d each): 353-355 or
        // 383-385 days. Published values checked: 2010-02-14, 2017-01-28, 2024-02-10 (china.org.cn, news).
        assertEquals(LocalDate.of(2010, 2, 14), EcommerceCalendar.chineseNewYearDate(2010));
        assertEquals(LocalDate.of(2017, 1, 28), EcommerceCalendar.chineseNewYearDate(2017));
        assertEquals(LocalDate.of(2024, 2, 10), EcommerceCalendar.chineseNewYearDate(2024));
        // weeksfromtoday.com "Lunar New Year Dates (2026-2045)"
        assertEquals(LocalDate.of(2026, 2, 17), EcommerceCalendar.chineseNewYearDate(2026));
        assertEquals(LocalDate.of(2028, 1, 26), EcommerceCalendar.chineseNewYearDate(2028));
        assertEquals(LocalDate.of(2030, 2, 3), EcommerceCalendar.chineseNewYearDate(2030));
        LocalDate prev = null;
        for (int y = EcommerceCalendar.CNY_FIRST_YEAR; y <= EcommerceCalendar.CNY_LAST_YEAR; y++) {
            LocalDate d = EcommerceCalendar.chineseNewYearDate(y);
            assertTrue(!d.isBefore(LocalDate.of(y, 1, 21)) && !d.isAfter(LocalDate.of(y, 2, 20)), d.toString());
            if (prev != null) {
                long gap = ChronoUnit.DAYS.between(prev, d);
                assertTrue(gap >= 353 && gap <= 355 || gap >= 383 && gap <= 385, prev + " -> " + d + ": " + gap);
            }
            prev = d;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EcommerceCalendar.chineseNewYearDate(2031));
        assertTrue(e.getMessage().startsWith("Chinese New Year is tabulated for 2004..2030, got 2031"));
    }

    @Test
    void eventDay_rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new EventDay("a b", List.of(LocalDate.now()), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EventDay("x", List.of(), 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EventDay("x", List.of(LocalDate.of(2020, 1, 1)), -1, 0));
        assertEquals("warmupDays must be in [0, 366], got -1", e.getMessage());
        EventDay a = new EventDay("x", List.of(LocalDate.of(2020, 1, 1)), 0, 0);
        assertThrows(IllegalArgumentException.class, () -> EventCalendar.of(a, a));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
