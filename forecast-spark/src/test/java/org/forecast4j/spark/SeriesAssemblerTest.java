package org.forecast4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** Building a regular series from sorted (time, value) rows: gaps, duplicates, off-grid times, month ends. */
class SeriesAssemblerTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 31, 0, 0);

    /** Rows at the grid points kept by {@code keep} give a series with NaN exactly at the dropped ones. */
    @Property(tries = 200)
    void build_rowsWithGaps_nanExactlyAtGaps(@ForAll @Size(min = 1, max = 60) boolean[] keep,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double base, @ForAll @IntRange(min = 0, max = 3) int f) {
        Frequency freq = new Frequency[] {Frequency.HOURLY, Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY}[f];
        keep[0] = true;
        int last = 0;
        SeriesAssembler a = new SeriesAssembler(freq, 0);
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                a.add(freq.add(T0, i), base + i);
                last = i;
            }
        }
        TimeSeries s = a.build("k");
        assertEquals(last + 1, s.length());
        assertEquals(T0, s.start());
        assertEquals(freq.defaultPeriod(), s.period());
        for (int i = 0; i <= last; i++) {
            if (keep[i]) {
                assertEquals(base + i, s.get(i), 0.0);
            } else {
                assertTrue(Double.isNaN(s.get(i)));
            }
        }
    }

    @Test
    void build_monthEnds_stayOnCalendarGrid() {
        SeriesAssembler a = new SeriesAssembler(Frequency.MONTHLY, 12);
        a.add(T0, 1);
        a.add(LocalDateTime.of(2024, 2, 29, 0, 0), 2); // Jan 31 + 1 month
        a.add(LocalDateTime.of(2024, 3, 31, 0, 0), 3); // Jan 31 + 2 months, not Feb 29 + 1 month
        TimeSeries s = a.build("m");
        assertEquals(3, s.length());
        assertEquals(12, s.period());
    }

    @Test
    void build_badRows_rejectedWithTheTimestamp() {
        SeriesAssembler a = new SeriesAssembler(Frequency.DAILY, 0);
        a.add(T0, 1);
        a.add(T0.plusHours(12), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.build("k"));
        assertEquals("timestamp 2024-01-31T12:00 is not on the DAILY grid starting at 2024-01-31T00:00",
                e.getMessage());
        a.clear();
        e = assertThrows(IllegalArgumentException.class, () -> a.build("k"));
        assertEquals("series has no rows", e.getMessage());
        a.add(T0, 1);
        a.add(T0.plusYears(3000), 2);
        e = assertThrows(IllegalArgumentException.class, () -> a.build("k"));
        assertTrue(e.getMessage().endsWith("would have more than 1000000 DAILY periods; check the frequency"),
                e.getMessage());
        a.clear();
        a.add(T0, Double.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> a.build("k"));
    }

    @Test
    void regressors_futureRows_layOnTheGridAfterTheSeries() {
        SeriesAssembler a = new SeriesAssembler(Frequency.DAILY, 0, 2);
        // observed days 0, 1, (gap) 3; future days 4, 5, (gap) 7
        int[] days = {0, 1, 3, 4, 5, 7};
        for (int d : days) {
            a.add(T0.plusDays(d), d < 4 ? 10 + d : Double.NaN, d >= 4);
            a.regressor(0, d);
            if (d != 1) {
                a.regressor(1, -d);
            }
        }
        TimeSeries s = a.build("k");
        assertEquals(4, s.length());
        assertTrue(Double.isNaN(s.get(2)));
        assertEquals(13, s.get(3), 0.0);
        double[][] x = a.regressors(4);
        // the future part stops before its first gap (day 6): 4 observed + 2 future periods
        assertEquals(6, x[0].length);
        assertEquals(List.of(0.0, 1.0, Double.NaN, 3.0, 4.0, 5.0), boxed(x[0]));
        assertEquals(List.of(0.0, Double.NaN, Double.NaN, -3.0, -4.0, -5.0), boxed(x[1]));
        assertEquals(4, a.regressors(0)[0].length);
        assertEquals(5, a.regressors(1)[0].length);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new java.util.ArrayList<>();
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    @Test
    void build_futureRowsNotAfterTheSeries_rejected() {
        SeriesAssembler a = new SeriesAssembler(Frequency.DAILY, 0, 1);
        a.add(T0, 1, false);
        a.add(T0.plusDays(1), Double.NaN, true);
        a.add(T0.plusDays(2), 3, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.build("k"));
        assertEquals("future row at 2024-02-01T00:00 is not after the last observation at 2024-02-02T00:00",
                e.getMessage());
        a.clear();
        a.add(T0, Double.NaN, true);
        e = assertThrows(IllegalArgumentException.class, () -> a.build("k"));
        assertEquals("series has no observed rows, only 1 future rows", e.getMessage());
        assertThrows(IllegalStateException.class, () -> a.regressors(1));
    }
}
