package org.forecast4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static final LocalDate JAN1 = LocalDate.of(2024, 1, 1);

    @Test
    void builder_defaults_indexSeriesWithPeriodOne() {
        TimeSeries s = TimeSeries.of(1, Double.NaN, 3);
        assertEquals(Frequency.INDEX, s.frequency());
        assertEquals(1, s.period());
        assertEquals(1, s.startIndex());
        assertNull(s.name());
        assertEquals(1, s.missingCount());
        assertEquals(List.of("4", "5"), s.futureLabels(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, s::start);
        assertTrue(e.getMessage().contains("has no dates"), e.getMessage());
    }

    @Test
    void builder_rejectsInfiniteValue_namingIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeSeries.of(1, Double.NEGATIVE_INFINITY));
        assertEquals("values[1] must be finite or NaN (missing), got -Infinity", e.getMessage());
    }

    @Test
    void builder_calendarFrequencyWithoutStart_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeSeries.builder(new double[] {1}).frequency(Frequency.DAILY).build());
        assertEquals("a DAILY series needs a start timestamp", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.builder(new double[] {1}).period(0));
        assertThrows(NullPointerException.class, () -> TimeSeries.builder(null));
    }

    @Test
    void builder_copiesValues() {
        double[] v = {1, 2};
        TimeSeries s = TimeSeries.of(v);
        v[0] = 99;
        assertEquals(1, s.get(0));
        s.values()[1] = 99;
        assertEquals(2, s.get(1));
    }

    @Test
    void daily_defaultPeriodSevenAndIsoDateLabels() {
        TimeSeries s = TimeSeries.daily(JAN1, 1, 2, 3);
        assertEquals(7, s.period());
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), s.start());
        assertEquals("2024-01-03", s.label(2));
        assertEquals(List.of("2024-01-04", "2024-01-05"), s.futureLabels(2));
        assertEquals(List.of(LocalDateTime.of(2024, 1, 4, 0, 0)), s.futureTimestamps(1));
    }

    @Test
    void futureLabels_monthlyAndHourly() {
        TimeSeries m = TimeSeries.builder(new double[] {1, 2}).start(LocalDate.of(2023, 11, 1))
                .frequency(Frequency.MONTHLY).build();
        assertEquals(12, m.period());
        assertEquals(List.of("2024-01-01", "2024-02-01"), m.futureLabels(2));
        TimeSeries h = TimeSeries.builder(new double[] {1, 2}).start(LocalDateTime.of(2024, 3, 9, 22, 0))
                .frequency(Frequency.HOURLY).build();
        assertEquals(24, h.period());
        assertEquals(List.of("2024-03-10T00:00", "2024-03-10T01:00"), h.futureLabels(2));
    }

    @Test
    void futureLabels_indexSeriesContinueTheStartIndex() {
        TimeSeries s = TimeSeries.builder(new double[] {1, 2, 3}).startIndex(10).build();
        assertEquals(List.of("13", "14"), s.futureLabels(2));
        assertEquals(List.of("13"), s.tail(1).futureLabels(1));
        assertEquals(12, s.tail(1).startIndex());
        assertThrows(IllegalArgumentException.class, () -> s.futureLabels(-1));
    }

    @Test
    void window_headTail_keepTimestamps() {
        TimeSeries s = TimeSeries.daily(JAN1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9).withName("x");
        TimeSeries w = s.window(3, 7);
        assertArrayEquals(new double[] {3, 4, 5, 6}, w.values());
        assertEquals(LocalDateTime.of(2024, 1, 4, 0, 0), w.start());
        assertEquals("x", w.name());
        assertEquals(7, w.period());
        assertEquals(s.label(7), w.futureLabels(1).get(0));
        assertEquals(s.label(8), s.tail(2).label(0));
        assertEquals(s.label(0), s.head(2).label(0));
        assertEquals(0, s.window(4, 4).length());
    }

    @Test
    void window_badRange_throwsWithBounds() {
        TimeSeries s = TimeSeries.of(1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.window(2, 4));
        assertEquals("window [2, 4) must lie within [0, 3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.window(2, 1));
        assertThrows(IllegalArgumentException.class, () -> s.head(4));
        assertThrows(IllegalArgumentException.class, () -> s.tail(-1));
    }

    @Test
    void window_monthEndSeries_staysOnMonthEnds() {
        // Jan 31, Feb 29, Mar 31, Apr 30, May 31 (2024 is a leap year): a slice starting in February must not
        // drift to the 29th of later months
        TimeSeries s = TimeSeries.builder(new double[] {1, 2, 3, 4, 5}).start(LocalDate.of(2024, 1, 31))
                .frequency(Frequency.MONTHLY).build();
        assertEquals("2024-02-29", s.label(1));
        TimeSeries w = s.window(1, 3);
        assertEquals("2024-02-29", w.label(0));
        assertEquals("2024-03-31", w.label(1));
        assertEquals(List.of("2024-04-30", "2024-05-31"), w.futureLabels(2));
        assertEquals(List.of("2024-06-30"), s.futureLabels(1));
        assertEquals(s.window(2, 3), w.window(1, 2));
        assertEquals("2024-03-31", w.withValues(new double[] {9, 9}).build().label(1));
    }

    @Test
    void splitAt_indexAndDate_agree() {
        TimeSeries s = TimeSeries.daily(JAN1, 1, 2, 3, 4, 5);
        TimeSeries[] byIndex = s.splitAt(3);
        TimeSeries[] byDate = s.splitAt(LocalDate.of(2024, 1, 4).atStartOfDay());
        assertEquals(byIndex[0], byDate[0]);
        assertEquals(byIndex[1], byDate[1]);
        assertArrayEquals(new double[] {4, 5}, byIndex[1].values());
        assertEquals("2024-01-04", byIndex[1].label(0));
        // a date before the start puts everything in the test part, one after the end everything in training
        assertEquals(0, s.splitAt(LocalDate.of(2023, 12, 1).atStartOfDay())[0].length());
        assertEquals(5, s.splitAt(LocalDate.of(2025, 1, 1).atStartOfDay())[0].length());
        assertThrows(IllegalArgumentException.class, () -> s.splitAt(6));
        assertThrows(IllegalStateException.class, () -> TimeSeries.of(1, 2).splitAt(JAN1.atStartOfDay()));
    }

    @Test
    void equals_comparesValuesAndMetadata() {
        TimeSeries a = TimeSeries.daily(JAN1, 1, 2, Double.NaN);
        assertEquals(a, TimeSeries.daily(JAN1, 1, 2, Double.NaN));
        assertEquals(a.hashCode(), TimeSeries.daily(JAN1, 1, 2, Double.NaN).hashCode());
        assertNotEquals(a, TimeSeries.daily(JAN1.plusDays(1), 1, 2, Double.NaN));
        assertNotEquals(a, a.withName("b"));
        assertNotEquals(a, a.withPeriod(3));
        assertNotEquals(a, TimeSeries.daily(JAN1, 1, 2, 3));
        // a slice equals the same data built at the slice's start and index
        assertEquals(TimeSeries.builder(new double[] {2, Double.NaN}).start(JAN1.plusDays(1))
                .frequency(Frequency.DAILY).startIndex(2).build(), a.tail(2));
    }

    @Test
    void withValues_keepsMetadata() {
        TimeSeries s = TimeSeries.daily(JAN1, 1, 2).withName("n").withPeriod(3);
        TimeSeries d = s.withValues(new double[] {5}).build();
        assertEquals("n", d.name());
        assertEquals(3, d.period());
        assertEquals(s.start(), d.start());
    }

    @Property(tries = 300)
    void windowHeadTail_areConsistent(@ForAll("series") TimeSeries s, @ForAll @IntRange(min = 0, max = 40) int a,
                                      @ForAll @IntRange(min = 0, max = 40) int b) {
        int n = s.length();
        int from = Math.min(a, n);
        int to = Math.max(from, Math.min(b, n));
        TimeSeries w = s.window(from, to);
        assertEquals(to - from, w.length());
        for (int i = 0; i < w.length(); i++) {
            assertEquals(Double.doubleToLongBits(s.get(from + i)), Double.doubleToLongBits(w.get(i)));
            assertEquals(s.label(from + i), w.label(i));
        }
        assertEquals(s.label(to), w.futureLabels(1).get(0));
        // head(k) = window(0, k), tail(k) = window(n - k, n), and a split is head + tail
        assertEquals(s.window(0, from), s.head(from));
        assertEquals(s.window(n - from, n), s.tail(from));
        TimeSeries[] split = s.splitAt(from);
        assertEquals(s.head(from), split[0]);
        assertEquals(s.tail(n - from), split[1]);
        // slicing a slice is slicing the original
        assertEquals(s.window(from, to).tail(w.length() / 2), s.window(to - w.length() / 2, to));
    }

    @Provide
    Arbitrary<TimeSeries> series() {
        Arbitrary<double[]> values = Arbitraries.doubles().between(-100, 100).injectNull(0.1)
                .map(d -> d == null ? Double.NaN : d).array(double[].class).ofMinSize(0).ofMaxSize(30)
                .map(x -> x);
        Arbitrary<Frequency> freq = Arbitraries.of(Frequency.DAILY, Frequency.MONTHLY, Frequency.HOURLY,
                Frequency.WEEKLY, Frequency.INDEX);
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 31);
        return net.jqwik.api.Combinators.combine(values, freq, day).as((v, f, d) -> TimeSeries.builder(v)
                .start(LocalDate.of(2023, 1, 1).plusDays(d - 1L).withDayOfMonth(d)).frequency(f).name("s").build());
    }
}
