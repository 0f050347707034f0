package org.forecast4j.cli.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.AllocationProblem;
import org.forecast4j.allocation.Allocator;
import org.forecast4j.allocation.BaselineDistribution;
import org.forecast4j.allocation.Cell;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.backtest.Backtest;
import org.forecast4j.core.backtest.BacktestResult;
import org.forecast4j.core.backtest.FoldResult;
import org.forecast4j.core.events.AggregationResult;
import org.forecast4j.core.events.AggregationSpec;
import org.forecast4j.core.events.Aggregator;
import org.forecast4j.core.events.BadRowPolicy;
import org.forecast4j.core.events.EventSimulator;
import org.forecast4j.core.events.GroupKey;
import org.forecast4j.core.events.Measure;
import org.forecast4j.core.events.Promotion;
import org.forecast4j.core.events.ReadReport;
import org.forecast4j.core.events.SimulationConfig;
import org.forecast4j.core.events.SimulationSummary;
import org.forecast4j.core.events.TaobaoReader;
import org.forecast4j.core.features.EventCalendar;
import org.forecast4j.core.features.EventDay;
import org.forecast4j.core.features.FeatureSet;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;
import org.forecast4j.lstm.Lstm;

/**
 * The demo pipeline: events → daily purchases per category → rolling-origin backtest of seasonal naive, ARIMA with
 * promotion regressors and the LSTM on the same folds → per-series choice by MASE → forecasts with 80/95% intervals
 * → budget allocation over category × channel × day. Progress lines go to a callback (the command prints them on
 * standard error). Deterministic for a given {@link DemoConfig}.
 */
final class DemoPipeline {

    /** Interval levels of the forecasts. */
    static final double[] LEVELS = {80, 95};
    /** Quantile probabilities read from the 95% and 80% intervals and the mean, for the baseline distribution. */
    static final double[] QUANTILE_PROBABILITIES = {0.025, 0.10, 0.50, 0.90, 0.975};
    /** Assumed average order value by category rank (cycled). */
    static final double[] ORDER_VALUES = {60, 35, 80, 25, 45};
    /** Fulfilment capacity per day as a multiple of the category's median daily purchases in the history. */
    static final double CAPACITY_FACTOR = 2.0;
    /** Frontier budgets as multiples of the plan's budget. */
    static final double[] FRONTIER_MULTIPLES = {0, 0.125, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3};
    /** Warm-up and hangover days of the promotion regressors (as the simulator's {@link Promotion#of}). */
    static final int WARMUP = 7;
    /** Hangover days of the promotion regressors. */
    static final int HANGOVER = 3;
    /** Name of the promotion regressors ({@code promo}, {@code promo_warmup}, {@code promo_hangover}). */
    static final String PROMO = "promo";

    private static final String SNAIVE = "snaive";
    private static final String ARIMA = "arima";
    private static final String LSTM = "lstm";

    private final DemoConfig cfg;
    private final Consumer<String> progress;

