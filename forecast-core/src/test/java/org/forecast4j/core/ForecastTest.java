package org.forecast4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final TimeSeries HISTORY = TimeSeries.daily(LocalDate.of(2024, 1, 1), 1, 2, 3);
    private static final List<Level> LEVELS = Level.of(80, 95);

    @Test
    void normal_limitsAreMeanPlusMinusZSe() {
        Forecast f = Forecast.normal("m", HISTORY, new double[] {10, 20}, new double[] {1, 2}, LEVELS);
        // z(80) = qnorm(0.9) = 1.2815515655446008, z(95) = qnorm(0.975) = 1.959963984540054 (R 4.2.2)
        assertEquals(10 - 1.2815515655446008, f.lower(80)[0], 1e-12);
        assertEquals(20 + 2 * 1.959963984540054, f.upper(95)[1], 1e-12);
        assertEquals(2, f.horizon());
        assertEquals("m", f.model());
        assertArrayEquals(new double[] {1, 2}, f.standardErrors());
        assertEquals(LEVELS, f.levels());
        assertEquals(List.of("2024-01-04", "2024-01-05"), f.labels());
        assertEquals(HISTORY.futureTimestamps(2), f.timestamps());
        TimeSeries ms = f.meanSeries();
        assertEquals("2024-01-04", ms.label(0));
        assertArrayEquals(new double[] {10, 20}, ms.values());
    }

    @Test
    void getters_returnCopies() {
        Forecast f = Forecast.normal("m", HISTORY, new double[] {1}, new double[] {1}, LEVELS);
        f.mean()[0] = 99;
        f.lower(80)[0] = 99;
        assertEquals(1, f.mean()[0]);
        assertTrue(f.lower(80)[0] < 1);
    }

    @Test
    void of_lowerAboveMean_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY,
                new double[] {1, 2}, null, Level.of(80), new double[][] {{0, 2.5}}, new double[][] {{2, 3}}));
        assertEquals("step 2 level 80: need lower <= mean <= upper, got 2.5, 2.0, 3.0", e.getMessage());
    }

    @Test
    void of_intervalsNotNested_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY,
                new double[] {1}, null, LEVELS, new double[][] {{0}, {0.5}}, new double[][] {{2}, {3}}));
        assertEquals("step 1: the 95% interval must contain the 80% interval", e.getMessage());
    }

    @Test
    void of_nonFinite_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY,
                new double[] {Double.NaN}, null, List.of(), new double[0][], new double[0][]));
        assertEquals("mean[0] must be finite, got NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY, new double[] {1}, null,
                Level.of(80), new double[][] {{Double.NEGATIVE_INFINITY}}, new double[][] {{2}}));
        assertThrows(IllegalArgumentException.class,
                () -> Forecast.normal("m", HISTORY, new double[] {1}, new double[] {Double.NaN}, LEVELS));
    }

    @Test
    void of_shapesAndOrder_areChecked() {
        assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY, new double[0], null, List.of(),
                new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY, new double[] {1}, null,
                List.of(new Level(95), new Level(80)), new double[][] {{0}, {0}}, new double[][] {{2}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY, new double[] {1}, null,
                Level.of(80), new double[][] {{0, 0}}, new double[][] {{2, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Forecast.of("m", HISTORY, new double[] {1},
                new double[] {1, 1}, List.of(), new double[0][], new double[0][]));
    }

    @Test
    void lower_unknownLevel_throwsListingAvailable() {
        Forecast f = Forecast.normal("m", HISTORY, new double[] {1}, new double[] {1}, LEVELS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.lower(90));
        assertEquals("level 90 was not computed; available: [80, 95]", e.getMessage());
        Forecast noSe = Forecast.of("m", HISTORY, new double[] {1}, null, List.of(), new double[0][],
                new double[0][]);
        assertNull(noSe.standardErrors());
    }
}
