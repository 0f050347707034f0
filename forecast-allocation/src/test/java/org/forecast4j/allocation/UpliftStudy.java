package org.forecast4j.allocation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.events.BehaviorEvent;
import org.forecast4j.core.events.BehaviorType;
import org.forecast4j.core.events.EventSimulator;
import org.forecast4j.core.events.SimulationConfig;

/**
 * The uplift study of issue 7 ("Verification"): on the e-commerce simulator, how much more incremental value does
 * the forecast-driven plan realise than an even split and than last period's split, judged against the simulator's
 * true outcomes and true response curves. Deterministic for a list of seeds; {@link #main} prints the Markdown tables
 * of docs/allocation.md ("Simulation study"), {@code UpliftStudyTest} checks the study's invariants.
 *
 * <p><b>World (per seed).</b> {@link EventSimulator} with {@link #USERS} users, {@link #CATEGORIES} categories and
 * its default funnel, week profile, trend and day noise, over {@link #HISTORY} + {@link #HORIZON} days (UTC). The
 * outcome of cell (category c, channel ch, day d) is the number of purchases of category c by users of channel ch on
 * day d; the days after the history are the plan's horizon, and what the simulator emits there is the realised
 * baseline {@code b}. Each (category, channel) line has a <em>true</em> response curve — the demo's channel curve
 * (app: exponential 0.30/300, web: Hill 0.40/600/1.5, S-shaped, mini: exponential 0.20/150) with maxLift and
 * half-saturation spend multiplied by log-normal factors (σ = {@link #LINE_SPREAD}) drawn from the seed — a value per
 * purchase by category ({@link #ORDER_VALUES}) and a fulfilment capacity {@code C} per cell ({@link #CAPACITY_FACTOR}
 * × the median daily purchases of the line in the history). The realised value of spend {@code x} in a cell is
 * {@code v·[min(C, b·(1 + L_true(x))) − min(C, b)]}.
 *
 * <p><b>Plans</b>, all spending the same budget {@code B} ({@link #BUDGET_PER_CELL} per cell) over the horizon:
 * <ul>
 *   <li><b>forecast-driven</b>: {@link Allocator#solve} on cells built by {@link ForecastCells} from an
 *       ARIMA(0,1,1)(0,1,1)[7] forecast of each line (80/95% intervals as quantiles, seasonal naive if the fit
 *       fails), the known capacity, and the planner's <em>believed</em> curves: the true parameters times
 *       log-normal calibration errors (σ = {@link #CALIBRATION_ERROR});</li>
 *   <li><b>forecast-driven with the true curves</b>: the same with exact curves, isolating the cost of forecast
 *       error from that of calibration error;</li>
 *   <li><b>even split</b>: {@code B/n} in every cell;</li>
 *   <li><b>last period's split</b>: the spend shares of the previous period carried over, as budget rolls forward
 *       in practice: line (c, ch) gets {@code B·s_(c,ch)}, spread evenly over the horizon's days, where
 *       {@code s_(c,ch)} is the line's share of last period's spend. Last period's spend is taken to have followed
 *       revenue ("budget follows sales"): proportional to the line's revenue over the {@link #HORIZON} days before
 *       that period, so {@code s_(c,ch) = v_c·Σ buys_(c,ch) / Σ v·buys} over history days
 *       {@code [n − 2h, n − h)};</li>
 *   <li><b>oracle</b>: {@link Allocator#solve} on the true curves and the realised baselines — the best any plan can
 *       do (its dual bound is a proven upper bound on every plan's realised value).</li>
 * </ul>
 */
public final class UpliftStudy {

    /** Users of the simulator. */
    static final int USERS = 3000;
    /** Categories (lines = categories × 3 channels). */
    static final int CATEGORIES = 4;
    /** History days (16 weeks). */
    static final int HISTORY = 112;
    /** Planning horizon in days. */
    static final int HORIZON = 14;
    /** Average spend per cell of the budget. */
    static final double BUDGET_PER_CELL = 150;
    /** Value of a purchase by category (cycled). */
    static final double[] ORDER_VALUES = {60, 35, 80, 25};
    /** Capacity per cell as a multiple of the line's median daily purchases in the history. */
    static final double CAPACITY_FACTOR = 1.3;
    /** σ of the log-normal spread of true curve parameters across lines. */
    static final double LINE_SPREAD = 0.3;
    /** σ of the log-normal error of the planner's curve parameters (calibration error). */
    static final double CALIBRATION_ERROR = 0.15;
    /** Seeds of the documented study. */
    static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    /** Start of the simulated history. */
    static final LocalDate START = LocalDate.of(2026, 7, 1);