    DemoPipeline(DemoConfig cfg, Consumer<String> progress) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The promotion days shared by history and future: 6.18, 11.11 and 12.12 of every year in range. */
    static EventDay promotionDays(int fromYear, int toYear) {
        List<LocalDate> dates = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            dates.add(LocalDate.of(y, 6, 18));
            dates.add(LocalDate.of(y, 11, 11));
            dates.add(LocalDate.of(y, 12, 12));
        }
        return new EventDay(PROMO, dates, WARMUP, HANGOVER);
    }

    /**
     * The ARIMA contestant: a regression with ARIMA errors on the promotion regressors, the orders chosen by
     * auto-ARIMA (R's {@code auto.arima(y, xreg = x, approximation = TRUE)}: stepwise search, AICc, d and D by the
     * unit-root tests on the regression residuals, the regressors in every candidate). The CSS approximation during
     * the search, which R uses by default only for series longer than 150, halves the demo's run time on its
     * 100-day series (docs/demo.md).
     */
    static Forecaster arima(FeatureSet features) {
        AutoArima auto = AutoArima.builder().approximation(true).build();
        return new RegressionArima(features, RegressionArima.autoArima(auto));
    }

    /** The models of the backtest, in report order. */
    Map<String, Forecaster> models(FeatureSet features) {
        Map<String, Forecaster> m = new LinkedHashMap<>();
        m.put(SNAIVE, Forecasters.seasonalNaive());
        m.put(ARIMA, arima(features));
        m.put(LSTM, Lstm.forecaster(cfg.lstm()));
        return m;
    }

    DemoResult run() {
        double[] seconds = new double[4];
        long t0 = System.nanoTime();
        double[] shares = new double[Channel.ALL.size()];
        String[] source = new String[1];
        Panel panel = load(shares, source);
        boolean measured = shares[0] >= 0;
        if (!measured) {
            for (int c = 0; c < shares.length; c++) {
                shares[c] = Channel.ALL.get(c).share();
            }
        }
        TimeSeries first = panel.get(panel.keys().get(0));
        int n = first.length();
        LocalDate historyStart = first.timestamp(0).toLocalDate();
        LocalDate historyEnd = first.timestamp(n - 1).toLocalDate();
        int h = cfg.horizon;
        LocalDate horizonEnd = historyEnd.plusDays(h);
        EventDay promo = promotionDays(historyStart.getYear(), horizonEnd.getYear());
        FeatureSet features = FeatureSet.of(EventCalendar.of(promo));
        List<LocalDate> upcoming = new ArrayList<>();
        for (LocalDate d : promo.dates()) {
            if (d.isAfter(historyEnd) && !d.isAfter(horizonEnd)) {
                upcoming.add(d);
            }
        }
        seconds[0] = lap(t0);

        // backtest: as many folds as fit (at most cfg.folds); the LSTM holds out about a horizon for validation
        int minTrain = Math.max(cfg.lstmLookback + 2 * h + 4, 3 * first.period());
        int folds = cfg.folds;
        while (folds > 1 && n - h - cfg.step * (folds - 1) < minTrain) {
            folds--;
        }
        int initial = n - h - cfg.step * (folds - 1);
        if (initial < minTrain) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the series have %d days (%s to %s); "
                    + "the demo needs at least %d (%d to train the first fold + horizon %d): use longer data or a "
                    + "smaller --horizon", n, historyStart, historyEnd, minTrain + h, minTrain, h));
        }
        long t1 = System.nanoTime();
        Map<String, Forecaster> models = models(features);
        int[] lastTenth = {-1};
        Backtest bt = Backtest.builder().initialWindow(initial).horizon(h).step(cfg.step).folds(folds)
                .levels(LEVELS).listener((done, total) -> {
                    int tenth = (int) (10L * done / total);
                    if (tenth != lastTenth[0]) {
                        lastTenth[0] = tenth;
                        progress.accept(String.format(Locale.ROOT, "backtest: %d/%d fits done", done, total));
                    }
                }).build();
        progress.accept(String.format(Locale.ROOT, "backtest: %s on %d series × %d folds of %d days (first origin "
                + "%s)…", String.join(", ", models.keySet()), panel.size(), folds, h,
                first.timestamp(initial).toLocalDate()));
        BacktestResult result = bt.run(models, panel);
        for (String m : models.keySet()) {
            int failed = result.failureCount(m);
            if (failed > 0) {
                String why = "";
                for (FoldResult f : result.failures()) {
                    if (f.model().equals(m)) {
                        why = f.failure().orElse("");
                        break;
                    }
                }
                progress.accept(String.format(Locale.ROOT, "backtest: %s failed on %d of %d folds (first: %s); it is "
                        + "only chosen for series where it fitted every fold", m, failed, result.foldCount(m), why));
            }
        }
        seconds[1] = lap(t1);

        // choose per series by MASE among models that fitted every fold; forecast with the choice
        long t2 = System.nanoTime();
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, Forecast> forecasts = new LinkedHashMap<>();
        Map<String, FittedModel> fittedModels = new LinkedHashMap<>();
        for (String key : panel.keys()) {
            String best = choose(result, key, new ArrayList<>(models.keySet()));
            progress.accept("forecast: " + key + " with " + best + "…");
            Forecast f;
            String desc;
            FittedModel fitted;
            try {
                fitted = models.get(best).fit(panel.get(key));
                f = fitted.forecast(h, LEVELS);
                desc = fitted.description();
            } catch (RuntimeException e) {
                progress.accept("forecast: " + best + " failed on the whole history of " + key + " ("
                        + e.getMessage() + "); using snaive");
                best = SNAIVE;
                fitted = models.get(SNAIVE).fit(panel.get(key));
                f = fitted.forecast(h, LEVELS);
                desc = fitted.description();
            }
            chosen.put(key, best);
            descriptions.put(key, desc);
            forecasts.put(key, f);
            fittedModels.put(key, fitted);
        }
        seconds[2] = lap(t2);

        // allocation
        long t3 = System.nanoTime();
        progress.accept("allocation: " + panel.size() * Channel.ALL.size() * h
                + " cells (category × channel × day)…");
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> capacity = new LinkedHashMap<>();
        int rank = 0;
        for (String key : panel.keys()) {
            values.put(key, ORDER_VALUES[rank++ % ORDER_VALUES.length]);
            double med = median(panel.get(key).values());
            capacity.put(key, med > 0 ? CAPACITY_FACTOR * med : Double.POSITIVE_INFINITY);
        }
        AllocationProblem problem = problem(panel.keys(), forecasts, shares, values, capacity, cfg.budget);
        Allocation plan = Allocator.solve(problem);
        double even = evenSplitValue(problem);
        double[] budgets = new double[FRONTIER_MULTIPLES.length];
        for (int i = 0; i < budgets.length; i++) {
            budgets[i] = FRONTIER_MULTIPLES[i] * cfg.budget;
        }
        List<Allocation> frontier = Allocator.frontier(problem, budgets);
        double[] fv = new double[budgets.length];
        for (int i = 0; i < fv.length; i++) {
            fv[i] = frontier.get(i).objectiveValue();
        }
        seconds[3] = lap(t3);
        return new DemoResult(source[0], panel, upcoming, shares, measured, result,
                new ArrayList<>(models.keySet()), chosen, descriptions, fittedModels, forecasts, values, capacity, plan,
                even,
                budgets, fv, seconds);
    }

    /** The allocation problem: one cell per (category, channel, day) in that order. */
    static AllocationProblem problem(List<String> keys, Map<String, Forecast> forecasts, double[] shares,
                                     Map<String, Double> values, Map<String, Double> capacity, double budget) {
        AllocationProblem.Builder b = AllocationProblem.builder().budget(budget);
        for (String key : keys) {
            Forecast f = forecasts.get(key);
            double[] mean = f.mean();
            double[] lo95 = f.lower(95);
            double[] lo80 = f.lower(80);
            double[] hi80 = f.upper(80);
            double[] hi95 = f.upper(95);
            List<String> labels = f.labels();
            for (int c = 0; c < Channel.ALL.size(); c++) {
                Channel ch = Channel.ALL.get(c);
                double s = shares[c];
                for (int t = 0; t < mean.length; t++) {
                    double m = Math.max(0, mean[t]) * s;
                    double[] q = {lo95[t], lo80[t], mean[t], hi80[t], hi95[t]};
                    for (int k = 0; k < q.length; k++) {
                        q[k] = Math.max(0, q[k]) * s;
                    }
                    BaselineDistribution base = m > 0 && q[q.length - 1] > 0
                            ? BaselineDistribution.fromQuantiles(m, QUANTILE_PROBABILITIES, q)
                            : BaselineDistribution.ofMean(m);
                    Map<String, String> lab = new LinkedHashMap<>();
                    lab.put("category", key);
                    lab.put("channel", ch.name());
                    lab.put("date", labels.get(t));
                    b.addCell(Cell.builder(key + "|" + ch.name() + "|" + labels.get(t)).labels(lab).baseline(base)
                            .curve(ch.curve()).valuePerUnit(values.get(key)).capacity(capacity.get(key) * s)
                            .build());
                }
            }
        }
        return b.build();
    }

    /** Expected incremental value when every cell gets budget / cells. */
    static double evenSplitValue(AllocationProblem problem) {
        List<Cell> cells = problem.cells();
        double x = problem.budget() / cells.size();
        double v = 0;
        for (Cell c : cells) {
            v += c.expectedValue(x);
        }
        return v;
    }

    /** The model with the smallest MASE over the series' folds among those that fitted every fold. */
    static String choose(BacktestResult r, String key, List<String> models) {
        String best = SNAIVE;
        double bestMase = Double.POSITIVE_INFINITY;
        for (String m : models) {
            boolean allOk = true;
            for (FoldResult f : r.folds(m, key)) {
                allOk &= f.succeeded();
            }
            if (!allOk) {
                continue;
            }
            MetricValue v = r.accuracy(m, key).get(Metric.MASE);
            if (v.isDefined() && v.value() < bestMase) {
                bestMase = v.value();
                best = m;
            }
        }
        return best;
    }

    private Panel load(double[] shares, String[] source) {
        AggregationSpec.Builder spec = AggregationSpec.builder().measure(Measure.buys()).frequency(Frequency.DAILY)
                .zone(cfg.zone);
        Aggregator byCategory = Aggregator.of(spec.by(GroupKey.category()).keyNames(id -> "category " + id).build());
        Aggregator byChannel = Aggregator.of(spec.by(GroupKey.channel()).keyNames(id -> Long.toString(id)).build());
        if (cfg.events == null) {
            SimulationConfig sc = SimulationConfig.builder().seed(cfg.seed).users(cfg.users).start(cfg.start)
                    .days(cfg.days).zone(cfg.zone).catalogue(cfg.categories, 100)
                    .promotion(Promotion.of(LocalDate.of(2017, 11, 11), DemoConfig.PROMOTION_LIFT))
                    .promotion(Promotion.of(LocalDate.of(2017, 12, 12), DemoConfig.PROMOTION_LIFT)).build();
            progress.accept(String.format(Locale.ROOT, "simulating %d days of behaviour of %,d users in %d categories "
                    + "(seed %d, promotions 2017-11-11 and 2017-12-12)…", cfg.days, cfg.users, cfg.categories,
                    cfg.seed));
            SimulationSummary s = new EventSimulator(sc).run(byCategory.andThen(byChannel));
            source[0] = String.format(Locale.ROOT, "simulated: %,d users, %d categories, %s to %s, seed %d, "
                    + "%,d events (%,d purchases); promotions on 2017-11-11 and 2017-12-12 (traffic ×%s)",
                    cfg.users, cfg.categories, cfg.start, cfg.start.plusDays(cfg.days - 1), cfg.seed, s.events(),
                    s.buys(), DemoConfig.PROMOTION_LIFT);
        } else {
            progress.accept("reading events from " + cfg.events + "…");
            ReadReport rep = TaobaoReader.of(cfg.events).withPolicy(BadRowPolicy.SKIP)
                    .read(byCategory.andThen(byChannel));
            source[0] = String.format(Locale.ROOT, "%s: %,d events read, %,d bad rows skipped", cfg.events,
                    rep.events(), rep.badRows());
        }
        progress.accept("aggregating daily purchases per category…");
        AggregationResult cats = byCategory.result();
        if (cats.panel().size() == 0) {
            throw new IllegalArgumentException("no purchases in the events: nothing to forecast");
        }
        int[] range = activeRange(cats.panel());
        Panel panel = topCategories(cats.panel(), range, cfg.categories);
        measureShares(byChannel.result().panel(), shares);
        return panel;
    }

    /** Channel shares of purchases in {@link Channel#ALL} order, or -1 in shares[0] when the events have none. */
    private static void measureShares(Panel byChannel, double[] shares) {
        double total = 0;
        double[] sums = new double[shares.length];
        for (TimeSeries s : byChannel) {
            double sum = 0;
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    sum += v;
                }
            }
            total += sum;
            for (int c = 0; c < shares.length; c++) {
                if (Channel.ALL.get(c).name().equals(s.name())) {
                    sums[c] += sum;
                }
            }
        }
        double known = 0;
        for (double v : sums) {
            known += v;
        }
        if (total <= 0 || known < 0.5 * total) {
            shares[0] = -1;
            return;
        }
        for (int c = 0; c < shares.length; c++) {
            shares[c] = sums[c] / known;
        }
    }

    /**
     * The longest run of days whose total (over categories) is at least 5% of the median day: trims stray
     * timestamps far from the bulk of the data (the Taobao sample has a few).
     */
    static int[] activeRange(Panel p) {
        int n = p.get(p.keys().get(0)).length();
        double[] total = new double[n];
        for (TimeSeries s : p) {
            for (int i = 0; i < n; i++) {
                double v = s.get(i);
                if (!Double.isNaN(v)) {
                    total[i] += v;
                }
            }
        }
        double threshold = 0.05 * median(total);
        int bestFrom = 0;
        int bestLen = 0;
        int from = -1;
        for (int i = 0; i <= n; i++) {
            boolean active = i < n && total[i] > 0 && total[i] >= threshold;
            if (active && from < 0) {
                from = i;
            } else if (!active && from >= 0) {
                if (i - from > bestLen) {
                    bestLen = i - from;
                    bestFrom = from;
                }
                from = -1;
            }
        }
        return new int[] {bestFrom, bestFrom + bestLen};
    }

    /** The {@code k} categories with the most purchases over the range, most first, missing days as 0. */
    static Panel topCategories(Panel p, int[] range, int k) {
        List<TimeSeries> list = new ArrayList<>();
        for (TimeSeries s : p) {
            if (s.name().startsWith("category ")) {
                TimeSeries w = s.window(range[0], range[1]);
                double[] v = w.values();
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        v[i] = 0;
                    }
                }
                list.add(w.withValues(v).build());
            }
        }
        list.sort(Comparator.comparingDouble((TimeSeries s) -> -sum(s.values())));
        return Panel.of(list.subList(0, Math.min(k, list.size())));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    static double median(double[] v) {
        double[] c = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (c.length == 0) {
            return 0;
        }
        int m = c.length / 2;
        return c.length % 2 == 1 ? c[m] : 0.5 * (c[m - 1] + c[m]);
    }

    private static double lap(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

}
