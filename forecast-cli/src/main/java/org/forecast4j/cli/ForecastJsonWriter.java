package org.forecast4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.select.AutoArimaModel;
import org.forecast4j.core.stats.BoxTest;
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

    /**
     * Writes a panel's results one at a time, as they come: the array is opened on construction, each entry is
     * flushed to the destination when written, and {@link #close} ends the array. Entries carry a
     * {@code "status"}: {@code "ok"}, {@code "fallback"} (with {@code "fallbackReason"}) or {@code "failed"}
     * ({@code {"series": key, "status": "failed", "error": reason, "errorType": exception type}}, no forecast).
     */
    static final class Streaming implements java.io.Closeable {
        private final JsonGenerator g;
        private final Writer out;

        /**
         * Opens the array.
         *
         * @param out destination; flushed, not closed
         * @throws IOException if writing fails
         */
        Streaming(Writer out) throws IOException {
            this.out = out;
            this.g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
        }

        /**
         * Writes a forecast entry.
         *
         * @param r              model and forecast
         * @param fallbackReason why a fallback forecasts, or null for status ok
         * @throws IOException if writing fails
         */
        void forecast(Result r, String fallbackReason) throws IOException {
            g.writeRaw('\n');
            writeObject(g, r, fallbackReason == null ? "ok" : "fallback", fallbackReason);
            flush();
        }

        /**
         * Writes a failed entry.
         *
         * @param key    the series key
         * @param reason why it failed
         * @param type   the exception type, or null
         * @throws IOException if writing fails
         */
        void failure(String key, String reason, String type) throws IOException {
            g.writeRaw('\n');
            g.writeStartObject();
            g.writeStringField("series", key == null ? "series" : key);
            g.writeStringField("status", "failed");
            g.writeStringField("error", reason);
            if (type != null) {
                g.writeStringField("errorType", type);
            }
            g.writeEndObject();
            flush();
        }

        private void flush() throws IOException {
            g.flush();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeRaw('\n');
            g.close();
            out.flush();
        }
    }

    private static void writeObject(JsonGenerator g, Result r) throws IOException {
        writeObject(g, r, null, null);
    }

    private static void writeObject(JsonGenerator g, Result r, String status, String fallbackReason)
            throws IOException {
        Forecast f = r.forecast;
        g.writeStartObject();
        g.writeStringField("series", f.seriesName() == null ? "series" : f.seriesName());
        if (status != null) {
            g.writeStringField("status", status);
            if (fallbackReason != null) {
                g.writeStringField("fallbackReason", fallbackReason);
            }
        }
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
        if (r.model instanceof FittedArima) {
            writeArimaFit(g, (FittedArima) r.model);
        } else if (r.model instanceof ArimaXreg.Fitted && ((ArimaXreg.Fitted) r.model).autoArima() != null) {
            writeAutoArimaFit(g, ((ArimaXreg.Fitted) r.model).autoArima());
        } else if (r.model instanceof ArimaXreg.Fitted) {
            writeArimaFit(g, ((ArimaXreg.Fitted) r.model).arima());
        } else if (r.model instanceof AutoArimaModel) {
            writeAutoArimaFit(g, (AutoArimaModel) r.model);
        }
        g.writeEndObject();
    }

    /**
     * The {@code "fit"} object of an ARIMA model: {@code {"order": [p,d,q], "seasonalOrder": [P,D,Q], "period": s,
     * "method": "ML", ["lambda": λ, "biasAdjust": bool (Box-Cox models only)], "coefficients": {...}, "standardErrors": {...}, "sigma2", "logLikelihood", "aic", "aicc",
     * "bic", "nobs", "converged", "warnings": [...], "ljungBox": {"lag", "df", "statistic", "pValue"}}}; non-finite
     * numbers are written as null.
     */
    static void writeArimaFit(JsonGenerator g, FittedArima m) throws IOException {
        g.writeObjectFieldStart("fit");
        writeArimaFields(g, m);
        g.writeEndObject();
    }

    /**
     * The {@code "fit"} object of auto-ARIMA: the chosen model's ARIMA fields (as {@link #writeArimaFit}) followed
     * by {@code "fallback": false, "approximation": bool, "candidates": n} (models fitted by the search); when no
     * ARIMA could be fitted, {@code {"fallback": true, "fallbackModel": description, "fallbackReason": text,
     * "candidates": n}} instead.
     */
    static void writeAutoArimaFit(JsonGenerator g, AutoArimaModel m) throws IOException {
        g.writeObjectFieldStart("fit");
        if (m.arima().isPresent()) {
            writeArimaFields(g, m.arima().get());
            g.writeBooleanField("fallback", false);
            g.writeBooleanField("approximation", m.approximation());
        } else {
            g.writeBooleanField("fallback", true);
            g.writeStringField("fallbackModel", m.model().description());
            g.writeStringField("fallbackReason", m.fallbackReason());
            if (m.lambda().isPresent()) {
                g.writeNumberField("lambda", m.lambda().getAsDouble());
            }
        }
        g.writeNumberField("candidates", m.trace().size());
        g.writeEndObject();
    }

    private static void writeArimaFields(JsonGenerator g, FittedArima m) throws IOException {
        g.writeArrayFieldStart("order");
        for (int v : m.order()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("seasonalOrder");
        for (int v : m.seasonalOrder()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeNumberField("period", m.period());
        g.writeStringField("method", m.method().label());
        if (m.lambda().isPresent()) {
            // Box-Cox: coefficients, sigma2, likelihood and residual test are on the transformed scale
            g.writeNumberField("lambda", m.lambda().getAsDouble());
            g.writeBooleanField("biasAdjust", m.biasAdjusted());
        }
        g.writeObjectFieldStart("coefficients");
        for (Map.Entry<String, Double> e : m.coefficients().entrySet()) {
            g.writeFieldName(e.getKey());
            number(g, e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("standardErrors");
        for (Map.Entry<String, Double> e : m.standardErrors().entrySet()) {
            g.writeFieldName(e.getKey());
            number(g, e.getValue());
        }
        g.writeEndObject();
        g.writeFieldName("sigma2");
        number(g, m.sigma2());
        g.writeFieldName("logLikelihood");
        number(g, m.logLikelihood());
        g.writeFieldName("aic");
        number(g, m.aic());
        g.writeFieldName("aicc");
        number(g, m.aicc());
        g.writeFieldName("bic");
        number(g, m.bic());
        g.writeNumberField("nobs", m.nobs());
        g.writeBooleanField("converged", m.converged());
        g.writeArrayFieldStart("warnings");
        for (String w : m.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();
        writeLjungBox(g, m);
    }

    /**
     * {@code "ljungBox": {"lag", "df", "statistic", "pValue"}} of the residuals at R's checkresiduals lag
     * ({@link FittedArima#ljungBox()}), or {@code null} when the test is undefined (too few residuals, constant
     * residuals).
     */
    private static void writeLjungBox(JsonGenerator g, FittedArima m) throws IOException {
        BoxTest.Result lb;
        try {
            lb = m.ljungBox();
        } catch (IllegalArgumentException e) {
            g.writeNullField("ljungBox");
            return;
        }
        g.writeObjectFieldStart("ljungBox");
        g.writeNumberField("lag", lb.lag());
        g.writeNumberField("df", lb.df());
        g.writeFieldName("statistic");
        number(g, lb.statistic());
        g.writeFieldName("pValue");
        number(g, lb.pValue());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
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
