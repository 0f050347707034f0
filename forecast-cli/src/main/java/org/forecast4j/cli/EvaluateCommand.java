package org.forecast4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.backtest.Backtest;
import org.forecast4j.core.backtest.BacktestListener;
import org.forecast4j.core.backtest.BacktestResult;
import org.forecast4j.core.backtest.WindowType;
import org.forecast4j.core.metrics.Metric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j evaluate}: rolling-origin backtest of several models on a series or a panel, reported as a
 * metrics table (or JSON / CSV).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Backtest models with rolling forecast origins and print their accuracy per model.",
                "Origins are t = initial, initial + step, ... while t + horizon <= n; at each origin every model is "
                        + "fitted on the window before t and forecasts the next horizon steps."},
        footer = {"", "Example:",
                "  forecast4j evaluate --input orders.csv --date-column date \\",
                "    --value-column y --model snaive,naive,drift,mean \\",
                "    --horizon 14 --step 7 --folds 20"})
final class EvaluateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);
    static final String DEFAULT_METRICS = "mae,rmse,mape,smape,mase,coverage";

    /** Output formats of {@code evaluate}. */
    enum Format { table, json, csv }

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--model", paramLabel = "<name>", split = ",",
            description = "Models to compare, comma-separated and/or repeatable: mean, naive, snaive, drift, arima, "
                    + "auto-arima, lstm (default: snaive,naive,drift,mean).")
    List<String> models;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--horizon", paramLabel = "<h>",
            description = "Steps forecast at each origin (default: 2 x period for seasonal series, else 10).")
    Integer horizon;

    @Option(names = "--initial", paramLabel = "<n>",
            description = "Observations before the first origin; the window length with --window sliding "
                    + "(default: half of the shortest series).")
    Integer initial;

    @Option(names = "--step", paramLabel = "<s>", defaultValue = "1",
            description = "Steps between consecutive origins (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--folds", paramLabel = "<k>", defaultValue = "0",
            description = "Keep only the last k origins of each series (default: 0 = all that fit).")
    int folds;

    @Option(names = "--window", paramLabel = "expanding|sliding", defaultValue = "expanding",
            description = "Training window: expanding (from the first observation) or sliding (the last "
                    + "--initial observations) (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--level", paramLabel = "<percent>", split = ",",
            description = "Interval levels for interval metrics, in (0, 100); repeatable (default: 80 and 95).")
    List<Double> levels;

    @Option(names = "--metrics", paramLabel = "<list>", split = ",", defaultValue = DEFAULT_METRICS,
            description = "Metrics to report, comma-separated: mae, mse, rmse, mape, smape, mase, wape, coverage, "
                    + "msis, pinball, or all (default: ${DEFAULT-VALUE}).")
    List<String> metrics;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--threads", paramLabel = "<n>",
            description = "Worker threads of the backtest (default: available processors).")
    Integer threads;

    @Option(names = "--m4", paramLabel = "<train.csv>",
            description = "M4 mode: training series in the M4 wide layout (id, then values). Each model forecasts "
                    + "--horizon steps once per series and is scored as the M4 competition (sMAPE, MASE, OWA "
                    + "against Naive2); --period defaults to the competition's (1 for h = 6, 13, 14; 4 for 8; "
                    + "12 for 18; 24 for 48). Models: naive2 and those of --model (default naive,snaive,naive2).")
    Path m4;

    @Option(names = "--m4-test", paramLabel = "<test.csv>",
            description = "M4 mode: the held-out values, same ids in the same order (default horizon: the shortest row).")
    Path m4Test;

    @Option(names = "--m4-forecasts", paramLabel = "<name>=<file.csv>",
            description = "M4 mode: score point forecasts made elsewhere (M4 layout: id, F1..Fh) as model <name>; "
                    + "repeatable.")
    Map<String, Path> m4Forecasts;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (m4 != null || m4Test != null) {
            return callM4();
        }
        List<Level> lv = ForecastCommand.levels(levels);
        ForecastCommand.checkHorizon(horizon);
        requirePositive(initial, "--initial");
        requirePositive(step, "--step");
        requirePositive(threads, "--threads");
        if (folds < 0) {
            throw new IllegalArgumentException("--folds must be >= 0, got " + folds);
        }
        WindowType windowType = windowType(window);
        List<Metric> chosen = metrics(metrics);
        Map<String, Forecaster> forecasters = forecasters(parent.registry(), models, modelOptions);

        InputOptions.Input in = input.read();
        int h = ForecastCommand.horizon(horizon, in.series.get(0));
        forecasters = LstmOptions.withHorizon(forecasters, h);
        int shortest = Integer.MAX_VALUE;
        for (TimeSeries s : in.series) {
            shortest = Math.min(shortest, s.length());
        }
        int init = initial != null ? initial : Math.max(1, shortest / 2);
        Backtest.Builder b = Backtest.builder().initialWindow(init).horizon(h).step(step).window(windowType)
                .folds(folds).levels(lv).metrics(EnumSet.copyOf(chosen));
        if (threads != null) {
            b.parallelism(threads);
        }
        if (common.verbose) {
            b.listener(progress());
        }
        Backtest bt = b.build();
        LOG.info("backtest {} on {} series: {}", forecasters.keySet(), in.series.size(), bt);
        BacktestResult result = in.panel != null ? bt.run(forecasters, in.panel) : bt.run(forecasters, in.series.get(0));
        for (Map.Entry<String, String> e : result.skippedSeries().entrySet()) {
            LOG.warn("series '{}' skipped: {}", e.getKey(), e.getValue());
        }
        common.write(spec.commandLine().getOut(), w -> {
            try {
                switch (format) {
                    case json:
                        EvaluationReport.json(result, chosen, w);
                        break;
                    case csv:
                        EvaluationReport.csv(result, chosen, w);
                        break;
                    default:
                        EvaluationReport.table(result, chosen, w);
                        break;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    /** M4 mode: see {@link M4Evaluation}. */
    private Integer callM4() {
        if (input.input != null) {
            throw new IllegalArgumentException("--input cannot be combined with --m4 (M4 mode reads --m4 and --m4-test)");
        }
        Map<String, Path> external = new LinkedHashMap<>();
        if (m4Forecasts != null) {
            for (Map.Entry<String, Path> e : m4Forecasts.entrySet()) {
                external.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        M4Evaluation.Result r = M4Evaluation.run(m4, m4Test, horizon, input.period, models, external,
                parent.registry(), modelOptions);
        common.write(spec.commandLine().getOut(), w -> r.write(format, w));
        return 0;
    }

    private static BacktestListener progress() {
        return (done, total) -> {
            // log at each tenth of the run
            if (done * 10L / total != (done - 1) * 10L / total) {
                LOG.info("backtest progress: {}/{} tasks", done, total);
            }
        };
    }

    private static void requirePositive(Integer value, String flag) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(flag + " must be > 0, got " + value);
        }
    }

    static WindowType windowType(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("expanding")) {
            return WindowType.EXPANDING;
        }
        if (t.equals("sliding")) {
            return WindowType.SLIDING;
        }
        throw new IllegalArgumentException("--window must be expanding or sliding, got '" + text + "'");
    }

    /**
     * Parses {@code --metrics}: metric ids, or {@code all}; order and duplicates do not matter.
     */
    static List<Metric> metrics(List<String> names) {
        Set<Metric> out = EnumSet.noneOf(Metric.class);
        for (String n : names) {
            if (n.trim().equalsIgnoreCase("all")) {
                out.addAll(EnumSet.allOf(Metric.class));
                continue;
            }
            try {
                out.add(Metric.parse(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--metrics: " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--metrics must name at least one metric");
        }
        return new ArrayList<>(out);
    }

    /**
     * The forecasters of {@code --model} values, by normalised name, in order, without duplicates.
     */
    static Map<String, Forecaster> forecasters(ModelRegistry registry, List<String> names, ModelOptions options) {
        List<String> list = names == null || names.isEmpty() ? List.of("snaive", "naive", "drift", "mean") : names;
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (String n : list) {
            String key = n.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--model has an empty name in '" + String.join(",", list) + "'");
            }
            keys.add(key);
        }
        // each model reads the flags it knows; a flag no chosen model reads is rejected
        return registry.createAll(new ArrayList<>(keys), options);
    }
}
