package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * {@code --lambda number|auto}, {@code --biasadj} for {@code --model arima} and {@code auto-arima}, and {@code --xreg}
 * with {@code auto-arima}: the JSON reports the lambda, forecasts are back-transformed, regressors enter every
 * candidate, and bad values exit with code 2 and a one-line message.
 */
class BoxCoxXregCommandTest {

    private static final int N = 120;
    private static final int H = 7;

    @TempDir
    Path dir;

    /** A positive series exp(4 + AR(1)) plus a promotion effect every 9th day; the regressor file has N + H rows. */
    private Path[] files(boolean withZero) throws IOException {
        Random r = new Random(11);
        StringBuilder ys = new StringBuilder("y\n");
        StringBuilder xs = new StringBuilder("date,promo\n");
        double u = 0;
        for (int t = 0; t < N + H; t++) {
            double promo = t % 9 == 0 ? 1 : 0;
            u = 0.6 * u + 0.1 * r.nextGaussian();
            if (t < N) {
                double y = withZero && t == 17 ? 0 : Math.exp(4 + u + 0.5 * promo);
                ys.append(y).append('\n');
            }
            xs.append("d").append(t).append(',').append(promo).append('\n');
        }
        Path y = dir.resolve(withZero ? "y0.csv" : "y.csv");
        Path x = dir.resolve("x.csv");
        Files.writeString(y, ys.toString());
        Files.writeString(x, xs.toString());
        return new Path[] {y, x};
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static void assertBadInput(String[] r, String fragment) {
        assertEquals(Integer.toString(Main.EXIT_BAD_INPUT), r[0], r[2]);
        assertTrue(r[2].contains(fragment), r[2]);
        assertEquals(1, r[2].trim().split("\n").length, "one-line error: " + r[2]);
    }

    @Test
    void forecast_arimaLambdaZero_reportsLambdaAndPositiveForecasts() throws IOException {
        Path[] f = files(false);
        String[] r = run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "arima",
                "--order", "1,0,0", "--lambda", "0", "--biasadj", "--horizon", "5", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]).get(0);
        assertEquals(0.0, o.get("fit").get("lambda").asDouble(), 0.0);
        assertTrue(o.get("fit").get("biasAdjust").asBoolean());
        assertTrue(o.get("model").asText().contains("Box-Cox lambda = 0"), o.get("model").asText());
        // the intercept is on the log scale (~4), the forecasts on the original scale (~e^4)
        assertEquals(4.0, o.get("fit").get("coefficients").get("intercept").asDouble(), 0.3);
        for (JsonNode m : o.get("forecast").get("mean")) {
            assertTrue(m.asDouble() > 20 && m.asDouble() < 200, m.toString());
        }
    }

    @Test
    void forecast_autoArimaLambdaAutoWithXreg_usesRegressorsAndReportsLambda() throws IOException {
        Path[] f = files(false);
        String[] r = run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "auto-arima",
                "--lambda", "auto", "--xreg", f[1].toString(), "--horizon", Integer.toString(H), "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]).get(0);
        JsonNode fit = o.get("fit");
        assertFalse(fit.get("fallback").asBoolean());
        assertTrue(fit.has("lambda"), fit.toString());
        assertTrue(fit.get("coefficients").has("promo"), fit.toString());
        assertTrue(o.get("model").asText().startsWith("Regression with ARIMA"), o.get("model").asText());
        // steps 1..7 are t = 120..126: t = 126 (step 7) is a promotion day, about e^0.5 = 1.65 times the others
        JsonNode mean = o.get("forecast").get("mean");
        double ratio = mean.get(6).asDouble() / mean.get(5).asDouble();
        assertEquals(Math.exp(0.5), ratio, 0.2);
        // the regressor file must cover the horizon
        String[] shortFile = run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model",
                "auto-arima", "--xreg", f[1].toString(), "--horizon", "10");
        assertBadInput(shortFile, "needs 130");
    }

    @Test
    void forecast_badLambda_exitsTwoWithOneLineError() throws IOException {
        Path[] f = files(false);
        assertBadInput(run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "arima",
                "--lambda", "foo"), "--lambda must be a number or 'auto', got 'foo'");
        assertBadInput(run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "auto-arima",
                "--lambda", "foo"), "--lambda must be a number or 'auto'");
        assertBadInput(run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "auto-arima",
                "--biasadj"), "--biasadj needs --lambda");
        assertBadInput(run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "naive",
                "--lambda", "0"), "--lambda does not apply");
    }

    @Test
    void forecast_lambdaOnNonPositiveData_exitsTwoNamingTheValue() throws IOException {
        Path[] f = files(true);
        assertBadInput(run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "arima",
                "--order", "1,0,0", "--lambda", "0"), "x[17] = 0");
        assertBadInput(run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "auto-arima",
                "--lambda", "-0.5"), "x[17] = 0");
    }

    @Test
    void fitSave_boxCoxModel_reloadsWithLambdaAndSameForecast() throws IOException {
        Path[] f = files(false);
        Path model = dir.resolve("model.json");
        String[] fit = run("fit", "--input", f[0].toString(), "--value-column", "y", "--model", "arima", "--order",
                "1,0,0", "--lambda", "0.5", "--save", model.toString());
        assertEquals("0", fit[0], fit[2]);
        assertEquals(0.5, new ObjectMapper().readTree(fit[1]).get("fit").get("lambda").asDouble(), 0.0);
        String[] a = run("forecast", "--input", f[0].toString(), "--value-column", "y", "--model", "arima", "--order",
                "1,0,0", "--lambda", "0.5", "--horizon", "6", "--format", "json");
        String[] b = run("forecast", "--model-file", model.toString(), "--horizon", "6", "--format", "json");
        assertEquals("0", b[0], b[2]);
        assertEquals(new ObjectMapper().readTree(a[1]).get(0).get("forecast"),
                new ObjectMapper().readTree(b[1]).get(0).get("forecast"));
    }
}
