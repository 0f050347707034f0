package org.forecast4j.core.events;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A deterministic generator of realistic e-commerce behaviour, for demos, tests and benchmarks. It streams
 * events into an {@link EventHandler} (a {@link TaobaoWriter}, an {@link Aggregator}, or both with
 * {@link EventHandler#andThen}) and never holds them: memory is O(users + catalogue), so 100 million events need
 * no more memory than 1,000.
 *
 * <p><b>Model</b> (parameters in {@link SimulationConfig}). User u has an activity level
 * {@code a_u ~ Gamma(shape, 1/shape)} (mean 1; heavy-tailed for small shapes) and a channel (app 70%, web 20%,
 * mini-program 10%). On day d the expected number of page views of user u is
 * <pre>
 *   λ_ud = viewsPerUserDay · a_u · (1+g)^d · week[dow(d)] · promo_traffic(d) · exp(σ Z_d − σ²/2)
 * </pre>
 * with {@code Z_d ~ N(0,1)} shared by all users (day-level noise). The count is Poisson(λ_ud) (Knuth's method
 * below 30, a rounded normal approximation above). Each view gets an hour from the hour profile and a uniform
 * second within it, a category from a Zipf(categoryZipf) law and an item from a Zipf(itemZipf) law within the
 * category. The funnel: a view is followed by a favourite with probability pFav, by a cart with pCart (×
 * warm-up cart boost), a cart by a purchase with pBuyAfterCart, and a view directly by a purchase with
 * pBuyDirect (purchase probabilities × the promotion's buy lift or warm-up factor, capped at 1). An item
 * that is out of stock on a day (probability stockOutRate, decided by a hash of seed, item and day) gets views
 * but no carts or purchases. Follow-up events come seconds to minutes after their view.
 *
 * <p><b>Determinism.</b> Day d uses its own {@code SplittableRandom} seeded from (seed, d), and users are
 * visited in id order, so a config always gives the same events in the same order. Events of one user and day
 * are in time order except that follow-ups may overlap the next view. Timestamps are local seconds after local
 * midnight of the day in the config's zone.
 *
 * @since 0.1.0
 */
public final class EventSimulator {

    private static final String[] CHANNELS = {"app", "web", "mini"};
    private static final double[] CHANNEL_CUMULATIVE = {0.7, 0.9, 1.0};
    private static final int POISSON_KNUTH_LIMIT = 30;
    private static final int SECONDS_PER_HOUR = 3600;
    private static final int MAX_FAV_DELAY = 120;
    private static final int MAX_CART_DELAY = 300;
    private static final int MAX_BUY_DELAY = 1800;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SimulationConfig cfg;

    /**
     * A simulator for a configuration.
     *
     * @param config the parameters
     */
    public EventSimulator(SimulationConfig config) {
        this.cfg = Objects.requireNonNull(config, "config");
    }

    /**
     * Generates every event into the handler.
     *
     * @param handler receives each event (the instance is reused)
     * @return counts of what was emitted
     */
    public SimulationSummary run(EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        SimulationConfig c = cfg;
        SplittableRandom setup = new SplittableRandom(c.seed);
        double[] activity = new double[c.users];
        byte[] channel = new byte[c.users];
        for (int u = 0; u < c.users; u++) {
            activity[u] = gamma(setup, c.activityShape) / c.activityShape;
            double r = setup.nextDouble();
            int ch = 0;
            while (r >= CHANNEL_CUMULATIVE[ch]) {
                ch++;
            }
            channel[u] = (byte) ch;
        }
        double[] hourCum = cumulative(c.hourProfile);
        double[] catCum = zipfCumulative(c.categories, c.categoryZipf);
        double[] itemCum = zipfCumulative(c.itemsPerCategory, c.itemZipf);
        long[] times = new long[64];
        long[] counts = new long[6];
        BehaviorEvent ev = new BehaviorEvent();
        for (int d = 0; d < c.days; d++) {
            LocalDate date = c.start.plusDays(d);
            long midnight = date.atStartOfDay(c.zone).toEpochSecond();
            SplittableRandom rnd = new SplittableRandom(LongHashSet.mix(c.seed ^ (GOLDEN * (d + 1))));
            double traffic = Math.pow(1 + c.dailyGrowth, d) * c.weekProfile[date.getDayOfWeek().getValue() - 1];
            double cartBoost = 1;
            double buyFactor = 1;
            for (Promotion p : c.promotions) {
                long delta = date.toEpochDay() - p.date().toEpochDay();
                if (delta == 0) {
                    traffic *= p.trafficLift();
                    buyFactor *= p.buyLift();
                } else if (delta < 0 && -delta <= p.warmupDays()) {
                    traffic *= p.warmupTraffic();
                    cartBoost *= p.warmupCartBoost();
                    buyFactor *= p.warmupBuyFactor();
                } else if (delta > 0 && delta <= p.hangoverDays()) {
                    traffic *= p.hangoverTraffic();
                }
            }
            if (c.dayNoise > 0) {
                traffic *= Math.exp(c.dayNoise * rnd.nextGaussian() - 0.5 * c.dayNoise * c.dayNoise);
            }
            double pCart = Math.min(1, c.pCart * cartBoost);
            double pBuyCart = Math.min(1, c.pBuyAfterCart * buyFactor);
            double pBuyDirect = Math.min(1, c.pBuyDirect * buyFactor);
            for (int u = 0; u < c.users; u++) {
                int n = poisson(rnd, c.viewsPerUserDay * activity[u] * traffic);
                if (n == 0) {
                    continue;
                }
                if (n > times.length) {
                    times = new long[Math.max(n, 2 * times.length)];
                }
                for (int i = 0; i < n; i++) {
                    int hour = search(hourCum, rnd.nextDouble());
                    times[i] = midnight + (long) hour * SECONDS_PER_HOUR + rnd.nextInt(SECONDS_PER_HOUR);
                }
                Arrays.sort(times, 0, n);
                long user = u + 1L;
                String ch = CHANNELS[channel[u]];
                for (int i = 0; i < n; i++) {
                    long t = times[i];
                    int cat = search(catCum, rnd.nextDouble());
                    long item = (long) cat * c.itemsPerCategory + search(itemCum, rnd.nextDouble()) + 1;
                    long category = cat + 1L;
                    emit(handler, ev.set(user, item, category, BehaviorType.PV, t).channel(ch), counts, 0);
                    if (rnd.nextDouble() < c.pFav) {
                        emit(handler, ev.set(user, item, category, BehaviorType.FAV,
                                t + 1 + rnd.nextInt(MAX_FAV_DELAY)).channel(ch), counts, 1);
                    }
                    boolean inStock = !stockedOut(c.seed, item, d, c.stockOutRate);
                    if (rnd.nextDouble() < pCart) {
                        if (!inStock) {
                            counts[5]++;
                            continue;
                        }
                        long tc = t + 1 + rnd.nextInt(MAX_CART_DELAY);
                        emit(handler, ev.set(user, item, category, BehaviorType.CART, tc).channel(ch), counts, 2);
                        if (rnd.nextDouble() < pBuyCart) {
                            emit(handler, ev.set(user, item, category, BehaviorType.BUY,
                                    tc + 1 + rnd.nextInt(MAX_BUY_DELAY)).channel(ch), counts, 3);
                        }
                    } else if (rnd.nextDouble() < pBuyDirect) {
                        if (!inStock) {
                            counts[5]++;
                            continue;
                        }
                        emit(handler, ev.set(user, item, category, BehaviorType.BUY,
                                t + 1 + rnd.nextInt(MAX_CART_DELAY)).channel(ch), counts, 3);
                    }
                }
            }
        }
        long total = counts[0] + counts[1] + counts[2] + counts[3];
        return new SimulationSummary(total, counts[0], counts[1], counts[2], counts[3], counts[5]);
    }

    private static void emit(EventHandler h, BehaviorEvent e, long[] counts, int type) {
        h.onEvent(e);
        counts[type]++;
    }

    /** Whether an item is out of stock on a day: a hash of (seed, item, day) mapped to [0, 1) below the rate. */
    static boolean stockedOut(long seed, long item, int day, double rate) {
        if (rate <= 0) {
            return false;
        }
        long h = LongHashSet.mix(seed ^ LongHashSet.mix(item * GOLDEN + day));
        return (h >>> 11) * 0x1.0p-53 < rate;
    }

    /** Poisson(λ): Knuth's product of uniforms below 30, else round(λ + sqrt(λ) Z) clipped at 0. */
    static int poisson(SplittableRandom rnd, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < POISSON_KNUTH_LIMIT) {
            double limit = Math.exp(-lambda);
            double p = rnd.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= rnd.nextDouble();
                k++;
            }
            return k;
        }
        return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
    }

    /**
     * Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), "A simple method for generating gamma variables"; for
     * shape &lt; 1 via {@code Gamma(shape+1) · U^(1/shape)}.
     */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        for (int i = 0; i < w.length; i++) {
            c[i] /= s;
        }
        c[w.length - 1] = 1;
        return c;
    }

    /** Cumulative Zipf law over ranks 1..n: P(rank k) ∝ k^(-s). */
    static double[] zipfCumulative(int n, double s) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = Math.pow(k + 1, -s);
        }
        return cumulative(w);
    }

    /** Smallest index i with u &lt; cum[i] (binary search). */
    static int search(double[] cum, double u) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cum[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