    private static final String[] CHANNELS = {"app", "web", "mini"};

    private UpliftStudy() {
    }

    /** Realised values of every plan on one seed. */
    static final class Outcome {
        final long seed;
        final double forecastDriven;
        final double forecastTrueCurves;
        final double even;
        final double lastPeriod;
        final double oracle;
        final double oracleBound;
        final double budget;
        final double forecastSpend;

        Outcome(long seed, double forecastDriven, double forecastTrueCurves, double even, double lastPeriod,
                double oracle, double oracleBound, double budget, double forecastSpend) {
            this.seed = seed;
            this.forecastDriven = forecastDriven;
            this.forecastTrueCurves = forecastTrueCurves;
            this.even = even;
            this.lastPeriod = lastPeriod;
            this.oracle = oracle;
            this.oracleBound = oracleBound;
            this.budget = budget;
            this.forecastSpend = forecastSpend;
        }

        double upliftOverEven() {
            return forecastDriven / even - 1;
        }

        double upliftOverLast() {
            return forecastDriven / lastPeriod - 1;
        }
    }

    /** Line curves: the channel's curve with maxLift and half-saturation scaled by the given factors. */
    static ResponseCurve curve(int channel, double liftFactor, double spendFactor) {
        switch (channel) {
            case 0:
                return ResponseCurve.exponential(0.30 * liftFactor, 300 * spendFactor);
            case 1:
                return ResponseCurve.hill(0.40 * liftFactor, 600 * spendFactor, 1.5);
            default:
                return ResponseCurve.exponential(0.20 * liftFactor, 150 * spendFactor);
        }
    }

