package org.forecast4j.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

class LagWalkForecasterTest {

    @Test
    void naive_repeatsLastValue_withSqrtHWidening() {
        // residuals 1, -2, 1 (y = 1, 2, 0, 1): sigma^2 = 6/3 = 2; se_h = sqrt(2h) (FPP 5.5, naive)
        FittedModel m = Forecasters.naive().fit(TimeSeries.of(1, 2, 0, 1));
        Forecast f = m.forecast(3, 95);
        assertArrayEquals(new double[] {1, 1, 1}, f.mean());
        for (int h = 1; h <= 3; h++) {
            assertEquals(Math.sqrt(2.0 * h), f.standardErrors()[h - 1], 1e-12);
        }
        assertEquals("Naive method", m.description());
        assertArrayEquals(new double[] {Double.NaN, 1, 2, 0}, m.fitted());
        assertArrayEquals(new double[] {Double.NaN, 1, -2, 1}, m.residuals());
    }

    @Test
    void seasonalNaive_repeatsLastSeason_periodFromSeries() {
        TimeSeries s = TimeSeries.of(1, 2, 3, 4, 5, 6, 7).withPeriod(3);
        Forecast f = Forecasters.seasonalNaive().fit(s).forecast(5);
        // last season is 5, 6, 7
        assertArrayEquals(new double[] {5, 6, 7, 5, 6}, f.mean());
        assertEquals("Seasonal naive method (period 3)", Forecasters.seasonalNaive().fit(s).description());
        assertArrayEquals(new double[] {6, 7}, Forecasters.seasonalNaive(2).fit(s).forecast(2).mean());
        assertEquals("snaive", Forecasters.seasonalNaive(2).name());
    }

    @Test
    void drift_extrapolatesAverageChange() {
        // changes 2, 4, 0: drift b = 2; forecasts 7 + 2h
        Forecast f = Forecasters.drift().fit(TimeSeries.of(1, 3, 7, 7)).forecast(2);
        assertArrayEquals(new double[] {9, 11}, f.mean(), 1e-12);
        assertEquals("drift", Forecasters.drift().name());
        assertEquals("naive", Forecasters.drift().withDrift(false).name());
    }

    @Test
    void fit_tooShort_namesTheRequirement() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Forecasters.seasonalNaive().fit(TimeSeries.of(1, 2, 3).withPeriod(3).withName("s")));
        assertEquals("Seasonal naive method (period 3) needs at least 4 observations (lag 3), series 's' has 3",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Forecasters.drift().fit(TimeSeries.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Forecasters.naive().fit(TimeSeries.of(1)));
        assertThrows(IllegalArgumentException.class, () -> Forecasters.seasonalNaive(0));
    }

    @Test
    void fit_missingInLastSeason_isFilledFromPreviousSeason() {
        // position 6 (value NaN) is filled from position 4 (lag 2): last season = 5, 4
        Forecast f = Forecasters.seasonalNaive(2).fit(TimeSeries.of(1, 2, 3, 4, 5, Double.NaN)).forecast(2);
        assertArrayEquals(new double[] {5, 4}, f.mean());
    }

    @Test
    void fit_unfillableSeasonPosition_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Forecasters.seasonalNaive(2).fit(TimeSeries.of(Double.NaN, 1, Double.NaN, 2, Double.NaN, 3)));
        assertTrue(e.getMessage().contains("no observation in season position 1"), e.getMessage());
    }

    @Test
    void forecast_badHorizon_throws() {
        FittedModel m = Forecasters.naive().fit(TimeSeries.of(1, 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forecast(0, 80));
        assertEquals("horizon must be > 0, got 0", e.getMessage());
    }

    @Property(tries = 200)
    void randomWalkIntervals_nestedAndWideningWithHorizon(@ForAll("walks") double[] y) {
        TimeSeries s = TimeSeries.of(y).withPeriod(4);
        List<Level> levels = Level.of(50, 80, 95);
        for (var fc : List.of(Forecasters.naive(), Forecasters.seasonalNaive(), Forecasters.drift())) {
            Forecast f = fc.fit(s).forecast(12, levels);
            double[] prevWidth = new double[levels.size()];
            for (int h = 0; h < 12; h++) {
                for (int k = 0; k < levels.size(); k++) {
                    double lo = f.lower(levels.get(k))[h];
                    double hi = f.upper(levels.get(k))[h];
                    if (k > 0) {
                        assertTrue(lo <= f.lower(levels.get(k - 1))[h] && hi >= f.upper(levels.get(k - 1))[h]);
                    }
                    double w = hi - lo;
                    assertTrue(w >= prevWidth[k] * (1 - 1e-12), fc + " step " + (h + 1));
                    prevWidth[k] = w;
                }
            }
        }
    }

    @Provide
    Arbitrary<double[]> walks() {
        return Arbitraries.doubles().between(-10, 10).array(double[].class).ofMinSize(6).ofMaxSize(60).map(d -> {
            double[] y = new double[d.length];
            double level = 100;
            for (int i = 0; i < d.length; i++) {
                level += d[i];
                y[i] = level;
            }
            return y;
        });
    }
}
