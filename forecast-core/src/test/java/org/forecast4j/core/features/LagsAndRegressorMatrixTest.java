package org.forecast4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class LagsAndRegressorMatrixTest {

    private static final double EXACT = 1e-12;
    private static final TimeSeries Y = TimeSeries.daily(LocalDate.of(2020, 1, 1), 1, 2, 4, 8, Double.NaN, 32, 64);

    @Test
    void lags_shiftTheSeries_withNaNBeforeStart() {
        RegressorMatrix x = FeatureSet.of(new LagFeatures(2, 1)).matrix(Y);
        assertEquals(List.of("lag_1", "lag_2"), x.names());
        assertArrayEquals(new double[] {Double.NaN, 1, 2, 4, 8, Double.NaN, 32}, x.column("lag_1"));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 1, 2, 4, 8, Double.NaN}, x.column("lag_2"));
        assertEquals(2, x.firstCompleteRow());
        RegressorMatrix f = x.future(1);
        assertArrayEquals(new double[] {64, 32}, f.data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.future(2));
        assertEquals("horizon 2 reaches 2 steps past the last observation but lag/rolling columns allow at most 1",
                e.getMessage());
    }

    @Test
    void rolling_meanSdMinMax_byHand() {
        // window 3 ending one step back; the NaN at index 4 is skipped
        FeatureSet fs = FeatureSet.of(new RollingFeatures(RollingFeatures.Stat.MEAN, 3, 1),
                new RollingFeatures(RollingFeatures.Stat.SD, 3, 1),
                new RollingFeatures(RollingFeatures.Stat.MIN, 3, 1),
                new RollingFeatures(RollingFeatures.Stat.MAX, 3, 1));
        RegressorMatrix x = fs.matrix(Y);
        double[] mean = x.column("roll_mean_3_lag1");
        assertTrue(Double.isNaN(mean[0]));
        assertEquals(1, mean[1], EXACT);
        assertEquals(1.5, mean[2], EXACT);
        assertEquals(7.0 / 3, mean[3], EXACT);
        assertEquals(14.0 / 3, mean[4], EXACT);
        assertEquals(6, mean[5], EXACT);    // {4, 8, NaN}
        assertEquals(20, mean[6], EXACT);   // {8, NaN, 32}
        double[] sd = x.column("roll_sd_3_lag1");
        assertTrue(Double.isNaN(sd[1]));    // one value
        assertEquals(Math.sqrt(0.5), sd[2], EXACT);
        assertEquals(Math.sqrt(((1 - 7.0 / 3) * (1 - 7.0 / 3) + (2 - 7.0 / 3) * (2 - 7.0 / 3)
                + (4 - 7.0 / 3) * (4 - 7.0 / 3)) / 2), sd[3], EXACT);
        assertEquals(8, x.column("roll_min_3_lag1")[6], EXACT);
        assertEquals(32, x.column("roll_max_3_lag1")[6], EXACT);
        assertEquals(Math.sqrt(2 * 16 * 16), x.future(1).get(0, 1), EXACT); // {NaN, 32, 64}: mean 48, sd = 22.627
    }

    @Test
    void matrix_layoutIsRowMajorAndAlignedWithSeries() {
        FeatureSet fs = FeatureSet.of(CalendarFeatures.of(CalendarFeatures.Part.WEEKEND), new LagFeatures(1),
                new FourierTerms(7, 1));
        RegressorMatrix x = fs.matrix(Y);
        assertEquals(7, x.rows());
        assertEquals(4, x.columns());
        double[] d = x.data();
        double[][] a = x.toArray();
        double[][] byColumn = x.byColumn();
        assertEquals(4, byColumn.length);
        assertEquals(7, byColumn[0].length);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(d[i * 4 + j], x.get(i, j), 0.0);
                assertEquals(a[i][j], x.get(i, j), 0.0);
                assertEquals(byColumn[j][i], x.get(i, j), 0.0);
            }
            assertEquals(Y.timestamp(i), x.timestamp(i));
        }
        RegressorMatrix f = x.future(1);
        assertEquals(7, f.firstStep());
        assertEquals(LocalDate.of(2020, 1, 8).atStartOfDay(), f.timestamp(0));
        // the future row equals the row a longer series would have at step 7
        TimeSeries longer = TimeSeries.daily(LocalDate.of(2020, 1, 1), 1, 2, 4, 8, Double.NaN, 32, 64, 0);
        RegressorMatrix full = fs.matrix(longer);
        for (int j = 0; j < 4; j++) {
            assertEquals(full.get(7, j), f.get(0, j), EXACT);
        }
    }

    @Test
    void of_userData_hasNoGenerator() {
        RegressorMatrix x = RegressorMatrix.of(List.of("spend"), new double[][] {{1}, {2}});
        assertEquals(2, x.rows());
        assertThrows(IllegalStateException.class, () -> x.future(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegressorMatrix.of(List.of("a", "b"), new double[][] {{1, 2}, {3}}));
        assertEquals("row 1 has 1 values, expected 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureSet.of(new LagFeatures(1), new LagFeatures(1)));
    }

    @Property(tries = 60)
    void future_equalsInSampleRowsOfExtendedSeries(@ForAll @IntRange(min = 10, max = 60) int n,
                                                   @ForAll @IntRange(min = 1, max = 30) int h) {
        FeatureSet fs = FeatureSet.of(CalendarFeatures.of(CalendarFeatures.Part.DAY_OF_WEEK,
                CalendarFeatures.Part.MONTH), new FourierTerms(365.25, 2),
                EventCalendar.of(EcommerceCalendar.singlesDay(2019, 2021, 5, 2)));
        double[] v = new double[n + h];
        TimeSeries all = TimeSeries.daily(LocalDate.of(2020, 10, 1), v);
        RegressorMatrix full = fs.matrix(all);
        RegressorMatrix f = fs.matrix(all.head(n)).future(h);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < fs.names().size(); j++) {
                assertEquals(full.get(n + i, j), f.get(i, j), 1e-9);
            }
        }
    }
}