    /** Runs the study on one seed. */
    static Outcome run(long seed) {
        int days = HISTORY + HORIZON;
        int lines = CATEGORIES * CHANNELS.length;
        SimulationConfig cfg = SimulationConfig.builder().seed(seed).users(USERS).start(START).days(days)
                .zone(ZoneOffset.UTC).catalogue(CATEGORIES, 50).build();
        // purchases per line and day: [line][day], line = category·3 + channel
        double[][] buys = new double[lines][days];
        long start = START.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        new EventSimulator(cfg).run((BehaviorEvent e) -> {
            if (e.type() == BehaviorType.BUY) {
                int d = (int) Math.floorDiv(e.epochSecond() - start, 86_400L);
                int ch = Arrays.asList(CHANNELS).indexOf(e.channel());
                if (d >= 0 && d < days && ch >= 0) {
                    buys[(int) (e.categoryId() - 1) * CHANNELS.length + ch][d]++;
                }
            }
        });
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 7);
        ResponseCurve[] truth = new ResponseCurve[lines];
        ResponseCurve[] belief = new ResponseCurve[lines];
        for (int l = 0; l < lines; l++) {
            double lf = Math.exp(LINE_SPREAD * rnd.nextGaussian());
            double sf = Math.exp(LINE_SPREAD * rnd.nextGaussian());
            truth[l] = curve(l % CHANNELS.length, lf, sf);
            belief[l] = curve(l % CHANNELS.length, lf * Math.exp(CALIBRATION_ERROR * rnd.nextGaussian()),
                    sf * Math.exp(CALIBRATION_ERROR * rnd.nextGaussian()));
        }
        int n = lines * HORIZON;
        double budget = BUDGET_PER_CELL * n;
        // forecast-driven plan
        AllocationProblem.Builder plan = AllocationProblem.builder().budget(budget);
        AllocationProblem.Builder planTrue = AllocationProblem.builder().budget(budget);
        AllocationProblem.Builder oracle = AllocationProblem.builder().budget(budget);
        List<Cell> real = new ArrayList<>(n);
        double[] lastShare = new double[lines];
        double lastTotal = 0;
        for (int l = 0; l < lines; l++) {
            int c = l / CHANNELS.length;
            double v = ORDER_VALUES[c % ORDER_VALUES.length];
            double[] hist = Arrays.copyOf(buys[l], HISTORY);
            double cap = Math.max(1, CAPACITY_FACTOR * median(hist));
            TimeSeries y = TimeSeries.daily(START, hist);
            Forecast f;
            try {
                FittedModel m = Forecasters.arima(0, 1, 1).withSeasonal(0, 1, 1, 7).fit(y);
                f = m.forecast(HORIZON, 80, 95);
            } catch (ModelFitException ex) {
                f = Forecasters.seasonalNaive().fit(y).forecast(HORIZON, 80, 95);
            }
            String segment = "category" + (c + 1);
            String channel = CHANNELS[l % CHANNELS.length];
            List<Cell> fc = ForecastCells.of(f, segment, Map.of(channel, belief[l]), v, 0).capacity(cap).build();
            plan.addCells(fc);
            planTrue.addCells(ForecastCells.of(f, segment, Map.of(channel, truth[l]), v, 0).capacity(cap).build());
            for (int t = 0; t < HORIZON; t++) {
                Cell r = Cell.builder(fc.get(t).id()).labels(fc.get(t).labels()).baseline(buys[l][HISTORY + t])
                        .curve(truth[l]).valuePerUnit(v).capacity(cap).build();
                real.add(r);
                oracle.addCell(r);
            }
            for (int d = HISTORY - 2 * HORIZON; d < HISTORY - HORIZON; d++) {
                lastShare[l] += v * buys[l][d];
            }
            lastTotal += lastShare[l];
        }
        Allocation fd = Allocator.solve(plan.build());
        Allocation best = Allocator.solve(oracle.build());
        double[] xt = Allocator.solve(planTrue.build()).spend();
        double vt = 0;
        double vf = 0;
        double ve = 0;
        double vl = 0;
        double[] x = fd.spend();
        for (int i = 0; i < n; i++) {
            Cell r = real.get(i);
            int l = i / HORIZON;
            vf += r.expectedValue(x[i]);
            vt += r.expectedValue(xt[i]);
            ve += r.expectedValue(budget / n);
            vl += r.expectedValue(budget * lastShare[l] / lastTotal / HORIZON);
        }
        return new Outcome(seed, vf, vt, ve, vl, best.objectiveValue(), best.dualBound(), budget, fd.totalSpend());
    }

    static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** Type-7 quantile (R's default): linear interpolation between order statistics. */
    static double quantile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /**
     * Prints the study's tables (Markdown) for the documented seeds.
     *
     * @param args optional output file (default: standard output)
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (long s : SEEDS) {
            out.add(run(s));
        }
        PrintStream ps = args.length > 0
                ? new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8) : System.out;
        ps.print(report(out));
        ps.flush();
    }

    /** Markdown tables: per seed, then the distribution over seeds. */
    static String report(List<Outcome> out) {
        StringBuilder sb = new StringBuilder();
        sb.append("| seed | forecast-driven | even split | last period's split | oracle | uplift vs even | "
                + "uplift vs last period |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        int k = out.size();
        double[] ue = new double[k];
        double[] ul = new double[k];
        double[] ef = new double[k];
        double[] et = new double[k];
        double[] ee = new double[k];
        double[] el = new double[k];
        for (int i = 0; i < k; i++) {
            Outcome o = out.get(i);
            ue[i] = 100 * o.upliftOverEven();
            ul[i] = 100 * o.upliftOverLast();
            ef[i] = 100 * o.forecastDriven / o.oracle;
            et[i] = 100 * o.forecastTrueCurves / o.oracle;
            ee[i] = 100 * o.even / o.oracle;
            el[i] = 100 * o.lastPeriod / o.oracle;
            sb.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f | %+.1f%% | %+.1f%% |%n", o.seed,
                    o.forecastDriven, o.even, o.lastPeriod, o.oracle, ue[i], ul[i]));
        }
        sb.append("\n| over ").append(k).append(" seeds | lower quartile | median | upper quartile | min | max |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        row(sb, "uplift of forecast-driven over even split", ue);
        row(sb, "uplift of forecast-driven over last period's split", ul);
        row(sb, "forecast-driven, % of oracle", ef);
        row(sb, "forecast-driven with the true curves, % of oracle", et);
        row(sb, "even split, % of oracle", ee);
        row(sb, "last period's split, % of oracle", el);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double[] v) {
        double min = Arrays.stream(v).min().orElse(Double.NaN);
        double max = Arrays.stream(v).max().orElse(Double.NaN);
        sb.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n", name,
                quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), min, max));
    }
}
