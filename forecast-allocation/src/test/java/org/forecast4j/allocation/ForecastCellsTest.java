package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.FittedArima;
import org.junit.jupiter.api.Test;

/** Cells from a Gaussian forecast: quantile placement from the interval levels, dates and commit dates. */
class ForecastCellsTest {

    @Test
    void build_gaussianForecast_quantilesFromIntervalsAndCommitDates() {
        TimeSeries history = TimeSeries.daily(LocalDate.of(2026, 11, 1), 100, 110, 120);
        Forecast f = Forecast.normal("test", history, new double[] {1000, 1200}, new double[] {100, 150},
                Level.of(80, 95));
        Map<String, ResponseCurve> curves = new LinkedHashMap<>();
        curves.put("search", ResponseCurve.hill(0.3, 5000, 1));
        curves.put("feed", ResponseCurve.log(0.1, 2000));
        List<Cell> cells = ForecastCells.of(f, "beauty", curves, 80, 3).maxSpend(20000).build();
        assertEquals(4, cells.size());
        Cell c = cells.get(1);
        assertEquals("beauty/feed/2026-11-04", c.id());
        assertEquals(Map.of("segment", "beauty", "channel", "feed", "date", "2026-11-04"), c.labels());
        assertEquals(LocalDate.of(2026, 11, 1), c.commitBy());
        // atoms at p = 0.025, 0.1, 0.5, 0.9, 0.975 with midpoint-cell weights
        assertArrayEquals(new double[] {0.0625, 0.2375, 0.4, 0.2375, 0.0625}, c.baseline().probabilities(), 1e-12);
        // Gaussian quantiles are symmetric around the mean, so the scaled atoms keep the mean exactly: μ ± z·σ
        double z95 = new Level(95).normalQuantile();
        assertEquals(1000 - z95 * 100, c.baseline().values()[0], 1e-9);
        assertEquals(1000, c.baseline().mean(), 0);
        assertEquals(20000, c.maxSpend(), 0);
        Allocation a = Allocator.solve(AllocationProblem.builder().budget(30000).addCells(cells).build());
        assertEquals(Allocation.Status.OPTIMAL, a.status());
        assertTrue(a.schedule()[0] < 2, "day-1 cells are booked first");
    }

    @Test
    void samplePaths_handMadePaths_empiricalBaselinePerStepWithNegativesClipped() {
        TimeSeries history = TimeSeries.daily(LocalDate.of(2026, 11, 1), 100, 110, 120);
        Forecast f = Forecast.normal("test", history, new double[] {1000, 1200}, new double[] {100, 150},
                Level.of(80));
        double[][] paths = {{900, 1300}, {1100, -5}, {900, 1250}, {1000, 1300}};
        List<Cell> cells = ForecastCells.of(f, "beauty", Map.of("search", ResponseCurve.log(0.1, 2000)), 80, 0)
                .samplePaths(paths).build();
        assertEquals(2, cells.size());
        assertArrayEquals(new double[] {900, 1000, 1100}, cells.get(0).baseline().values(), 0);
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, cells.get(0).baseline().probabilities(), 0);
        assertEquals(975, cells.get(0).baseline().mean(), 1e-12);
        // −5 is clipped to 0: atoms 0, 1250, 1300 with weights 1/4, 1/4, 1/2
        assertArrayEquals(new double[] {0, 1250, 1300}, cells.get(1).baseline().values(), 0);
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, cells.get(1).baseline().probabilities(), 0);
        ForecastCells b = ForecastCells.of(f, "beauty", Map.of("search", ResponseCurve.log(0.1, 2000)), 80, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.samplePaths(new double[][] {{1, 2}, {3}}))
                .getMessage().contains("paths[1] must have the forecast horizon 2, got 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.samplePaths(new double[0][]))
                .getMessage().contains("paths must hold >= 1 sample path"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> b.samplePaths(new double[][] {{1, Double.NaN}})).getMessage().contains("paths[0][1] must be finite"));
    }

    @Test
    void samplePaths_arimaSimulation_baselineMeanNearForecastMeanAndPlanOptimal() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 + 80 * Math.sin(t * 0.9) + 3 * t;
        }
        FittedArima fit = Arima.of(1, 0, 0).fit(TimeSeries.daily(LocalDate.of(2026, 9, 1), y));
        Forecast f = fit.forecast(7, Level.of(80));
        List<Cell> cells = ForecastCells.of(f, "beauty", Map.of("search", ResponseCurve.hill(0.3, 5000, 1)), 80, 2)
                .capacity(1100).samplePaths(fit.simulate(7, 1000, 42L)).build();
        for (int h = 0; h < 7; h++) {
            // theory: the paths' average estimates the forecast mean with standard error se/√1000
            double tol = 5 * f.standardErrors()[h] / Math.sqrt(1000);
            assertEquals(f.mean()[h], cells.get(h).baseline().mean(), tol, "step " + h);
        }
        Allocation a = Allocator.solve(AllocationProblem.builder().budget(20000).addCells(cells).build());
        assertEquals(Allocation.Status.OPTIMAL, a.status());
        assertTrue(a.newSpend() <= 20000 * (1 + 1e-12));
    }
}
