package org.forecast4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.lstm.LstmForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j bench}: times {@code --repeat} fits of one model on one series in this process after a
 * warm-up of as many fits, and prints milliseconds per fit (median, min, max). A user-facing way to compare with
 * R on one's own data; JMH (the {@code benchmarks} module) stays the reference for kernels. With
 * {@code --model lstm} it prints milliseconds per training epoch, with {@code --model auto-arima} series per
 * second over a directory of series or a panel ({@link BenchModels}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true, description = {"Time repeated fits of one model on one series (ms per fit); --model lstm: ms per "
                + "training epoch; --model auto-arima: series per second over a directory of CSV files or a panel."},
        footer = {"", "Example:",
                "  forecast4j bench --model arima --order 5,1,2 --input y.csv --value-column y --repeat 50",
                "  forecast4j bench --model lstm --hidden 64 --lookback 28 --batch 32 --epochs 20 --input y.csv",
                "  forecast4j bench --model auto-arima --input series_dir/ --threads 2 --format json"})
final class BenchCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--model", paramLabel = "<name>", defaultValue = "arima",
            description = "Model to fit (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--repeat", paramLabel = "<N>", defaultValue = "20",
            description = "Timed fits, after as many warm-up fits (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--horizon", paramLabel = "<h>",
            description = "LSTM: outputs of the network (default: the LSTM default, 14).")
    Integer horizon;

    @Option(names = "--threads", paramLabel = "<n>",
            description = "auto-ARIMA: series fitted in parallel (default: 1).")
    Integer threads;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (repeat <= 0) {
            throw new IllegalArgumentException("--repeat must be > 0, got " + repeat);
        }
        if (threads != null && threads <= 0) {
            throw new IllegalArgumentException("--threads must be > 0, got " + threads);
        }
        Forecaster forecaster = parent.registry().create(model, modelOptions);
        if (forecaster instanceof AutoArima) {
            return BenchModels.seriesPerSecond(this, forecaster);
        }
        if (threads != null) {
            throw new IllegalArgumentException("--threads applies to --model auto-arima");
        }
        if (horizon != null && !(forecaster instanceof LstmForecaster)) {
            throw new IllegalArgumentException("--horizon applies to --model lstm");
        }
        if (forecaster instanceof LstmForecaster) {
            ForecastCommand.checkHorizon(horizon);
            if (horizon != null) {
                forecaster = LstmOptions.withHorizon(forecaster, horizon);
            }
            return BenchModels.msPerEpoch(this, (LstmForecaster) forecaster);
        }
        InputOptions.Input in = input.read();
        if (in.series.size() != 1) {
            throw new IllegalArgumentException("bench takes one series, got " + in.series.size());
        }
        TimeSeries s = in.series.get(0);
        FittedModel m = null;
        for (int i = 0; i < repeat; i++) {
            m = ForecastCommand.fit(forecaster, s, false);
        }
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            m = ForecastCommand.fit(forecaster, s, false);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = repeat % 2 == 1 ? ms[repeat / 2] : 0.5 * (ms[repeat / 2 - 1] + ms[repeat / 2]);
        String description = m.description();
        common.write(spec.commandLine().getOut(), w -> {
            try {
                if (format == Format.json) {
                    w.write(String.format(Locale.ROOT,
                            "{\"model\": \"%s\", \"n\": %d, \"repeat\": %d, \"msPerFit\": {\"median\": %s, \"min\": %s, "
                                    + "\"max\": %s}}%n", description.replace("\"", "\\\""), s.length(), repeat,
                            median, ms[0], ms[repeat - 1]));
                } else {
                    w.write(String.format(Locale.ROOT, "%s, n=%d: %.3f ms per fit (median of %d; min %.3f, max %.3f)%n",
                            description, s.length(), median, repeat, ms[0], ms[repeat - 1]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }
}
