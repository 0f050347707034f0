package org.forecast4j.cli.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.forecast4j.lstm.LstmConfig;

/**
 * Settings of one demo run: where the events come from (the seeded simulator or a file), the backtest and
 * forecast horizon, the LSTM recipe and the budget. Immutable; {@link #standard} and {@link #quick} give the two
 * built-in sizes, {@code with…} methods change one setting.
 */
public final class DemoConfig {

    /** First simulated day of the standard configuration. */
    static final LocalDate STANDARD_START = LocalDate.of(2017, 8, 26);
    /** First simulated day of the quick configuration. */
    static final LocalDate QUICK_START = LocalDate.of(2017, 10, 2);
    /** Last simulated day (the forecast starts the day after; Double 12 lies 9 days ahead). */
    static final LocalDate HISTORY_END = LocalDate.of(2017, 12, 3);
    /** Traffic multiplier of a simulated promotion day (11.11 and 12.12). */
    static final double PROMOTION_LIFT = 2.5;

    final long seed;
    final int users;
    final int categories;
    final LocalDate start;
    final int days;
    final int horizon;
    final int folds;
    final int step;
    final double budget;
    final int lstmLookback;
    final int lstmHidden;
    final int lstmEpochs;
    final Path events;
    final ZoneId zone;
    final boolean quick;

    private DemoConfig(long seed, int users, int categories, LocalDate start, int days, int horizon, int folds,
                       int step, double budget, int lstmLookback, int lstmHidden, int lstmEpochs, Path events,
                       ZoneId zone, boolean quick) {
        this.seed = seed;
        this.users = users;
        this.categories = categories;
        this.start = start;
        this.days = days;
        this.horizon = horizon;
        this.folds = folds;
        this.step = step;
        this.budget = budget;
        this.lstmLookback = lstmLookback;
        this.lstmHidden = lstmHidden;
        this.lstmEpochs = lstmEpochs;
        this.events = events;
        this.zone = zone;
        this.quick = quick;
    }

    /**
     * The standard demo: 6,000 simulated users, 5 categories, 100 days (2017-08-26 to 2017-12-03, with Singles'
     * Day 11.11 in the history and Double 12 ahead), horizon 14, 3 backtest folds 7 days apart, LSTM with look-back
     * 21, 16 hidden units and 40 epochs, budget 20,000.
     *
     * @return the configuration
     */
    public static DemoConfig standard() {
        return new DemoConfig(42, 6000, 5, STANDARD_START, daysBetween(STANDARD_START), 14, 3, 7, 20_000, 21, 16, 40,
                null, ZoneId.of("Asia/Shanghai"), false);
    }

    /**
     * A small configuration for tests: 1,500 users, 3 categories, 63 days (from 2017-10-02), 2 folds, LSTM with
     * look-back 7, 8 hidden units and 6 epochs.
     *
     * @return the configuration
     */
    public static DemoConfig quick() {
        return new DemoConfig(42, 1500, 3, QUICK_START, daysBetween(QUICK_START), 14, 2, 7, 20_000, 7, 8, 6, null,
                ZoneId.of("Asia/Shanghai"), true);
    }

    private static int daysBetween(LocalDate from) {
        return (int) (HISTORY_END.toEpochDay() - from.toEpochDay()) + 1;
    }

    /**
     * With another seed.
     *
     * @param s the simulator's and the LSTM's seed
     * @return the new configuration
     */
    public DemoConfig withSeed(long s) {
        return new DemoConfig(s, users, categories, start, days, horizon, folds, step, budget, lstmLookback,
                lstmHidden, lstmEpochs, events, zone, quick);
    }

    /**
     * With another horizon (forecast and backtest).
     *
     * @param h days, &ge; 1
     * @return the new configuration
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public DemoConfig withHorizon(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("--horizon must be > 0, got " + h);
        }
        return new DemoConfig(seed, users, categories, start, days, h, folds, step, budget, lstmLookback, lstmHidden,
                lstmEpochs, events, zone, quick);
    }

    /**
     * With another budget.
     *
     * @param b budget, finite and &gt; 0
     * @return the new configuration
     * @throws IllegalArgumentException if the budget is not finite and positive
     */
    public DemoConfig withBudget(double b) {
        if (!(b > 0) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("--budget must be finite and > 0, got " + b);
        }
        return new DemoConfig(seed, users, categories, start, days, horizon, folds, step, b, lstmLookback,
                lstmHidden, lstmEpochs, events, zone, quick);
    }

    /**
     * Reading events from a Taobao-layout file instead of simulating them.
     *
     * @param file the event file (user,item,category,type,unix seconds; .gz allowed)
     * @param z    zone of the day boundaries
     * @return the new configuration
     */
    public DemoConfig withEvents(Path file, ZoneId z) {
        return new DemoConfig(seed, users, categories, start, days, horizon, folds, step, budget, lstmLookback,
                lstmHidden, lstmEpochs, Objects.requireNonNull(file, "file"), Objects.requireNonNull(z, "zone"),
                quick);
    }

    /**
     * The LSTM configuration: direct strategy over the horizon, one small layer, seeded.
     *
     * @return the configuration
     */
    public LstmConfig lstm() {
        return LstmConfig.builder().lookback(lstmLookback).horizon(horizon).hidden(lstmHidden).epochs(lstmEpochs)
                .batchSize(16).learningRate(0.01).patience(8).seed(seed).build();
    }

    /**
     * Budget.
     *
     * @return budget
     */
    public double budget() {
        return budget;
    }

    /**
     * Forecast and backtest horizon in days.
     *
     * @return horizon
     */
    public int horizon() {
        return horizon;
    }

    /**
     * Seed.
     *
     * @return seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Whether this is the quick test configuration.
     *
     * @return true for {@link #quick()}
     */
    public boolean isQuick() {
        return quick;
    }

    /**
     * The event file, or null when simulating.
     *
     * @return file or null
     */
    public Path events() {
        return events;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DemoConfig[seed=%d, users=%d, categories=%d, %s + %d days, horizon=%d, "
                + "folds=%d, budget=%s, events=%s%s]", seed, users, categories, start, days, horizon, folds, budget,
                events, quick ? ", quick" : "");
    }
}
