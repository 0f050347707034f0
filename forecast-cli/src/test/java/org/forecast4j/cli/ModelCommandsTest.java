package org.forecast4j.cli;

import static org.forecast4j.cli.CliRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.stats.BoxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line wiring of auto-ARIMA, the LSTM, panel forecasting and the Ljung–Box diagnostics: every flag,
 * the JSON shapes, failures inside a panel and bad input (one line on stderr, exit code 2).
 */
class ModelCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Tiny network settings: the tests check wiring, not accuracy, and must stay fast. */
    private static final String[] TINY_LSTM = {"--model", "lstm", "--lookback", "7", "--hidden", "3",
        "--epochs", "2", "--batch", "8", "--seed", "11"};

    @TempDir
    Path tmp;

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String[] args(String[] first, String... more) {
        String[] out = new String[first.length + more.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }

    private static Map<String, String> rReference() throws IOException {
        // Reference: R 4.2.2 forecast 8.20, script src/test/resources/cli/auto_arima_daily.R
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(resource("auto_arima_daily.txt")), StandardCharsets.UTF_8)) {
            String[] kv = line.split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    // ---- auto-ARIMA -------------------------------------------------------------------------------------------

    @Test
    void forecastAutoArima_daily_choosesRsModelWithFitObject() throws IOException {
        Map<String, String> ref = rReference();
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "auto-arima", "--horizon", "7",
                "--format", "json").ok();
        JsonNode fit = json(r.out).get(0).get("fit");
        assertEquals(ref.get("order"), join(fit.get("order")));
        assertEquals(ref.get("seasonalOrder"), join(fit.get("seasonalOrder")));
        assertEquals(7, fit.get("period").asInt());
        // R's optimiser and ours agree to 1e-4 in the log-likelihood on clean cases (conformance README)
        assertEquals(Double.parseDouble(ref.get("aicc")), fit.get("aicc").asDouble(), 1e-3);
        assertFalse(fit.get("fallback").asBoolean());
        assertTrue(fit.get("candidates").asInt() >= 5, "the stepwise search fits at least its start models");
        assertTrue(fit.get("coefficients").has("sar1"));
        JsonNode lb = fit.get("ljungBox");
        assertEquals(Integer.parseInt(ref.get("lb_lag")), lb.get("lag").asInt());
        assertEquals(Integer.parseInt(ref.get("lb_df")), lb.get("df").asInt());
        // residuals from optima agreeing to ~1e-4: the statistic agrees to a few percent
        double stat = Double.parseDouble(ref.get("lb_statistic"));
        assertEquals(stat, lb.get("statistic").asDouble(), 0.03 * stat);
        assertEquals(Double.parseDouble(ref.get("lb_p")), lb.get("pValue").asDouble(), 0.02);
    }

    @Test
    void forecastAutoArima_shortSeries_reportsFallback() throws IOException {
        // a constant series: R's auto.arima returns a degenerate ARIMA(0,0,0) with sigma2 = 0; forecast4j uses the
        // documented mean-model fallback and says so
        Path f = tmp.resolve("constant.csv");
        Files.writeString(f, "y\n5\n5\n5\n5\n5\n5\n");
        CliRun r = CliRun.run("forecast", "--input", f.toString(), "--model", "auto-arima", "--horizon", "2",
                "--format", "json").ok();
        JsonNode o = json(r.out).get(0);
        JsonNode fit = o.get("fit");
        assertTrue(fit.get("fallback").asBoolean());
        assertFalse(fit.get("fallbackReason").asText().isEmpty());
        assertFalse(fit.has("order"), "no ARIMA chosen");
        for (JsonNode v : o.get("forecast").get("mean")) {
            assertTrue(Double.isFinite(v.asDouble()));
        }
    }

    @Test
    void forecastAutoArima_flags_restrictTheSearch() {
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "auto-arima", "--ic", "bic",
                "--stepwise", "false", "--max-p", "1", "--max-q", "1", "--max-order", "2", "--seasonal", "false",
                "--horizon", "3", "--format", "json").ok();
        JsonNode fit = json(r.out).get(0).get("fit");
        assertEquals("0,0,0", join(fit.get("seasonalOrder")), "--seasonal false");
        assertTrue(fit.get("order").get(0).asInt() <= 1 && fit.get("order").get(2).asInt() <= 1, "--max-p/--max-q");
        // full search over p + q <= 2 with and without constant: at most 2 x 4 models plus the refit
        assertTrue(fit.get("candidates").asInt() <= 9, fit.toString());
    }

    @Test
    void forecastAutoArima_badFlagValues_exitTwoWithOneLine() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "auto-arima", "--ic", "hqic")
                .badInput("--ic must be aicc, aic or bic, got 'hqic'");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "auto-arima", "--max-p", "-1")
                .badInput("--max-p must be >= 0, got -1");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "auto-arima", "--order", "1,0,0")
                .badInput("--order does not apply to --model auto-arima");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "snaive", "--ic", "aic")
                .badInput("--ic does not apply to --model snaive");
    }

    @Test
    void evaluateAutoArimaAndLstm_besideSnaive_reportEachModel() {
        CliRun r = CliRun.run(args(new String[] {"evaluate", "--input", resource("daily.csv"), "--model",
            "auto-arima", "--model", "snaive", "--horizon", "3", "--initial", "28", "--step", "2", "--format",
            "json"}, TINY_LSTM)).ok();
        JsonNode models = json(r.out).get("models");
        assertEquals(3, models.size(), r.out);
        assertEquals("auto-arima", models.get(0).get("model").asText());
        assertEquals("snaive", models.get(1).get("model").asText());
        assertEquals("lstm", models.get(2).get("model").asText());
        for (JsonNode m : models) {
            assertEquals(0, m.get("failures").asInt(), m.toString());
            assertTrue(m.get("metrics").get("mase").asDouble() > 0, m.toString());
        }
    }

    // ---- ARIMA Ljung-Box --------------------------------------------------------------------------------------

    @Test
    void forecastArima_json_hasLjungBoxWithModelDegreesOfFreedom() {
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "arima", "--order", "1,1,1",
                "--horizon", "3", "--format", "json").ok();
        JsonNode lb = json(r.out).get(0).get("fit").get("ljungBox");
        // period 7: lag = min(2 * 7, round(35 / 5)) = 7; df = lag - (p + q) = 5
        assertEquals(7, lb.get("lag").asInt());
        assertEquals(5, lb.get("df").asInt());
        TimeSeries y = TimeSeries.builder(column("daily.csv")).period(7).build();
        FittedArima m = Arima.of(1, 1, 1).fit(y);
        double[] res = m.residuals();
        // independent of FittedArima.ljungBox: the Box-Ljung statistic of the residuals after the first d = 1
        BoxTest.Result direct = BoxTest.ljungBox(java.util.Arrays.copyOfRange(res, 1, res.length), 7, 2);
        assertEquals(direct.statistic(), lb.get("statistic").asDouble(), 1e-12);
        assertEquals(direct.pValue(), lb.get("pValue").asDouble(), 1e-12);
    }

    private static double[] column(String name) {
        try {
            return Files.readAllLines(Path.of(resource(name))).stream().skip(1).filter(l -> !l.isBlank())
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- panels -----------------------------------------------------------------------------------------------

    @Test
    void forecastPanel_failingSeries_isAnEntryAndTheRunGoesOn() {
        CliRun r = CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key",
                "--model", "snaive", "--horizon", "3", "--format", "json", "--threads", "2");
        assertEquals(0, r.code, r.err);
        JsonNode root = json(r.out);
        assertEquals(3, root.size());
        assertEquals("a", root.get(0).get("series").asText());
        assertEquals("ok", root.get(0).get("status").asText());
        assertEquals(3, root.get(0).get("forecast").get("mean").size());
        JsonNode b = root.get(1);
        assertEquals("b", b.get("series").asText());
        assertEquals("failed", b.get("status").asText());
        assertTrue(b.get("error").asText().contains("needs at least 8 observations"), b.toString());
        assertEquals("IllegalArgumentException", b.get("errorType").asText());
        assertFalse(b.has("forecast"));
        assertEquals("c", root.get(2).get("series").asText());
        assertEquals("ok", root.get(2).get("status").asText());
        // summary on stderr: counts, failure class, the failed series
        assertTrue(r.err.startsWith("forecast4j: 3 series: 2 ok, 0 fallbacks, 1 failed;"), r.err);
        assertTrue(r.err.contains("series/s on 2 threads"), r.err);
        assertTrue(r.err.contains("failures: 1 x IllegalArgumentException:"), r.err);
        assertTrue(r.err.contains("failed: b (IllegalArgumentException"), r.err);
    }

    @Test
    void forecastPanel_threads_doNotChangeTheOutput() {
        String one = CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key",
                "--model", "auto-arima", "--horizon", "3", "--format", "json", "--threads", "1", "--quiet").ok().out;
        String two = CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key",
                "--model", "auto-arima", "--horizon", "3", "--format", "json", "--threads", "2", "--quiet").ok().out;
        assertEquals(one, two);
        JsonNode root = json(one);
        // auto-ARIMA does not fail on the constant series b: it gets the documented fallback
        assertEquals("fallback", root.get(1).get("status").asText());
        assertTrue(root.get(1).get("fit").get("fallback").asBoolean());
        assertEquals(root.get(1).get("fit").get("fallbackReason").asText(),
                root.get(1).get("fallbackReason").asText());
        // a is seasonal pattern + line (deterministic: also a fallback); c has noise and gets an ARIMA
        assertTrue(root.get(2).get("fit").has("order"), root.get(2).toString());
        assertEquals("ok", root.get(2).get("status").asText());
    }

    @Test
    void forecastPanel_csv_failedSeriesHasNoRows() {
        CliRun r = CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key",
                "--model", "snaive", "--horizon", "2", "--quiet").ok();
        String[] lines = r.out.split("\n");
        assertEquals(5, lines.length, r.out);
        assertTrue(lines[1].startsWith("a,") && lines[3].startsWith("c,"), r.out);
    }

    @Test
    void forecastPanel_progress_drawsABarThenTheSummary() {
        CliRun r = CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key",
                "--model", "naive", "--horizon", "2", "--progress");
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.startsWith("\rforecast"), r.err);
        assertTrue(r.err.contains("3/3"), r.err);
        assertTrue(r.err.contains("forecast4j: 3 series: 3 ok"), r.err);
    }

    @Test
    void forecastPanel_unwritableOutput_exitTwoWithOneLine() {
        CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key", "--model", "naive",
                "--output", tmp.resolve("no/such/dir/out.csv").toString())
                .badInput("cannot write: no such directory");
    }

    @Test
    void forecastPanel_badFlags_exitTwoWithOneLine() {
        CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key", "--threads", "0")
                .badInput("--threads must be > 0, got 0");
        CliRun.run("forecast", "--input", resource("panel_failing.csv"), "--key-column", "key", "--progress",
                "--quiet").badInput("--progress and --quiet exclude each other");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--threads", "2")
                .badInput("--threads applies to panels (--key-column)");
    }

    // ---- LSTM -------------------------------------------------------------------------------------------------

    @Test
    void forecastLstm_seed_makesTheForecastReproducible() {
        String[] a = args(new String[] {"forecast", "--input", resource("daily.csv"), "--horizon", "3", "--format",
            "json"}, TINY_LSTM);
        CliRun first = CliRun.run(a).ok();
        CliRun second = CliRun.run(a).ok();
        assertEquals(first.out, second.out);
        JsonNode o = json(first.out).get(0);
        assertEquals(3, o.get("forecast").get("mean").size());
        String[] other = a.clone();
        other[other.length - 1] = "12";
        assertFalse(first.out.equals(CliRun.run(other).ok().out), "another seed, another network");
    }

    @Test
    void forecastLstm_allFlags_accepted() {
        CliRun r = CliRun.run(args(args(new String[] {"forecast", "--input", resource("daily.csv"), "--horizon",
            "2"}, TINY_LSTM), "--layers", "2", "--learning-rate", "0.01", "--cell", "gru")).ok();
        assertEquals(3, r.out.split("\n").length);
    }

    @Test
    void forecastLstm_progress_drawsAnEpochBar() {
        CliRun r = CliRun.run(args(new String[] {"forecast", "--input", resource("daily.csv"), "--horizon", "2",
            "--progress"}, TINY_LSTM));
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.startsWith("\rtraining"), r.err);
        assertTrue(r.err.contains("2/2"), r.err);
        assertTrue(r.err.contains("loss "), r.err);
    }

    @Test
    void forecastLstm_badFlagValues_exitTwoWithOneLine() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "lstm", "--hidden", "0")
                .badInput("--hidden must be > 0, got 0");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "lstm", "--cell", "rnn")
                .badInput("--cell must be lstm or gru, got 'rnn'");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "lstm", "--learning-rate", "-1")
                .badInput("--learning-rate must be a finite number > 0, got -1.0");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "lstm", "--lookback", "40",
                "--horizon", "2").badInput("40");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "arima", "--hidden", "4")
                .badInput("--hidden does not apply to --model arima");
    }

    // ---- bench ------------------------------------------------------------------------------------------------

    @Test
    void benchLstm_json_reportsMsPerEpoch() {
        CliRun r = CliRun.run(args(new String[] {"bench", "--input", resource("daily.csv"), "--format", "json",
            "--horizon", "3"}, TINY_LSTM)).ok();
        JsonNode o = json(r.out);
        assertEquals("lstm", o.get("model").asText());
        assertEquals(2, o.get("epochs").asInt());
        JsonNode ms = o.get("msPerEpoch");
        assertTrue(ms.get("min").asDouble() > 0);
        assertTrue(ms.get("min").asDouble() <= ms.get("median").asDouble());
        assertTrue(ms.get("median").asDouble() <= ms.get("max").asDouble());
    }

    @Test
    void benchAutoArima_directoryAndPanel_reportSeriesPerSecond() throws IOException {
        Files.copy(Path.of(resource("daily.csv")), tmp.resolve("s1.csv"));
        Files.copy(Path.of(resource("daily.csv")), tmp.resolve("s2.csv"));
        Files.writeString(tmp.resolve("notes.txt"), "ignored");
        CliRun r = CliRun.run("bench", "--model", "auto-arima", "--input", tmp.toString(), "--threads", "2",
                "--format", "json").ok();
        JsonNode o = json(r.out);
        assertEquals("auto-arima", o.get("model").asText());
        assertEquals(2, o.get("series").asInt());
        assertEquals(2, o.get("threads").asInt());
        assertTrue(o.get("seriesPerSecond").asDouble() > 0);
        CliRun p = CliRun.run("bench", "--model", "auto-arima", "--input", resource("panel_failing.csv"),
                "--key-column", "key").ok();
        assertTrue(p.out.startsWith("auto-arima: 3 series in "), p.out);
        assertTrue(p.out.contains("on 1 thread:"), p.out);
    }

    @Test
    void evaluate_flagOfNoChosenModel_exitTwoWithOneLine() {
        CliRun.run("evaluate", "--input", resource("daily.csv"), "--model", "snaive,auto-arima", "--hidden", "4")
                .badInput("--hidden does not apply to --model snaive,auto-arima");
    }

    @Test
    void bench_badThreads_exitTwoWithOneLine() {
        CliRun.run("bench", "--model", "auto-arima", "--input", resource("daily.csv"), "--threads", "0")
                .badInput("--threads must be > 0, got 0");
        CliRun.run("bench", "--model", "arima", "--input", resource("daily.csv"), "--threads", "2")
                .badInput("--threads applies to --model auto-arima");
        CliRun.run("bench", "--model", "arima", "--input", resource("daily.csv"), "--horizon", "2")
                .badInput("--horizon applies to --model lstm");
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        for (JsonNode v : array) {
            b.append(b.length() == 0 ? "" : ",").append(v.asInt());
        }
        return b.toString();
    }
}
