package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSimulatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    /** A config whose user heterogeneity and day noise are small, so totals are close to their expectation. */
    private static SimulationConfig.Builder calm() {
        return SimulationConfig.builder().users(2000).days(14).activityShape(50).dayNoise(0).seed(7);
    }

    private static long fingerprint(SimulationConfig c) {
        long[] h = {17};
        new EventSimulator(c).run(e -> h[0] = h[0] * 31 + e.userId() * 1_000_003L + e.itemId() * 7919L
                + e.epochSecond() + e.type().code());
        return h[0];
    }

    @Test
    void run_sameSeed_sameStream_otherSeed_otherStream() {
        SimulationConfig a = SimulationConfig.builder().users(300).days(3).seed(1).build();
        SimulationConfig b = SimulationConfig.builder().users(300).days(3).seed(2).build();
        assertEquals(fingerprint(a), fingerprint(a));
        assertNotEquals(fingerprint(a), fingerprint(b));
    }

    @Test
    void run_pageViews_matchExpectation() {
        SimulationConfig c = calm().build();
        SimulationSummary s = new EventSimulator(c).run(e -> { });
        // expectation users·v·Σ(1+g)^d·week(d); sample-mean activity has sd sqrt(1/(50·2000)) = 0.3%, Poisson
        // noise on ~250k views is 0.2%: 2% is > 5 sd
        assertEquals(c.expectedPageViews(), s.pageViews(), 0.02 * c.expectedPageViews());
        assertEquals(s.events(), s.pageViews() + s.favs() + s.carts() + s.buys());
    }

    @Test
    void run_funnelRates_matchProbabilities() {
        SimulationConfig c = calm().funnel(0.05, 0.1, 0.4, 0.0).stockOutRate(0.0).build();
        SimulationSummary s = new EventSimulator(c).run(e -> { });
        double n = s.pageViews();
        // binomial proportions: 4 standard errors
        assertEquals(0.05, s.favs() / n, 4 * Math.sqrt(0.05 * 0.95 / n));
        assertEquals(0.1, s.carts() / n, 4 * Math.sqrt(0.1 * 0.9 / n));
        assertEquals(0.4, s.buys() / (double) s.carts(), 4 * Math.sqrt(0.4 * 0.6 / s.carts()));
    }

    @Test
    void run_allStockedOut_noCartsNoBuys() {
        SimulationSummary s = new EventSimulator(calm().users(200).stockOutRate(1.0).build()).run(e -> { });
        assertEquals(0, s.carts());
        assertEquals(0, s.buys());
        assertTrue(s.stockOutLosses() > 0);
    }

    @Test
    void run_hourProfile_shapesTheDay() {
        double[] hours = new double[24];
        hours[10] = 1;
        hours[20] = 3;
        SimulationConfig c = calm().users(500).hourProfile(hours).funnel(0, 0, 0, 0).build();
        Aggregator a = Aggregator.of(AggregationSpec.builder().frequency(Frequency.HOURLY).zone(SHANGHAI).build());
        SimulationSummary s = new EventSimulator(c).run(a);
        TimeSeries h = a.result().panel().get("all");
        double at10 = 0;
        double at20 = 0;
        double other = 0;
        for (int i = 0; i < h.length(); i++) {
            int hour = h.timestamp(i).getHour();
            if (hour == 10) {
                at10 += h.get(i);
            } else if (hour == 20) {
                at20 += h.get(i);
            } else {
                other += h.get(i);
            }
        }
        assertEquals(0, other);
        assertEquals(s.pageViews(), at10 + at20, 0);
        double share = at20 / (at10 + at20);
        assertEquals(0.75, share, 4 * Math.sqrt(0.75 * 0.25 / s.pageViews()));
    }

    @Test
    void run_promotion_liftsDayAndWarmupCartsAndDipsAfter() {
        LocalDate day = LocalDate.of(2017, 12, 2);
        double[] flatWeek = new double[7];
        Arrays.fill(flatWeek, 1);
        SimulationConfig c = calm().dailyGrowth(0).weekProfile(flatWeek).start(LocalDate.of(2017, 11, 20)).days(20)
                .promotion(new Promotion(day, 3.0, 2.0, 5, 1.0, 2.0, 0.5, 3, 0.6)).build();
        Aggregator pv = Aggregator.of(AggregationSpec.builder().measure(Measure.count(BehaviorType.PV))
                .zone(SHANGHAI).build());
        Aggregator cart = Aggregator.of(AggregationSpec.builder().measure(Measure.count(BehaviorType.CART))
                .zone(SHANGHAI).build());
        new EventSimulator(c).run(pv.andThen(cart));
        double[] v = pv.result().panel().get("all").values();
        double[] k = cart.result().panel().get("all").values();
        int p = (int) (day.toEpochDay() - LocalDate.of(2017, 11, 20).toEpochDay());
        double base = (v[0] + v[1] + v[2]) / 3;
        // about 16k views a day: Poisson sd < 1%, activity sd 0.3%; 5% tolerance on the ratios
        assertEquals(3.0, v[p] / base, 0.05 * 3);
        assertEquals(0.6, v[p + 1] / base, 0.05 * 0.6);
        assertEquals(1.0, v[p + 4] / base, 0.05);
        double cartRateBase = (k[0] + k[1] + k[2]) / (v[0] + v[1] + v[2]);
        assertEquals(2.0, (k[p - 1] / v[p - 1]) / cartRateBase, 0.2);
    }

    @Test
    void run_intoTaobaoWriter_readsBackIdentically() {
        SimulationConfig c = SimulationConfig.builder().users(200).days(2).build();
        Path f = dir.resolve("sim.csv");
        SimulationSummary s;
        try (TaobaoWriter w = TaobaoWriter.to(f)) {
            s = new EventSimulator(c).run(w);
        }
        long[] counts = new long[4];
        ReadReport r = TaobaoReader.of(f).read(e -> counts[e.type().code()]++);
        assertEquals(s.events(), r.events());
        assertEquals(s.pageViews(), counts[0]);
        assertEquals(s.favs(), counts[1]);
        assertEquals(s.carts(), counts[2]);
        assertEquals(s.buys(), counts[3]);
    }

    @Test
    void poissonAndGamma_haveTheRightMoments() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        for (double lambda : new double[] {0.5, 8, 60}) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                int k = EventSimulator.poisson(r, lambda);
                s += k;
                s2 += (double) k * k;
            }
            double mean = s / n;
            double var = s2 / n - mean * mean;
            assertEquals(lambda, mean, 5 * Math.sqrt(lambda / n), "mean, lambda " + lambda);
            assertEquals(lambda, var, 0.03 * lambda + 0.01, "variance, lambda " + lambda);
        }
        for (double shape : new double[] {0.5, 2}) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += EventSimulator.gamma(r, shape);
            }
            // Gamma(shape, 1): mean = shape, sd = sqrt(shape)
            assertEquals(shape, s / n, 5 * Math.sqrt(shape / n));
        }
    }

    @Test
    void config_rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.builder().funnel(0.1, 1.5, 0.1, 0.1));
        assertEquals("pCart must be in [0, 1], got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.builder().users(0));
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.builder().hourProfile(new double[23]));
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.builder().hourProfile(new double[24]));
        assertThrows(IllegalArgumentException.class, () -> Promotion.of(LocalDate.now(), 0));
    }
}
