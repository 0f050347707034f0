package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
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
}
