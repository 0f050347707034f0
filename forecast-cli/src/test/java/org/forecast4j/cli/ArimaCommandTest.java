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
}
