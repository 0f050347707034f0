package org.forecast4j.core.events;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * Parameters of the {@link EventSimulator}. Immutable; build with {@link #builder()}; every setter validates.
 *
 * <table>
 * <caption>Parameters (defaults)</caption>
 * <tr><th>parameter</th><th>meaning</th><th>default</th></tr>
 * <tr><td>seed</td><td>random seed; equal configs give identical event streams</td><td>42</td></tr>
 * <tr><td>users</td><td>number of users (ids 1..users)</td><td>10,000</td></tr>
 * <tr><td>start, days</td><td>first local date and number of days</td><td>2017-11-25, 9</td></tr>
 * <tr><td>zone</td><td>zone of the local clock</td><td>Asia/Shanghai</td></tr>
 * <tr><td>categories, itemsPerCategory</td><td>catalogue size; item ids are
 *     {@code category × itemsPerCategory + rank}</td><td>50, 200</td></tr>
 * <tr><td>categoryZipf, itemZipf</td><td>Zipf exponents of category and item popularity</td><td>1.0, 1.1</td></tr>
 * <tr><td>viewsPerUserDay</td><td>mean page views of an average user per day</td><td>8</td></tr>
 * <tr><td>activityShape</td><td>Gamma shape of user activity (mean 1); small = heterogeneous</td><td>0.5</td></tr>
 * <tr><td>hourProfile</td><td>24 relative weights of the hour of day</td><td>night trough, evening peak</td></tr>
 * <tr><td>weekProfile</td><td>7 multipliers, Monday first</td><td>weekend +8–10%</td></tr>
 * <tr><td>dailyGrowth</td><td>trend: traffic × (1 + g)<sup>day</sup></td><td>0.002</td></tr>
 * <tr><td>pFav, pCart</td><td>probability that a view leads to a favourite / a cart</td><td>0.03, 0.06</td></tr>
 * <tr><td>pBuyAfterCart, pBuyDirect</td><td>purchase after a cart / straight from a view</td><td>0.3, 0.005</td></tr>
 * <tr><td>stockOutRate</td><td>probability that an item is out of stock on a day (no carts, no buys)</td>
 *     <td>0.02</td></tr>
 * <tr><td>dayNoise</td><td>σ of the log-normal day-level traffic noise (mean 1)</td><td>0.05</td></tr>
 * <tr><td>promotions</td><td>{@link Promotion}s with warm-up and hangover</td><td>none</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class SimulationConfig {

    /** Default hour-of-day weights: low at night, peaks late morning and 20:00–22:00 (Taobao-like). */
    static final double[] DEFAULT_HOURS = {0.6, 0.35, 0.2, 0.12, 0.1, 0.12, 0.25, 0.5, 0.8, 1.0, 1.1, 1.05, 1.0,
        1.05, 1.1, 1.1, 1.05, 1.0, 1.0, 1.2, 1.45, 1.55, 1.4, 1.0};
    /** Default day-of-week multipliers, Monday first. */
    static final double[] DEFAULT_WEEK = {1.0, 0.98, 0.97, 0.98, 1.0, 1.08, 1.1};

    private static final int HOURS = 24;
    private static final int DAYS_OF_WEEK = 7;

    final long seed;
    final int users;
    final LocalDate start;
    final int days;
    final ZoneId zone;
    final int categories;
    final int itemsPerCategory;
    final double categoryZipf;
    final double itemZipf;
    final double viewsPerUserDay;
    final double activityShape;
    final double[] hourProfile;
    final double[] weekProfile;
    final double dailyGrowth;
    final double pFav;
    final double pCart;
    final double pBuyAfterCart;
    final double pBuyDirect;
    final double stockOutRate;
    final double dayNoise;
    final List<Promotion> promotions;

    private SimulationConfig(Builder b) {
        seed = b.seed;
        users = b.users;
        start = b.start;
        days = b.days;
        zone = b.zone;
        categories = b.categories;
        itemsPerCategory = b.itemsPerCategory;
        categoryZipf = b.categoryZipf;
        itemZipf = b.itemZipf;
        viewsPerUserDay = b.viewsPerUserDay;
        activityShape = b.activityShape;
        hourProfile = b.hourProfile.clone();
        weekProfile = b.weekProfile.clone();
        dailyGrowth = b.dailyGrowth;
        pFav = b.pFav;
        pCart = b.pCart;
        pBuyAfterCart = b.pBuyAfterCart;
        pBuyDirect = b.pBuyDirect;
        stockOutRate = b.stockOutRate;
        dayNoise = b.dayNoise;
        promotions = Collections.unmodifiableList(new ArrayList<>(b.promotions));
    }

    /**
     * A builder with the defaults of the table above.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the seed.
     *
     * @return seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the number of users.
     *
     * @return users
     */
    public int users() {
        return users;
    }

    /**
     * Returns the first date.
     *
     * @return start date
     */
    public LocalDate start() {
        return start;
    }

    /**
     * Returns the number of days.
     *
     * @return days
     */
    public int days() {
        return days;
    }

    /**
     * Returns the zone.
     *
     * @return zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the promotions.
     *
     * @return promotions
     */
    public List<Promotion> promotions() {
        return promotions;
    }

    /**
     * Expected number of page views over the run, ignoring noise and promotions:
     * {@code users × viewsPerUserDay × Σ_d (1+g)^d × week(d)}.
     *
     * @return expected page views
     */
    public double expectedPageViews() {
        double s = 0;
        for (int d = 0; d < days; d++) {
            s += Math.pow(1 + dailyGrowth, d) * weekProfile[start.plusDays(d).getDayOfWeek().getValue() - 1];
        }
        return users * viewsPerUserDay * s;
    }

    /** One-shot builder; setters validate at once. */
    public static final class Builder {
        private long seed = 42;
        private int users = 10_000;
        private LocalDate start = LocalDate.of(2017, 11, 25);
        private int days = 9;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private int categories = 50;
        private int itemsPerCategory = 200;
        private double categoryZipf = 1.0;
        private double itemZipf = 1.1;
        private double viewsPerUserDay = 8;
        private double activityShape = 0.5;
        private double[] hourProfile = DEFAULT_HOURS.clone();
        private double[] weekProfile = DEFAULT_WEEK.clone();
        private double dailyGrowth = 0.002;
        private double pFav = 0.03;
        private double pCart = 0.06;
        private double pBuyAfterCart = 0.3;
        private double pBuyDirect = 0.005;
        private double stockOutRate = 0.02;
        private double dayNoise = 0.05;
        private final List<Promotion> promotions = new ArrayList<>();

        private Builder() {
        }

        private static double prob(double p, String name) {
            Checks.requireArgument(p >= 0 && p <= 1, "%s must be in [0, 1], got %s", name, p);
            return p;
        }

        private static double nonNegative(double v, String name) {
            Checks.requireArgument(Double.isFinite(v) && v >= 0, "%s must be finite and >= 0, got %s", name, v);
            return v;
        }

        private static double[] profile(double[] w, int n, String name) {
            Objects.requireNonNull(w, name);
            Checks.requireArgument(w.length == n, "%s must have %d weights, got %d", name, n, w.length);
            double s = 0;
            for (int i = 0; i < n; i++) {
                nonNegative(w[i], name + "[" + i + "]");
                s += w[i];
            }
            Checks.requireArgument(s > 0, "%s must have a positive weight", name);
            return w.clone();
        }

        /**
         * Sets the seed.
         *
         * @param s seed
         * @return this builder
         */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /**
         * Sets the number of users.
         *
         * @param n users, &ge; 1
         * @return this builder
         */
        public Builder users(int n) {
            users = Checks.requirePositive(n, "users");
            return this;
        }

        /**
         * Sets the first local date.
         *
         * @param d date
         * @return this builder
         */
        public Builder start(LocalDate d) {
            start = Objects.requireNonNull(d, "start");
            return this;
        }

        /**
         * Sets the number of days.
         *
         * @param n days, &ge; 1
         * @return this builder
         */
        public Builder days(int n) {
            days = Checks.requirePositive(n, "days");
            return this;
        }

        /**
         * Sets the zone of the local clock.
         *
         * @param z zone
         * @return this builder
         */
        public Builder zone(ZoneId z) {
            zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /**
         * Sets the catalogue size.
         *
         * @param nCategories categories, &ge; 1
         * @param perCategory items per category, &ge; 1
         * @return this builder
         */
        public Builder catalogue(int nCategories, int perCategory) {
            categories = Checks.requirePositive(nCategories, "categories");
            itemsPerCategory = Checks.requirePositive(perCategory, "itemsPerCategory");
            return this;
        }

        /**
         * Sets the Zipf exponents of popularity.
         *
         * @param category exponent for categories, &ge; 0 (0 = uniform)
         * @param item     exponent for items within a category, &ge; 0
         * @return this builder
         */
        public Builder zipf(double category, double item) {
            categoryZipf = nonNegative(category, "categoryZipf");
            itemZipf = nonNegative(item, "itemZipf");
            return this;
        }

        /**
         * Sets the mean page views per average user and day.
         *
         * @param v views, &ge; 0
         * @return this builder
         */
        public Builder viewsPerUserDay(double v) {
            viewsPerUserDay = nonNegative(v, "viewsPerUserDay");
            return this;
        }

        /**
         * Sets the Gamma shape of user activity.
         *
         * @param shape &gt; 0; activity ~ Gamma(shape, 1/shape), mean 1, variance 1/shape
         * @return this builder
         */
        public Builder activityShape(double shape) {
            Checks.requireArgument(Double.isFinite(shape) && shape > 0, "activityShape must be > 0, got %s", shape);
            activityShape = shape;
            return this;
        }

        /**
         * Sets the 24 hour-of-day weights (normalised internally).
         *
         * @param w weights, hour 0 first. Not modified.
         * @return this builder
         */
        public Builder hourProfile(double[] w) {
            hourProfile = profile(w, HOURS, "hourProfile");
            return this;
        }

        /**
         * Sets the 7 day-of-week multipliers, Monday first.
         *
         * @param w multipliers. Not modified.
         * @return this builder
         */
        public Builder weekProfile(double[] w) {
            weekProfile = profile(w, DAYS_OF_WEEK, "weekProfile");
            return this;
        }

        /**
         * Sets the daily growth rate of traffic.
         *
         * @param g growth per day, &gt; -1
         * @return this builder
         */
        public Builder dailyGrowth(double g) {
            Checks.requireArgument(Double.isFinite(g) && g > -1, "dailyGrowth must be > -1, got %s", g);
            dailyGrowth = g;
            return this;
        }

        /**
         * Sets the funnel probabilities.
         *
         * @param fav       P(favourite | view)
         * @param cart      P(cart | view)
         * @param buyAfterCart P(buy | cart)
         * @param buyDirect P(buy without cart | view)
         * @return this builder
         */
        public Builder funnel(double fav, double cart, double buyAfterCart, double buyDirect) {
            pFav = prob(fav, "pFav");
            pCart = prob(cart, "pCart");
            pBuyAfterCart = prob(buyAfterCart, "pBuyAfterCart");
            pBuyDirect = prob(buyDirect, "pBuyDirect");
            return this;
        }

        /**
         * Sets the daily stock-out probability of an item.
         *
         * @param p probability in [0, 1]
         * @return this builder
         */
        public Builder stockOutRate(double p) {
            stockOutRate = prob(p, "stockOutRate");
            return this;
        }

        /**
         * Sets the day-level log-normal noise.
         *
         * @param sigma σ &ge; 0 (0 = no noise)
         * @return this builder
         */
        public Builder dayNoise(double sigma) {
            dayNoise = nonNegative(sigma, "dayNoise");
            return this;
        }

        /**
         * Adds a promotion.
         *
         * @param p the promotion
         * @return this builder
         */
        public Builder promotion(Promotion p) {
            promotions.add(Objects.requireNonNull(p, "promotion"));
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         */
        public SimulationConfig build() {
            return new SimulationConfig(this);
        }
    }
}
