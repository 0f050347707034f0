package org.forecast4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.io.ForecastCsvWriter;
import org.forecast4j.lstm.LstmForecaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j forecast}: fits one model to each series of the input and writes point forecasts and
 * prediction intervals as CSV or JSON.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Forecast one series, or every series of a long panel (--key-column), with one model.",
        footer = {"", "Example:",
                "  forecast4j forecast --input orders.csv --date-column date \\",
                "    --value-column y --model snaive --period 7 --horizon 14 \\",
                "    --level 80 --level 95 --format json",
                "  forecast4j forecast --input panel.csv --key-column sku --date-column date \\",
                "    --model auto-arima --threads 2 --format json --output forecasts.json"})
final class ForecastCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastCommand.class);

    /** Output formats of {@code forecast}. */
    enum Format { csv, json }

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--model", paramLabel = "<name>", defaultValue = "snaive",
            description = "Model: mean, naive, snaive, drift, arima, auto-arima or lstm (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--model-file", paramLabel = "<file>",
            description = "Forecast a model saved by 'forecast4j fit --save' instead of fitting one (no --input).")
    java.nio.file.Path modelFile;

    @Option(names = "--horizon", paramLabel = "<h>",
            description = "Steps to forecast (default: 2 x period for seasonal series, else 10).")
    Integer horizon;

    @Option(names = "--level", paramLabel = "<percent>", split = ",",
            description = "Prediction-interval level in percent, in (0, 100); repeatable or comma-separated "
                    + "(default: 80 and 95).")
    List<Double> levels;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            description = "Output format: csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    CommonOptions common;

    @Option(names = "--threads", paramLabel = "<n>",
            description = "Panels: series fitted in parallel (default: available processors).")
    Integer threads;

    @Option(names = "--progress",
            description = "Draw progress bars on standard error even when it is not a terminal.")
    boolean progress;

    @Option(names = "--quiet",
            description = "No progress bars and no panel summary on standard error (errors are still printed).")
    boolean quiet;

    @Override
    public Integer call() {
        List<Level> lv = levels(levels);
        checkHorizon(horizon);
        if (threads != null && threads <= 0) {
            throw new IllegalArgumentException("--threads must be > 0, got " + threads);
        }
        boolean bars = ProgressBars.enabled(progress, quiet);
        if (modelFile != null) {
            return forecastSaved(lv);
        }
        Forecaster forecaster = parent.registry().create(model, modelOptions);
        InputOptions.Input in = input.read();
        int h = horizon(horizon, in.series.get(0));
        forecaster = LstmOptions.withHorizon(forecaster, h);
        if (in.panel != null) {
            return PanelOutput.run(this, forecaster, in, h, lv, bars);
        }
        if (threads != null) {
            throw new IllegalArgumentException("--threads applies to panels (--key-column)");
        }
        TimeSeries s = in.series.get(0);
        LOG.debug("fitting {} to {}", model, s);
        FittedModel m;
        if (bars && forecaster instanceof LstmForecaster) {
            LstmForecaster lstm = (LstmForecaster) forecaster;
            try (ProgressBars.Bar bar = ProgressBars.open(spec.commandLine().getErr(), "training",
                    lstm.config().epochs(), null)) {
                m = fit(lstm.withListener(r -> bar.update(r.epoch(), String.format(Locale.ROOT,
                        "loss %.4g", r.trainLoss()))), s, false);
            }
        } else {
            m = fit(forecaster, s, false);
        }
        Forecast f = m.forecast(h, lv);
        LOG.info("forecast 1 series with {} at horizon {}", model, h);
        writeOne(m, f, lv);
        return 0;
    }

    /** {@code --model-file}: forecasts a saved ARIMA model. */
    private Integer forecastSaved(List<Level> lv) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--model") || input.input != null
                || !modelOptions.given().isEmpty()) {
            throw new IllegalArgumentException("--model-file replaces --input, --model and the model options");
        }
        org.forecast4j.core.arima.FittedArima m = FitCommand.load(modelFile);
        int h = horizon(horizon, m.series());
        writeOne(m, m.forecast(h, lv), lv);
        return 0;
    }

    /** Writes the forecast of one series in the chosen format (a JSON array of one object, or CSV rows). */
    private void writeOne(FittedModel m, Forecast f, List<Level> lv) {
        List<ForecastJsonWriter.Result> results = List.of(new ForecastJsonWriter.Result(m, f));
        common.write(spec.commandLine().getOut(), w -> {
            try {
                if (format == Format.json) {
                    ForecastJsonWriter.write(results, w);
                } else {
                    ForecastCsvWriter csv = new ForecastCsvWriter(w, lv);
                    csv.write(f);
                    csv.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Fits a model, prefixing failures with the series key in a panel.
     */
    static FittedModel fit(Forecaster forecaster, TimeSeries s, boolean panel) {
        try {
            return forecaster.fit(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix(s, panel, e.getMessage()), e);
        } catch (ModelFitException e) {
            throw new ModelFitException(prefix(s, panel, e.getMessage()), e);
        }
    }

    private static String prefix(TimeSeries s, boolean panel, String message) {
        return panel && message != null && !message.contains("'" + s.name() + "'")
                ? "series '" + s.name() + "': " + message : message;
    }

    /**
     * Validates {@code --level} values (default 80 and 95).
     *
     * @param percents the values given, or null
     * @return sorted distinct levels
     * @throws IllegalArgumentException naming {@code --level} and the bad value
     */
    static List<Level> levels(List<Double> percents) {
        if (percents == null || percents.isEmpty()) {
            return Level.of(80, 95);
        }
        double[] p = new double[percents.size()];
        for (int i = 0; i < p.length; i++) {
            double v = percents.get(i);
            if (!(v > 0 && v < 100)) {
                throw new IllegalArgumentException("--level must be in (0, 100), got " + Main.number(v));
            }
            p[i] = v;
        }
        return Level.of(p);
    }

    /**
     * Validates {@code --horizon}, or picks the default: twice the seasonal period, or 10 without seasonality
     * (as R's forecast functions).
     *
     * @param given  the flag's value or null
     * @param series a series whose period sets the default
     * @return the horizon
     * @throws IllegalArgumentException if the given horizon is not positive
     */
    static int horizon(Integer given, TimeSeries series) {
        checkHorizon(given);
        if (given == null) {
            return series.period() > 1 ? 2 * series.period() : 10;
        }
        return given;
    }

    /**
     * Checks a given {@code --horizon}.
     *
     * @param given the flag's value or null
     * @throws IllegalArgumentException if not positive
     */
    static void checkHorizon(Integer given) {
        if (given != null && given <= 0) {
            throw new IllegalArgumentException("--horizon must be > 0, got " + given);
        }
    }
}
