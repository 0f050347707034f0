package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the simulation study ({@link UpliftStudy}): no plan's realised value exceeds what the oracle (the
 * exact solver on the true curves and realised baselines) proves possible, the oracle's plan beats both heuristics,
 * every plan keeps to the budget, the study is deterministic, and the documented direction of the result holds.
 */
class UpliftStudyTest {

    /** Seeds checked here: the first of the documented study's seeds (the whole study takes longer). */
    private static final long[] SEEDS = {1, 2, 3, 4};

    @Test
    void run_documentedSeeds_oracleBoundsEveryPlanAndForecastPlanBeatsHeuristicsOnMedian() {
        List<UpliftStudy.Outcome> out = new ArrayList<>();
        for (long s : SEEDS) {
            UpliftStudy.Outcome o = UpliftStudy.run(s);
            out.add(o);
            double bound = o.oracleBound * (1 + 1e-9);
            assertTrue(o.forecastDriven <= bound, "forecast-driven above the oracle's bound, seed " + s);
            assertTrue(o.forecastTrueCurves <= bound, "forecast-driven (true curves) above the bound, seed " + s);
            assertTrue(o.even <= bound, "even split above the oracle's bound, seed " + s);
            assertTrue(o.lastPeriod <= bound, "last period's split above the oracle's bound, seed " + s);
            // the oracle plan itself (S-shaped web curves: certified to its gap) is never beaten by a heuristic
            assertTrue(o.oracle >= o.even && o.oracle >= o.lastPeriod && o.oracle >= o.forecastDriven,
                    "oracle beaten, seed " + s);
            assertTrue(o.forecastSpend <= o.budget * (1 + 1e-9), "budget, seed " + s);
        }
        double[] ue = new double[out.size()];
        double[] ul = new double[out.size()];
        for (int i = 0; i < ue.length; i++) {
            ue[i] = out.get(i).upliftOverEven();
            ul[i] = out.get(i).upliftOverLast();
        }
        assertTrue(UpliftStudy.median(ue) > 0, "median uplift over the even split " + UpliftStudy.median(ue));
        assertTrue(UpliftStudy.median(ul) > 0, "median uplift over last period's split " + UpliftStudy.median(ul));
        assertTrue(UpliftStudy.report(out).contains("| uplift of forecast-driven over even split |"));
    }

    @Test
    void run_sameSeed_sameNumbers() {
        UpliftStudy.Outcome a = UpliftStudy.run(3);
        UpliftStudy.Outcome b = UpliftStudy.run(3);
        assertEquals(a.forecastDriven, b.forecastDriven, 0);
        assertEquals(a.lastPeriod, b.lastPeriod, 0);
        assertEquals(a.oracle, b.oracle, 0);
    }

    @Test
    void quantile_type7_matchesR() {
        // Reference: R 4.2.2, quantile(c(4, 1, 3, 2, 10), c(0.25, 0.5, 0.75)) = 2, 3, 4 (type 7);
        // quantile(c(1, 2, 3, 4), 0.25) = 1.75
        double[] v = {4, 1, 3, 2, 10};
        assertEquals(2, UpliftStudy.quantile(v, 0.25), 1e-12);
        assertEquals(3, UpliftStudy.quantile(v, 0.5), 1e-12);
        assertEquals(4, UpliftStudy.quantile(v, 0.75), 1e-12);
        assertEquals(1.75, UpliftStudy.quantile(new double[] {1, 2, 3, 4}, 0.25), 1e-12);
    }
}
