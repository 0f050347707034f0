package org.forecast4j.cli;

import static org.forecast4j.cli.CliRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluateCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static double[] values() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(resource("daily.csv")));
        double[] y = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            y[i - 1] = Double.parseDouble(lines.get(i).split(",")[1]);
        }
        return y;
    }

    @Test
    void table_defaultModels_oneRowEachWithFoldCounts() {
        // n = 35, horizon 7, initial 14, step 3: origins 14, 17, ..., 26 (26 + 7 <= 35) = 5 folds
        CliRun r = CliRun.run("evaluate", "--input", resource("daily.csv"), "--date-column", "date",
                "--value-column", "y", "--horizon", "7", "--initial", "14", "--step", "3").ok();
        String[] lines = r.out.split("\n");
        assertEquals("rolling-origin backtest of 1 series 'y': horizon 7, expanding window, initial 14, step 3, "
                + "all folds", lines[0]);
        assertTrue(lines[1].matches("model\\s+folds\\s+failed\\s+MAE\\s+RMSE\\s+MAPE\\s+sMAPE\\s+MASE\\s+"
                + "Coverage\\[80]\\s+Coverage\\[95]"), lines[1]);
        List<String> models = new ArrayList<>();
        for (int i = 2; i < 6; i++) {
            String[] cells = lines[i].trim().split("\\s+");
            models.add(cells[0]);
            assertEquals("5", cells[1]);
            assertEquals("0", cells[2]);
        }
        assertEquals(List.of("snaive", "naive", "drift", "mean"), models);
    }

    /** Expected MAE of the naive method computed here directly: forecast = last training value. */
    @Test
    void json_naiveMae_matchesDirectComputation() throws IOException {
        double[] y = values();
        int h = 4;
        int initial = 20;
        int step = 2;
        double sum = 0;
        int count = 0;
        int folds = 0;
        for (int t = initial; t + h <= y.length; t += step) {
            folds++;
            for (int i = 0; i < h; i++) {
                sum += Math.abs(y[t + i] - y[t - 1]);
                count++;
            }
        }
        CliRun r = CliRun.run("evaluate", "--input", resource("daily.csv"), "--date-column", "date", "--model",
                "naive", "--horizon", "" + h, "--initial", "" + initial, "--step", "" + step, "--format", "json").ok();
        JsonNode m = json(r.out).get("models").get(0);
        assertEquals("naive", m.get("model").asText());
        assertEquals(folds, m.get("folds").asInt());
        assertEquals(count, m.get("count").asInt());
        assertEquals(sum / count, m.get("metrics").get("mae").asDouble(), 1e-12);
        assertEquals(h, m.get("byStep").size());
        assertEquals(80, m.get("intervals").get(0).get("level").asInt());
        assertTrue(m.get("intervals").get(0).has("coverage"));
    }

    @Test
    void models_commaSeparatedRepeatableAndDeduplicated() {
        JsonNode models = json(CliRun.run("evaluate", "--input", resource("daily.csv"), "--date-column", "date",
                "--model", "mean,drift", "--model", "MEAN", "--horizon", "3", "--format", "json").ok().out)
                .get("models");
        assertEquals(2, models.size());
        assertEquals("mean", models.get(0).get("model").asText());
        assertEquals("drift", models.get(1).get("model").asText());
    }

    @Test
    void foldsAndSlidingWindow_areApplied() {
        JsonNode root = json(CliRun.run("evaluate", "--input", resource("daily.csv"), "--date-column", "date",
                "--model", "mean", "--horizon", "2", "--initial", "10", "--folds", "3", "--window", "sliding",
                "--format", "json").ok().out);
        assertEquals("sliding", root.get("window").asText());
        assertEquals(3, root.get("models").get(0).get("folds").asInt());
        assertEquals(3, root.get("maxFolds").asInt());
    }

    @Test
    void metricsAll_andCsvFormat() {
        CliRun r = CliRun.run("evaluate", "--input", resource("daily.csv"), "--date-column", "date", "--model",
                "snaive", "--horizon", "3", "--metrics", "all", "--level", "90", "--format", "csv").ok();
        String[] lines = r.out.split("\n");
        assertEquals("model,folds,failed,MAE,MSE,RMSE,MAPE,sMAPE,MASE,WAPE,Coverage[90],MSIS[90],Pinball[90]",
                lines[0]);
        assertTrue(lines[1].startsWith("snaive,"), lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void panel_reportsPerSeries() {
        JsonNode m = json(CliRun.run("evaluate", "--input", resource("panel.csv"), "--key-column", "region",
                "--date-column", "date", "--value-column", "buys", "--model", "naive", "--horizon", "2",
                "--format", "json").ok().out).get("models").get(0);
        assertEquals("south", m.get("bySeries").get(0).get("series").asText());
        assertEquals("north", m.get("bySeries").get(1).get("series").asText());
    }

    @Test
    void output_writesFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("metrics.txt");
        CliRun r = CliRun.run("evaluate", "--input", resource("daily.csv"), "--date-column", "date", "--horizon", "3",
                "--output", file.toString()).ok();
        assertEquals("", r.out);
        assertTrue(Files.readString(file).startsWith("rolling-origin backtest"));
    }

    @Test
    void undefinedMetric_isMarkedNotHidden() {
        // the mean method on a constant-then-zero series: MAPE is undefined where actuals are 0
        CliRun r = CliRun.run("evaluate", "--input", resource("zeros.csv"), "--model", "mean", "--horizon", "2",
                "--initial", "3").ok();
        assertTrue(r.out.contains("n/a"), r.out);
        assertTrue(r.out.contains("n/a mean MAPE: "), r.out);
        String csv = CliRun.run("evaluate", "--input", resource("zeros.csv"), "--model", "mean", "--horizon", "2",
                "--initial", "3", "--metrics", "mae,mape", "--format", "csv").ok().out;
        assertTrue(csv.startsWith("model,folds,failed,MAE,MAPE\nmean,3,0,"), csv);
        assertTrue(csv.endsWith(",NA\n"), csv);
        JsonNode m = json(CliRun.run("evaluate", "--input", resource("zeros.csv"), "--model", "mean", "--horizon",
                "2", "--initial", "3", "--metrics", "mae,mape", "--format", "json").ok().out).get("models").get(0);
        assertTrue(m.get("metrics").get("mape").isNull());
        assertTrue(m.get("metrics").get("mae").isNumber());
        assertTrue(m.get("undefined").get("MAPE").asText().contains("zero actual"), m.toString());
    }

    // --- bad input ----------------------------------------------------------------------------------------------

    @Test
    void seriesTooShortForOneFold() {
        CliRun.run("evaluate", "--input", resource("daily.csv"), "--date-column", "date", "--horizon", "7",
                "--initial", "30").badInput("length 35 < initial window 30 + horizon 7");
    }

    @Test
    void badBacktestFlags() {
        String in = resource("daily.csv");
        CliRun.run("evaluate", "--input", in, "--initial", "0").badInput("--initial must be > 0, got 0");
        CliRun.run("evaluate", "--input", in, "--step", "0").badInput("--step must be > 0, got 0");
        CliRun.run("evaluate", "--input", in, "--folds", "-1").badInput("--folds must be >= 0, got -1");
        CliRun.run("evaluate", "--input", in, "--threads", "0").badInput("--threads must be > 0, got 0");
        CliRun.run("evaluate", "--input", in, "--window", "rolling")
                .badInput("--window must be expanding or sliding, got 'rolling'");
        CliRun.run("evaluate", "--input", in, "--metrics", "r2").badInput("--metrics: metric must be one of mae");
        CliRun.run("evaluate", "--input", in, "--horizon", "0").badInput("--horizon must be > 0, got 0");
        CliRun.run("evaluate", "--input", in, "--level", "100").badInput("--level must be in (0, 100), got 100");
        CliRun.run("evaluate", "--input", in, "--model", "snaive,prophet")
                .badInput("--model must be one of mean, naive, snaive, drift, arima, auto-arima, lstm, got 'prophet'");
        CliRun.run("evaluate", "--input", in, "--format", "html").badInput("Invalid value for option '--format'");
    }

    @Test
    void number_formatsReadably() {
        assertEquals("175.4", EvaluationReport.number(175.4321));
        assertEquals("0.9728", EvaluationReport.number(0.97276));
        assertEquals("1235", EvaluationReport.number(1234.5));
        assertEquals("1.235e+05", EvaluationReport.number(123456));
        assertEquals("0", EvaluationReport.number(0));
        assertEquals("-2.500", EvaluationReport.number(-2.5));
    }
}
