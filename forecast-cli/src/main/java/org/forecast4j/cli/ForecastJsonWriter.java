package org.forecast4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;

/**
 * Writes forecasts as a JSON array with one object per series (always an array, also for one series), each object
 * on its own line:
 * <pre>
 * {"series": name, "model": description,
 *  "forecast": {"horizon": h, "timestamps": [...], "mean": [...],
 *               "intervals": [{"level": 80, "lower": [...], "upper": [...]}, ...]}}
 * </pre>
 * {@code series} is the series name (the value column, or the panel key); {@code model} the fitted model's
 * description; {@code timestamps} the labels of the forecast steps (ISO dates or date-times, or indices for series
 * without dates); levels ascending, whole levels written as integers.
 */
final class ForecastJsonWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ForecastJsonWriter() {
    }

    /** A fitted model and its forecast. */
    static final class Result {
        final FittedModel model;
        final Forecast forecast;

        Result(FittedModel model, Forecast forecast) {
            this.model = model;
            this.forecast = forecast;
        }
    }

    /**
     * Writes the array.
     *
     * @param results forecasts in output order
     * @param out     destination; flushed, not closed
     * @throws IOException if writing fails
     */
    static void write(List<Result> results, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (Result r : results) {
                g.writeRaw('\n');
                writeObject(g, r);
            }
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void writeObject(JsonGenerator g, Result r) throws IOException {
        Forecast f = r.forecast;
        g.writeStartObject();
        g.writeStringField("series", f.seriesName() == null ? "series" : f.seriesName());
        g.writeStringField("model", r.model.description());
        g.writeObjectFieldStart("forecast");
        g.writeNumberField("horizon", f.horizon());
        g.writeArrayFieldStart("timestamps");
        for (String label : f.labels()) {
            g.writeString(label);
        }
        g.writeEndArray();
        writeArray(g, "mean", f.mean());
        g.writeArrayFieldStart("intervals");
        for (Level level : f.levels()) {
            g.writeStartObject();
            g.writeFieldName("level");
            writeLevel(g, level);
            writeArray(g, "lower", f.lower(level));
            writeArray(g, "upper", f.upper(level));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        // later issues add a "fit" object here, from r.model
        g.writeEndObject();
    }

    static void writeLevel(JsonGenerator g, Level level) throws IOException {
        double p = level.percent();
        if (p == Math.rint(p)) {
            g.writeNumber((long) p);
        } else {
            g.writeNumber(p);
        }
    }

    private static void writeArray(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}
