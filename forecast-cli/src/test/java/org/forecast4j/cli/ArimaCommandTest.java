package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forecast --model arima}: flags, the JSON "fit" object and error messages. */
class ArimaCommandTest {

    @TempDir
    Path dir;

    private Path series() throws IOException {
        // a seeded ARIMA(1,1,0) path
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder("y\n");
        double level = 100;
        double u = 0;
        for (int i = 0; i < 150; i++) {
            u = 0.5 * u + r.nextGaussian();
            level += u;
            sb.append(level).append('\n');
        }
        Path p = dir.resolve("y.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void forecast_arimaJson_hasFitObject() throws IOException {
        String[] r = run("forecast", "--input", series().toString(), "--value-column", "y", "--model", "arima",
                "--order", "1,1,0", "--method", "ml", "--include-drift", "true", "--horizon", "5", "--level", "80",
                "--level", "95", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]).get(0);
        JsonNode fit = o.get("fit");
        assertEquals("ML", fit.get("method").asText());
        assertEquals(1, fit.get("order").get(0).asInt());
        assertEquals(1, fit.get("order").get(1).asInt());
        assertTrue(fit.get("coefficients").has("ar1") && fit.get("coefficients").has("drift"));
        assertTrue(fit.get("standardErrors").get("ar1").asDouble() > 0);
        assertTrue(fit.get("converged").asBoolean());
        double aic = fit.get("aic").asDouble();
        assertEquals(-2 * fit.get("logLikelihood").asDouble() + 2 * 3, aic, 1e-9);
        assertEquals("ARIMA(1,1,0) with drift", o.get("model").asText());
        assertEquals(5, o.get("forecast").get("mean").size());
    }

    @Test
    void forecast_badOrder_failsWithFlagInMessage() throws IOException {
        String[] r = run("forecast", "--input", series().toString(), "--value-column", "y", "--model", "arima",
                "--order", "1,x,0");
        assertTrue(!"0".equals(r[0]));
        assertTrue(r[2].contains("--order"), r[2]);
        r = run("forecast", "--input", series().toString(), "--value-column", "y", "--model", "arima",
                "--method", "bayes");
        assertTrue(r[2].contains("--method"), r[2]);
        r = run("forecast", "--input", series().toString(), "--value-column", "y", "--model", "naive",
                "--order", "1,0,0");
        assertTrue(r[2].contains("--order does not apply"), r[2]);
    }

    @Test
    void forecast_xreg_usesFutureRows() throws IOException {
        // y = 5 promo + AR(1) noise; the forecast must add 5 on promotion days
        Random r = new Random(7);
        int n = 120;
        int h = 7;
        StringBuilder ys = new StringBuilder("y\n");
        StringBuilder xs = new StringBuilder("date,promo\n");
        double u = 0;
        for (int t = 0; t < n + h; t++) {
            double promo = t % 9 == 0 ? 1 : 0;
            u = 0.5 * u + 0.3 * r.nextGaussian();
            if (t < n) {
                ys.append(10 + 5 * promo + u).append('\n');
            }
            xs.append("d").append(t).append(',').append(promo).append('\n');
        }
        Path y = dir.resolve("ys.csv");
        Path x = dir.resolve("x.csv");
        Files.writeString(y, ys.toString());
        Files.writeString(x, xs.toString());
        String[] out = run("forecast", "--input", y.toString(), "--value-column", "y", "--model", "arima", "--order",
                "1,0,0", "--xreg", x.toString(), "--horizon", "7", "--format", "json");
        assertEquals("0", out[0], out[2]);
        JsonNode o = new ObjectMapper().readTree(out[1]).get(0);
        assertEquals(5.0, o.get("fit").get("coefficients").get("promo").asDouble(), 0.2);
        assertEquals("Regression with ARIMA(1,0,0) errors", o.get("model").asText());
        JsonNode mean = o.get("forecast").get("mean");
        // steps 1..7 are t = 120..126: only t = 126 (step 7) is a promotion day (t % 9 == 0)
        assertEquals(10.0, mean.get(5).asDouble(), 0.5);
        assertEquals(5.0, mean.get(6).asDouble() - mean.get(5).asDouble(), 0.3);
        out = run("forecast", "--input", y.toString(), "--value-column", "y", "--model", "arima", "--order", "1,0,0",
                "--xreg", x.toString(), "--horizon", "10", "--format", "json");
        assertTrue(out[2].contains("needs 130"), out[2]);
    }

    @Test
    void fitSave_thenForecastModelFile_givesSameForecast() throws IOException {
        Path y = series();
        Path model = dir.resolve("model.json");
        String[] fit = run("fit", "--input", y.toString(), "--value-column", "y", "--model", "arima", "--order",
                "1,1,1", "--method", "ml", "--save", model.toString());
        assertEquals("0", fit[0], fit[2]);
        assertEquals("ML", new ObjectMapper().readTree(fit[1]).get("fit").get("method").asText());
        String[] a = run("forecast", "--input", y.toString(), "--value-column", "y", "--model", "arima", "--order",
                "1,1,1", "--method", "ml", "--horizon", "6", "--format", "json");
        String[] b = run("forecast", "--model-file", model.toString(), "--horizon", "6", "--format", "json");
        assertEquals("0", b[0], b[2]);
        assertEquals(new ObjectMapper().readTree(a[1]).get(0).get("forecast"),
                new ObjectMapper().readTree(b[1]).get(0).get("forecast"));
        String[] c = run("forecast", "--model-file", y.toString(), "--horizon", "6");
        assertTrue(c[2].contains("--model-file"), c[2]);
        String[] d = run("forecast", "--horizon", "6");
        assertTrue(d[2].contains("--input"), d[2]);
    }

    @Test
    void bench_json_reportsMsPerFit() throws IOException {
        String[] r = run("bench", "--input", series().toString(), "--value-column", "y", "--model", "arima",
                "--order", "1,1,0", "--repeat", "3", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]);
        assertEquals(3, o.get("repeat").asInt());
        JsonNode ms = o.get("msPerFit");
        assertTrue(ms.get("min").asDouble() > 0 && ms.get("min").asDouble() <= ms.get("median").asDouble()
                && ms.get("median").asDouble() <= ms.get("max").asDouble());
        r = run("bench", "--input", series().toString(), "--value-column", "y", "--repeat", "0");
        assertTrue(r[2].contains("--repeat must be > 0"), r[2]);
    }
}
