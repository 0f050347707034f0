package org.forecast4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.AllocationProblem;
import org.forecast4j.allocation.Allocator;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** The pipeline's helpers: trimming of stray days, top categories, the allocation problem built from forecasts. */
class DemoPipelineTest {

    private static final LocalDate START = LocalDate.of(2017, 11, 1);

    @Test
    void activeRange_strayDaysAtBothEnds_keepsTheLongestBusyRun() {
        // totals per day: a stray event far before, 10 busy days, a 1-event stray day after a gap
        double[] a = {1, 0, 0, 50, 60, 55, 52, 58, 61, 49, 57, 60, 53, 0, 0, 1};
        double[] b = new double[a.length];
        Panel p = Panel.of(List.of(TimeSeries.daily(START, a).withName("category 1"),
                TimeSeries.daily(START, b).withName("category 2")));
        assertArrayEquals(new int[] {3, 13}, DemoPipeline.activeRange(p));
    }

    @Test
    void topCategories_ordersByTotalAndFillsMissingDaysWithZero() {
        Panel p = Panel.of(List.of(TimeSeries.daily(START, 1, 1, 1, 1).withName("category 7"),
                TimeSeries.daily(START, 5, Double.NaN, 5, 5).withName("category 3"),
                TimeSeries.daily(START, 2, 2, 2, 2).withName("category 9")));
        Panel top = DemoPipeline.topCategories(p, new int[] {1, 4}, 2);
        assertEquals(List.of("category 3", "category 9"), top.keys());
        assertArrayEquals(new double[] {0, 5, 5}, top.get("category 3").values(), 0.0);
        assertEquals(START.plusDays(1), top.get("category 3").timestamp(0).toLocalDate());
    }

    @Test
    void promotionDays_coverEveryYearOfTheRange() {
        assertEquals(List.of(LocalDate.of(2017, 6, 18), LocalDate.of(2017, 11, 11), LocalDate.of(2017, 12, 12),
                LocalDate.of(2018, 6, 18), LocalDate.of(2018, 11, 11), LocalDate.of(2018, 12, 12)),
                DemoPipeline.promotionDays(2017, 2018).dates());
    }

    private static Map<String, Forecast> forecasts(long seed, int categories, int h) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Forecast> f = new LinkedHashMap<>();
        for (int c = 0; c < categories; c++) {
            TimeSeries hist = TimeSeries.daily(START, new double[28]).withName("category " + (c + 1));
            double[] mean = new double[h];
            double[] se = new double[h];
            for (int t = 0; t < h; t++) {
                mean[t] = rnd.nextDouble(0, 500);
                se[t] = rnd.nextDouble(0, 0.5 * mean[t] + 1);
            }
            f.put(hist.name(), Forecast.normal("test", hist, mean, se, Level.of(80, 95)));
        }
        return f;
    }

    /** Invariants of the plan for random forecasts: one cell per category × channel × day, budget respected, the
     *  optimum at least the even split (a feasible plan), spend non-negative. */
    @Property(tries = 40)
    void problem_randomForecasts_planSpendsBudgetAndBeatsEvenSplit(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int categories, @ForAll @IntRange(min = 1, max = 10) int h,
            @ForAll @DoubleRange(min = 1, max = 100_000) double budget) {
        Map<String, Forecast> f = forecasts(seed, categories, h);
        List<String> keys = new ArrayList<>(f.keySet());
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> capacity = new LinkedHashMap<>();
        for (String k : keys) {
            values.put(k, 40.0);
            capacity.put(k, 400.0);
        }
        double[] shares = {0.7, 0.2, 0.1};
        AllocationProblem p = DemoPipeline.problem(keys, f, shares, values, capacity, budget);
        assertEquals(categories * 3 * h, p.cells().size());
        Allocation a = Allocator.solve(p);
        double spent = 0;
        for (double x : a.spend()) {
            assertTrue(x >= 0);
            spent += x;
        }
        assertTrue(spent <= budget * (1 + 1e-9), spent + " > budget " + budget);
        if (a.budgetShadowPrice() > 0) {
            // a binding budget is spent in full
            assertEquals(budget, spent, 1e-6 * budget);
        }
        double even = DemoPipeline.evenSplitValue(p);
        assertTrue(even >= 0);
        // the solver certifies a relative gap; the even split is one feasible plan
        assertTrue(a.objectiveValue() >= even * (1 - Math.max(a.gap(), 1e-9)) - 1e-9,
                a.objectiveValue() + " < even " + even);
    }
}
