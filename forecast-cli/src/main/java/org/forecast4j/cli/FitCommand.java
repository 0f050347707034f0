package org.forecast4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j fit}: fits an ARIMA model to one series, prints its {@code "fit"} JSON object and, with
 * {@code --save}, writes the whole fitted model as JSON (format {@code forecast4j-arima}, version 1) for
 * {@code forecast --model-file}.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true, description = "Fit an ARIMA model to one series and optionally save it as JSON.",
        footer = {"", "Example:",
                "  forecast4j fit --input y.csv --value-column y --model arima --order 1,1,1 --seasonal-order 0,1,1 \\",
                "      --period 7 --save model.json",
                "  forecast4j forecast --model-file model.json --horizon 14 --format json"})
final class FitCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--model", paramLabel = "<name>", defaultValue = "arima",
            description = "Model to fit: arima (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--save", paramLabel = "<file>", description = "Write the fitted model as JSON to this file.")
    Path save;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Forecaster forecaster = parent.registry().create(model, modelOptions);
        InputOptions.Input in = input.read();
        if (in.series.size() != 1) {
            throw new IllegalArgumentException("fit takes one series, got " + in.series.size()
                    + " (drop --key-column)");
        }
        TimeSeries s = in.series.get(0);
        FittedModel m = ForecastCommand.fit(forecaster, s, false);
        FittedArima a;
        if (m instanceof FittedArima) {
            a = (FittedArima) m;
        } else if (m instanceof ArimaXreg.Fitted) {
            a = ((ArimaXreg.Fitted) m).arima();
        } else {
            throw new IllegalArgumentException("fit supports --model arima, got '" + model + "'");
        }
        if (save != null) {
            try {
                Files.writeString(save, a.toJson() + "\n", StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UncheckedIOException(save + ": cannot write: no such directory", e);
            } catch (IOException e) {
                throw new UncheckedIOException(save + ": cannot write: " + e.getMessage(), e);
            }
        }
        common.write(spec.commandLine().getOut(), w -> {
            try (com.fasterxml.jackson.core.JsonGenerator g = com.fasterxml.jackson.core.JsonFactory.builder().build()
                    .createGenerator(w)) {
                g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeStringField("series", s.name() == null ? "series" : s.name());
                g.writeStringField("model", a.description());
                ForecastJsonWriter.writeArimaFit(g, a);
                g.writeEndObject();
                g.flush();
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    /**
     * Reads a model saved by {@code fit --save}.
     *
     * @param file the JSON file
     * @return the model
     * @throws IllegalArgumentException naming the file if it cannot be read or is not a saved ARIMA model
     */
    static FittedArima load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--model-file " + file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return FittedArima.fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model-file " + file + ": " + e.getMessage(), e);
        }
    }
}
