package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class AggregatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime NOV25 = LocalDateTime.of(2017, 11, 25, 0, 0);
    private static final LocalDateTime DEC4 = LocalDateTime.of(2017, 12, 4, 0, 0);
    private static final double EXACT = 1e-12; // sums of small integers and their ratios are exact in doubles

    private static AggregationResult slice(AggregationSpec.Builder b) {
        return Aggregator.aggregate(TaobaoReader.of(TestData.resource("taobao_head5000.csv.gz")), b.build());
    }

    private static AggregationSpec.Builder daily(Measure m) {
        return AggregationSpec.builder().measure(m).frequency(Frequency.DAILY).zone(SHANGHAI);
    }

    private static Map<String, String[]> dailyReference() {
        // Reference: taobao_reference.py (python3, China Standard Time days) -> taobao_head5000_daily.csv
        Map<String, String[]> m = new HashMap<>();
        for (String[] r : TestData.csv("taobao_head5000_daily.csv")) {
            m.put(r[0], r);
        }
        return m;
    }

    @Test
    void aggregate_dailyPerType_matchesPythonWithExplicitZeros() {
        Map<String, String[]> ref = dailyReference();
        String[] types = {"pv", "fav", "cart", "buy"};
        for (int t = 0; t < 4; t++) {
            AggregationResult r = slice(daily(Measure.count(BehaviorType.of(types[t])))
                    .range(LocalDateTime.of(2017, 9, 11, 0, 0), DEC4));
            TimeSeries s = r.panel().get("all");
            // from the 2017-09-11 outlier to 2017-12-03, every day present
            assertEquals(LocalDate.of(2017, 9, 11).atStartOfDay(), s.start());
            assertEquals(84, s.length());
            for (int i = 0; i < s.length(); i++) {
                String day = s.label(i);
                double expected = ref.containsKey(day) ? Double.parseDouble(ref.get(day)[1 + t]) : 0.0;
                assertEquals(expected, s.get(i), EXACT, types[t] + " on " + day);
            }
        }
    }

    @Test
    void aggregate_withoutRange_spansFirstToLastEvent() {
        TimeSeries s = slice(daily(Measure.count(BehaviorType.PV))).panel().get("all");
        assertEquals(LocalDate.of(2017, 9, 11).atStartOfDay(), s.start()); // the slice's one outlier is a pv
        assertEquals(84, s.length());
        TimeSeries fav = slice(daily(Measure.count(BehaviorType.FAV))).panel().get("all");
        assertEquals(NOV25, fav.start());
    }

    @Test
    void aggregate_withRange_countsOutliersAsOutOfRange() {
        AggregationResult r = slice(daily(Measure.events()).range(NOV25, DEC4));
        TimeSeries s = r.panel().get("all");
        assertEquals(9, s.length());
        assertEquals(NOV25, s.start());
        assertEquals(1, r.eventsOutOfRange()); // the single 2017-09-11 event of the slice
        assertEquals(4999, r.eventsAggregated());
        assertEquals(5000, r.eventsSeen());
        assertFalse(r.firstPeriodPartial());
        assertFalse(r.lastPeriodPartial());
        double sum = 0;
        for (double v : s.values()) {
            sum += v;
        }
        assertEquals(4999, sum, EXACT);
    }

    @Test
    void aggregate_hourly_matchesPythonIncludingEmptyHours() {
        // Reference: taobao_reference.py -> taobao_head5000_hourly.csv (hours with events only)
        Map<String, Double> ref = new HashMap<>();
        for (String[] r : TestData.csv("taobao_head5000_hourly.csv")) {
            ref.put(r[0], Double.parseDouble(r[1]));
        }
        AggregationResult r = slice(AggregationSpec.builder().frequency(Frequency.HOURLY).zone(SHANGHAI)
                .range(NOV25, DEC4));
        TimeSeries s = r.panel().get("all");
        assertEquals(216, s.length());
        int zeros = 0;
        for (int i = 0; i < s.length(); i++) {
            String hour = s.timestamp(i).toString();
            double expected = ref.getOrDefault(hour, 0.0);
            assertEquals(expected, s.get(i), EXACT, hour);
            if (expected == 0) {
                zeros++;
            }
        }
        assertTrue(zeros > 0, "the slice has empty night hours, which must appear as explicit zeros");
    }

    @Test
    void aggregate_buysByCategory_matchesPython() {
        // Reference: taobao_reference.py -> taobao_head5000_category_buys.csv
        AggregationResult r = slice(daily(Measure.buys()).by(GroupKey.category()).range(NOV25, DEC4));
        Panel p = r.panel();
        int cells = 0;
        for (String[] row : TestData.csv("taobao_head5000_category_buys.csv")) {
            TimeSeries s = p.get(row[0]);
            int i = (int) (LocalDate.parse(row[1]).toEpochDay() - LocalDate.of(2017, 11, 25).toEpochDay());
            assertEquals(Double.parseDouble(row[2]), s.get(i), EXACT, row[0] + " " + row[1]);
            cells++;
        }
        double total = 0;
        for (TimeSeries s : p) {
            for (double v : s.values()) {
                total += v;
            }
        }
        assertEquals(total, cells == 0 ? 0 : 86, EXACT); // 86 buys in the slice (sum of the buy column)
        // keys in ascending numeric order
        List<String> keys = p.keys();
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(Long.parseLong(keys.get(i - 1)) < Long.parseLong(keys.get(i)));
        }
    }

    @Test
    void aggregate_distinctUsersConversionAbandonment_matchPython() {
        Map<String, String[]> ref = dailyReference();
        TimeSeries users = slice(daily(Measure.distinctUsers(null)).range(NOV25, DEC4)).panel().get("all");
        TimeSeries conv = slice(daily(Measure.conversionRate()).range(NOV25, DEC4)).panel().get("all");
        TimeSeries aband = slice(daily(Measure.cartAbandonment()).range(NOV25, DEC4)).panel().get("all");
        for (int i = 0; i < 9; i++) {
            String[] r = ref.get(users.label(i));
            assertEquals(Double.parseDouble(r[5]), users.get(i), EXACT);
            assertEquals(Double.parseDouble(r[4]) / Double.parseDouble(r[1]), conv.get(i), EXACT);
            assertEquals(Double.parseDouble(r[6]), aband.get(i), EXACT);
        }
    }

    @Test
    void aggregate_hyperLogLog_withinThreeStandardErrorsOfExact() {
        AggregationResult exact = slice(daily(Measure.distinctUsers(BehaviorType.PV)).by(GroupKey.category()));
        AggregationResult approx = slice(daily(Measure.approxDistinctUsers(BehaviorType.PV, 10))
                .by(GroupKey.category()));
        double se = approx.relativeStandardError();
        assertEquals(1.04 / 32, se, 1e-15);
        for (String key : exact.panel().keys()) {
            double[] e = exact.panel().get(key).values();
            double[] a = approx.panel().get(key).values();
            for (int i = 0; i < e.length; i++) {
                // small counts are in HLL's linear-counting range, far more accurate than 1.04/sqrt(m)
                assertEquals(e[i], a[i], 3 * se * e[i] + 0.5, key + " period " + i);
            }
        }
    }

    @Test
    void aggregate_partialPeriods_flaggedAndDropped() {
        LocalDateTime noon = NOV25.plusHours(12);
        LocalDateTime end = DEC4.minusHours(1);
        AggregationResult kept = slice(daily(Measure.events()).range(noon, end));
        assertTrue(kept.firstPeriodPartial());
        assertTrue(kept.lastPeriodPartial());
        assertEquals(9, kept.length());
        AggregationResult dropped = slice(daily(Measure.events()).range(noon, end)
                .partialPeriods(PartialPeriods.DROP));
        assertEquals(7, dropped.length());
        assertEquals(NOV25.plusDays(1), dropped.start());
        TimeSeries k = kept.panel().get("all");
        TimeSeries d = dropped.panel().get("all");
        for (int i = 0; i < 7; i++) {
            assertEquals(k.get(i + 1), d.get(i), EXACT);
        }
        assertEquals(kept.eventsAggregated() - k.get(0) - k.get(8), dropped.eventsAggregated(), EXACT);
    }

    @Test
    void aggregate_inferredRange_firstDayPartialWhenDataStartsLate() {
        BehaviorEvent e = new BehaviorEvent();
        Aggregator a = Aggregator.of(daily(Measure.events()).zone(ZoneOffset.UTC).build());
        a.onEvent(e.set(1, 1, 1, BehaviorType.PV, LocalDateTime.of(2020, 1, 1, 15, 5).toEpochSecond(ZoneOffset.UTC)));
        a.onEvent(e.set(1, 1, 1, BehaviorType.PV, LocalDateTime.of(2020, 1, 3, 23, 59).toEpochSecond(ZoneOffset.UTC)));
        AggregationResult r = a.result();
        assertTrue(r.firstPeriodPartial());
        assertFalse(r.lastPeriodPartial()); // covered to the end of hour 23
        assertEquals(3, r.length());
    }

    @Test
    void aggregate_weekly_startsOnMondayAndSumsDays() {
        AggregationResult w = slice(AggregationSpec.builder().frequency(Frequency.WEEKLY).zone(SHANGHAI)
                .range(NOV25, DEC4));
        TimeSeries s = w.panel().get("all");
        // 2017-11-25 is a Saturday: weeks of Mon 20 Nov (partial) and Mon 27 Nov (partial: ends Mon 4 Dec 00:00
        // is a week boundary, so the second week is complete only if it ends there)
        assertEquals(LocalDateTime.of(2017, 11, 20, 0, 0), s.start());
        assertEquals(2, s.length());
        assertTrue(w.firstPeriodPartial());
        assertFalse(w.lastPeriodPartial());
        Map<String, String[]> ref = dailyReference();
        double first = 0;
        double second = 0;
        for (String[] r : ref.values()) {
            LocalDate d = LocalDate.parse(r[0]);
            double n = Double.parseDouble(r[1]) + Double.parseDouble(r[2]) + Double.parseDouble(r[3])
                    + Double.parseDouble(r[4]);
            if (!d.isBefore(LocalDate.of(2017, 11, 25)) && d.isBefore(LocalDate.of(2017, 11, 27))) {
                first += n;
            } else if (!d.isBefore(LocalDate.of(2017, 11, 27)) && d.isBefore(LocalDate.of(2017, 12, 4))) {
                second += n;
            }
        }
        assertEquals(first, s.get(0), EXACT);
        assertEquals(second, s.get(1), EXACT);
        AggregationResult sunday = slice(AggregationSpec.builder().frequency(Frequency.WEEKLY).zone(SHANGHAI)
                .weekStart(DayOfWeek.SUNDAY).range(NOV25, DEC4));
        assertEquals(LocalDateTime.of(2017, 11, 19, 0, 0), sunday.start());
    }

    @Test
    void aggregate_zone_decidesTheDayOfAnEvent() {
        // 1511544070 = 2017-11-24T17:21:10Z = 2017-11-25T01:21:10+08:00
        BehaviorEvent e = new BehaviorEvent().set(1, 1, 1, BehaviorType.PV, 1_511_544_070L);
        Aggregator cst = Aggregator.of(daily(Measure.events()).build());
        Aggregator utc = Aggregator.of(daily(Measure.events()).zone(ZoneOffset.UTC).build());
        cst.onEvent(e);
        utc.onEvent(e);
        assertEquals(NOV25, cst.result().start());
        assertEquals(NOV25.minusDays(1), utc.result().start());
    }

    @Test
    void aggregate_daylightSavingFallBack_mergesRepeatedHourAndKeepsLocalMidnight() {
        ZoneId ny = ZoneId.of("America/New_York");
        // 2017-11-05: clocks go back at 02:00 EDT to 01:00 EST; 05:30Z and 06:30Z are both 01:30 local
        BehaviorEvent e = new BehaviorEvent();
        Aggregator h = Aggregator.of(AggregationSpec.builder().frequency(Frequency.HOURLY).zone(ny).build());
        Aggregator d = Aggregator.of(daily(Measure.events()).zone(ny).build());
        long[] times = {1_509_859_800L, 1_509_863_400L, 1_509_857_999L, 1_509_944_399L};
        // 05:30Z, 06:30Z, 04:59:59Z (00:59:59 EDT), 2017-11-06T04:59:59Z (= 23:59:59 EST on 5 Nov)
        for (long t : times) {
            e.set(1, 1, 1, BehaviorType.PV, t);
            h.onEvent(e);
            d.onEvent(e);
        }
        TimeSeries hourly = h.result().panel().get("all");
        assertEquals(LocalDateTime.of(2017, 11, 5, 0, 0), hourly.start());
        assertEquals(1, hourly.get(0), EXACT);
        assertEquals(2, hourly.get(1), EXACT);
        TimeSeries daily = d.result().panel().get("all");
        assertEquals(1, daily.length());
        assertEquals(4, daily.get(0), EXACT);
    }

    @Test
    void aggregate_segmentsAndChannels_keyedByName() {
        BehaviorEvent e = new BehaviorEvent();
        Aggregator seg = Aggregator.of(daily(Measure.events()).by(GroupKey.userSegment(u -> u < 10 ? "new" : "loyal"))
                .build());
        Aggregator ch = Aggregator.of(daily(Measure.events()).by(GroupKey.channel()).build());
        long t = 1_511_544_070L;
        long[] users = {1, 2, 30, 40, 50};
        String[] channels = {"app", null, "web", "app", "app"};
        for (int i = 0; i < users.length; i++) {
            e.set(users[i], 1, 1, BehaviorType.PV, t).channel(channels[i]);
            seg.onEvent(e);
            ch.onEvent(e);
        }
        Panel ps = seg.result().panel();
        assertEquals(List.of("loyal", "new"), ps.keys());
        assertEquals(3, ps.get("loyal").get(0), EXACT);
        assertEquals(2, ps.get("new").get(0), EXACT);
        Panel pc = ch.result().panel();
        assertEquals(List.of("app", "unknown", "web"), pc.keys());
        assertEquals(3, pc.get("app").get(0), EXACT);
    }

    @Test
    void aggregate_revenue_sumsQuantityTimesPriceAndCountsMissingPrices() {
        BehaviorEvent e = new BehaviorEvent();
        Aggregator a = Aggregator.of(daily(Measure.revenue()).build());
        long t = 1_511_544_070L;
        a.onEvent(e.set(1, 1, 1, BehaviorType.BUY, t).quantity(3).price(2.5));
        a.onEvent(e.set(1, 1, 1, BehaviorType.BUY, t).quantity(-1).price(2.5)); // a cancellation
        a.onEvent(e.set(1, 1, 1, BehaviorType.BUY, t).price(4));                // no quantity = 1
        a.onEvent(e.set(1, 1, 1, BehaviorType.BUY, t));                         // no price
        a.onEvent(e.set(1, 1, 1, BehaviorType.PV, t).price(100));               // not a purchase
        AggregationResult r = a.result();
        assertEquals(7.5 - 2.5 + 4, r.panel().get("all").get(0), EXACT);
        assertEquals(1, r.eventsWithoutValue());
    }

    @Test
    void aggregate_conversionWithoutViews_isUndefinedAndCounted() {
        BehaviorEvent e = new BehaviorEvent();
        Aggregator a = Aggregator.of(daily(Measure.conversionRate()).build());
        long t = 1_511_544_070L;
        a.onEvent(e.set(1, 1, 1, BehaviorType.BUY, t));
        a.onEvent(e.set(1, 1, 1, BehaviorType.PV, t + 2 * 86_400));
        AggregationResult r = a.result();
        double[] v = r.panel().get("all").values();
        assertTrue(Double.isNaN(v[0]));
        assertTrue(Double.isNaN(v[1]));
        assertEquals(0.0, v[2], EXACT);
        assertEquals(2, r.undefinedValues());
    }

    @Test
    void aggregate_millisecondsReadAsSeconds_failsWithHint() {
        BehaviorEvent e = new BehaviorEvent();
        Aggregator a = Aggregator.of(AggregationSpec.builder().frequency(Frequency.HOURLY).zone(SHANGHAI).build());
        a.onEvent(e.set(1, 1, 1, BehaviorType.PV, 1_511_544_070L));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> a.onEvent(e.set(1, 1, 1, BehaviorType.PV, 1_511_544_070_000L)));
        assertTrue(ex.getMessage().contains("more than maxPeriods 1000000; set a range or check the timestamp unit"),
                ex.getMessage());
    }

    @Test
    void build_withoutZone_failsNamingZone() {
        IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> AggregationSpec.builder().build());
        assertTrue(ex.getMessage().startsWith("zone must be set explicitly"));
        assertThrows(IllegalArgumentException.class, () -> AggregationSpec.builder().frequency(Frequency.MONTHLY));
        assertThrows(IllegalArgumentException.class, () -> AggregationSpec.builder().range(DEC4, NOV25));
    }

    @Test
    void aggregate_sharedSample_dailyTotalsMatchPublishedCounts() {
        assumeTrue(Files.isReadable(TestData.SHARED_TAOBAO), "shared Taobao sample absent");
        // Reference: /work/shared/data/taobao-userbehavior/SOURCE.md, counts by China date (UTC+8)
        double[] expected = {8_697, 8_788, 8_335, 8_867, 8_785, 8_616, 9_455, 11_520, 11_377};
        AggregationResult r = Aggregator.aggregate(TaobaoReader.of(TestData.SHARED_TAOBAO),
                daily(Measure.events()).range(NOV25, DEC4).build());
        assertEquals(35, r.eventsOutOfRange());
        double[] got = r.panel().get("all").values();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], EXACT, "day " + i);
        }
    }

    @Property(tries = 50)
    void aggregate_hourlyTotalsSumToDailyTotals(
            @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 1_500_000_000L, max = 1_500_900_000L) Long> times,
            @ForAll @IntRange(min = 0, max = 3) int zoneChoice) {
        ZoneId zone = List.of(SHANGHAI, ZoneId.of("America/New_York"), ZoneOffset.UTC,
                ZoneId.of("Asia/Kolkata")).get(zoneChoice);
        BehaviorEvent e = new BehaviorEvent();
        Aggregator h = Aggregator.of(AggregationSpec.builder().frequency(Frequency.HOURLY).zone(zone).build());
        Aggregator d = Aggregator.of(AggregationSpec.builder().frequency(Frequency.DAILY).zone(zone).build());
        for (long t : times) {
            e.set(t % 7, 1, t % 3, BehaviorType.PV, t);
            h.onEvent(e);
            d.onEvent(e);
        }
        TimeSeries hs = h.result().panel().get("all");
        TimeSeries ds = d.result().panel().get("all");
        Map<LocalDate, Double> byDay = new HashMap<>();
        double total = 0;
        for (int i = 0; i < hs.length(); i++) {
            byDay.merge(hs.timestamp(i).toLocalDate(), hs.get(i), Double::sum);
            total += hs.get(i);
        }
        assertEquals(times.size(), total, EXACT);
        for (int i = 0; i < ds.length(); i++) {
            assertEquals(byDay.getOrDefault(ds.timestamp(i).toLocalDate(), 0.0), ds.get(i), EXACT);
        }
    }
}
