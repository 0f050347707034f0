package org.forecast4j.cli;

import static org.forecast4j.cli.CliRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.forecast4j.core.Forecasters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForecastCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Against R's optimised doubles printed with digits = NA (17 significant digits). */
    private static final double R_TOLERANCE = 1e-9;

    @TempDir
    Path tmp;

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = ForecastCommandTest.class.getResourceAsStream("/reference/cli_baselines.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static void assertClose(JsonNode expected, JsonNode actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " length");
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, actual.get(i).asDouble(), R_TOLERANCE * Math.max(1, Math.abs(e)), what + "[" + i + "]");
        }
    }

    /** Reference: R 4.2.2 forecast 8.20, script src/test/resources/reference/cli_baselines.R. */
    @ParameterizedTest
    @ValueSource(strings = {"snaive", "naive", "drift", "mean"})
    void json_baselines_matchR(String model) throws IOException {
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--value-column", "y", "--model", model, "--period", "7", "--horizon", "14", "--level", "80",
                "--level", "95", "--format", "json").ok();
        JsonNode root = json(r.out);
        assertTrue(root.isArray());
        assertEquals(1, root.size());
        JsonNode o = root.get(0);
        assertEquals("y", o.get("series").asText());
        assertEquals(Map.of("snaive", "Seasonal naive method (period 7)", "naive", "Naive method", "drift",
                "Random walk with drift", "mean", "Mean").get(model), o.get("model").asText());
        JsonNode f = o.get("forecast");
        assertEquals(14, f.get("horizon").asInt());
        assertEquals("2024-02-05", f.get("timestamps").get(0).asText());
        assertEquals("2024-02-18", f.get("timestamps").get(13).asText());
        JsonNode ref = reference().get(model);
        assertClose(ref.get("mean"), f.get("mean"), "mean");
        JsonNode iv = f.get("intervals");
        assertEquals(2, iv.size());
        assertEquals(80, iv.get(0).get("level").asInt());
        assertTrue(iv.get(0).get("level").isIntegralNumber());
        assertClose(ref.get("lo80"), iv.get(0).get("lower"), "lo80");
        assertClose(ref.get("hi80"), iv.get(0).get("upper"), "hi80");
        assertEquals(95, iv.get(1).get("level").asInt());
        assertClose(ref.get("lo95"), iv.get(1).get("lower"), "lo95");
        assertClose(ref.get("hi95"), iv.get(1).get("upper"), "hi95");
    }

    @Test
    void json_modelDescription_andFrequencyInferredWithoutFlag() {
        // no --frequency: daily is inferred from the dates, so the default period is 7
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--value-column", "y", "--model", "snaive", "--horizon", "3", "--format", "json").ok();
        assertEquals("Seasonal naive method (period 7)", json(r.out).get(0).get("model").asText());
    }

    /** Reference: R 4.2.2 forecast 8.20, script src/test/resources/reference/cli_baselines.R. */
    @Test
    void csv_defaultFormat_longLayoutMatchingR() throws IOException {
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--value-column", "y", "--model", "drift", "--horizon", "14").ok();
        String[] lines = r.out.split("\n");
        assertEquals(15, lines.length);
        assertEquals("series,timestamp,mean,lo80,hi80,lo95,hi95", lines[0]);
        String[] first = lines[1].split(",");
        assertEquals("y", first[0]);
        assertEquals("2024-02-05", first[1]);
        JsonNode ref = reference().get("drift");
        String[] keys = {"mean", "lo80", "hi80", "lo95", "hi95"};
        for (int k = 0; k < keys.length; k++) {
            double e = ref.get(keys[k]).get(0).asDouble();
            assertEquals(e, Double.parseDouble(first[2 + k]), R_TOLERANCE * Math.abs(e), keys[k]);
        }
    }

    @Test
    void levels_repeatableCommaSeparatedFractionalAndDefault() {
        JsonNode iv = json(CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--horizon", "2", "--level", "95,50", "--level", "97.5", "--format", "json").ok().out)
                .get(0).get("forecast").get("intervals");
        assertEquals(3, iv.size());
        assertEquals(50, iv.get(0).get("level").asInt());
        assertEquals(95, iv.get(1).get("level").asInt());
        assertEquals(97.5, iv.get(2).get("level").asDouble());
        iv = json(CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date", "--horizon", "2",
                "--format", "JSON").ok().out).get(0).get("forecast").get("intervals");
        assertEquals(2, iv.size());
        assertEquals(80, iv.get(0).get("level").asInt());
        assertEquals(95, iv.get(1).get("level").asInt());
    }

    @Test
    void horizon_defaultsToTwoSeasonsOrTen() {
        JsonNode f = json(CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--format", "json").ok().out).get(0).get("forecast");
        assertEquals(14, f.get("horizon").asInt());
        f = json(CliRun.run("forecast", "--input", resource("values.csv"), "--model", "naive", "--format", "json")
                .ok().out).get(0).get("forecast");
        assertEquals(10, f.get("horizon").asInt());
    }

    @Test
    void valueOnlyFile_isIndexedOneToN() {
        JsonNode f = json(CliRun.run("forecast", "--input", resource("values.csv"), "--model", "naive",
                "--horizon", "2", "--format", "json").ok().out).get(0).get("forecast");
        assertEquals("13", f.get("timestamps").get(0).asText());
        assertEquals("14", f.get("timestamps").get(1).asText());
    }

    /** The acceptance command: a plain date,y CSV with no column flags finds the date column by name. */
    @Test
    void plainCsvWithoutColumnFlags_detectsTheDateColumn() throws IOException {
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "snaive", "--period", "7",
                "--horizon", "14", "--level", "80", "--level", "95", "--format", "json").ok();
        JsonNode f = json(r.out).get(0).get("forecast");
        // daily.csv runs 35 days from 2024-01-01, so the first forecast day is 2024-02-05
        assertEquals("2024-02-05", f.get("timestamps").get(0).asText());
        assertClose(reference().get("snaive").get("mean"), f.get("mean"), "mean");
    }

    /** --frequency index keeps a file with a date column indexed 1..n. */
    @Test
    void frequencyIndex_ignoresTheDetectedDateColumn() {
        JsonNode f = json(CliRun.run("forecast", "--input", resource("daily.csv"), "--model", "snaive",
                "--frequency", "index", "--period", "7", "--horizon", "2", "--format", "json").ok().out).get(0)
                .get("forecast");
        assertEquals("36", f.get("timestamps").get(0).asText());
    }

    /** The reader's date column detection as the command sees it: a quoted conventional name, or none. */
    @Test
    void noDateColumnFlag_quotedConventionalNameIsDated_otherNamesIndexed(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "\"DS\",sales\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n");
        JsonNode f = json(CliRun.run("forecast", "--input", a.toString(), "--model", "naive", "--horizon", "1",
                "--format", "json").ok().out).get(0).get("forecast");
        assertEquals("2024-01-04", f.get("timestamps").get(0).asText());
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "day,sales\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n");
        f = json(CliRun.run("forecast", "--input", b.toString(), "--value-column", "sales", "--model", "naive",
                "--horizon", "1", "--format", "json").ok().out).get(0).get("forecast");
        assertEquals("4", f.get("timestamps").get(0).asText());
    }

    @Test
    void periodAndFrequencyFlags_setTheSeason() {
        JsonNode o = json(CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--value-column", "y", "--period", "5", "--horizon", "2", "--format", "json").ok().out).get(0);
        assertEquals("Seasonal naive method (period 5)", o.get("model").asText());
        o = json(CliRun.run("forecast", "--input", resource("values.csv"), "--frequency", "quarterly",
                "--horizon", "2", "--format", "json").ok().out).get(0);
        assertEquals("Seasonal naive method (period 4)", o.get("model").asText());
        o = json(CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--frequency", "daily", "--horizon", "1", "--format", "json").ok().out).get(0);
        assertEquals("2024-02-05", o.get("forecast").get("timestamps").get(0).asText());
    }

    @Test
    void panel_oneObjectPerKeyInFirstAppearanceOrder() {
        CliRun r = CliRun.run("forecast", "--input", resource("panel.csv"), "--key-column", "region",
                "--date-column", "date", "--value-column", "buys", "--model", "naive", "--horizon", "3",
                "--format", "json", "--quiet").ok();
        JsonNode root = json(r.out);
        assertEquals(2, root.size());
        assertEquals("ok", root.get(0).get("status").asText());
        assertEquals("south", root.get(0).get("series").asText());
        assertEquals("north", root.get(1).get("series").asText());
        // naive: the last observation of each series (panel.csv rows for 2024-01-21)
        assertEquals(20 + 20 % 7 + 20, root.get(0).get("forecast").get("mean").get(2).asDouble());
        CliRun csv = CliRun.run("forecast", "--input", resource("panel.csv"), "--key-column", "region",
                "--date-column", "date", "--model", "naive", "--horizon", "3", "--quiet").ok();
        String[] lines = csv.out.split("\n");
        assertEquals(7, lines.length);
        assertTrue(lines[1].startsWith("south,2024-01-22,"), lines[1]);
        assertTrue(lines[4].startsWith("north,2024-01-22,"), lines[4]);
    }

    @Test
    void gzipInput_sameAsPlain() throws IOException {
        Path gz = tmp.resolve("daily.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Path.of(resource("daily.csv"))));
        }
        String plain = CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date",
                "--horizon", "5").ok().out;
        assertEquals(plain, CliRun.run("forecast", "--input", gz.toString(), "--date-column", "date", "--horizon", "5")
                .ok().out);
    }

    @Test
    void output_writesTheFileAndNothingToStdout() throws IOException {
        Path file = tmp.resolve("f.json");
        CliRun r = CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date", "--horizon", "4",
                "--format", "json", "--output", file.toString()).ok();
        assertEquals("", r.out);
        assertEquals(4, json(Files.readString(file, StandardCharsets.UTF_8)).get(0).get("forecast").get("mean").size());
    }

    @Test
    void fillGaps_insertsMissingValues() {
        CliRun.run("forecast", "--input", resource("gap.csv"), "--date-column", "date", "--horizon", "2")
                .badInput("line 4, column 'date': gap of 1 missing DAILY period between 2024-01-02 (line 3) and "
                        + "2024-01-04");
        CliRun r = CliRun.run("forecast", "--input", resource("gap.csv"), "--date-column", "date", "--model", "naive",
                "--horizon", "2", "--fill-gaps", "--format", "json").ok();
        assertEquals(6.0, json(r.out).get(0).get("forecast").get("mean").get(0).asDouble());
    }

    @Test
    void customRegistry_plugsInAModel() {
        ModelRegistry reg = ModelRegistry.standard().with("sn3", "seasonal naive, period 3", Set.of(),
                o -> Forecasters.seasonalNaive(3));
        CliRun r = CliRun.run(reg, "forecast", "--input", resource("values.csv"), "--model", "sn3", "--horizon", "1",
                "--format", "json").ok();
        assertEquals("Seasonal naive method (period 3)", json(r.out).get(0).get("model").asText());
    }

    // --- bad input: one line on stderr, exit code 2 -------------------------------------------------------------

    @Test
    void missingFile() {
        CliRun.run("forecast", "--input", tmp.resolve("nope.csv").toString(), "--horizon", "3")
                .badInput("nope.csv: cannot read: no such file");
    }

    @Test
    void noSuchColumn() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date", "--value-column", "orders")
                .badInput("daily.csv line 1, column 'orders': no such column; the columns are date, y");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "day")
                .badInput("daily.csv line 1, column 'day': no such column");
    }

    @Test
    void nonNumericCell() {
        CliRun.run("forecast", "--input", resource("bad_number.csv"), "--date-column", "date", "--value-column", "y")
                .badInput("bad_number.csv line 4, column 'y': 'abc' is not a number");
    }

    @Test
    void emptySeries() {
        CliRun.run("forecast", "--input", resource("empty.csv"), "--date-column", "date")
                .badInput("empty.csv: no data rows (the series is empty)");
    }

    @Test
    void duplicateTimestamps() {
        CliRun.run("forecast", "--input", resource("duplicate.csv"), "--date-column", "date")
                .badInput("duplicate.csv line 4, column 'date': duplicate timestamp 2024-01-02 (also on line 3)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3"})
    void horizonNotPositive(String h) {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date", "--horizon", h)
                .badInput("--horizon must be > 0, got " + h);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "150", "-5"})
    void levelOutsideZeroHundred(String level) {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date", "--level", level)
                .badInput("--level must be in (0, 100), got " + level);
    }

    @Test
    void levelNotANumber() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--level", "high")
                .badInput("Invalid value for option '--level'");
    }

    @Test
    void unknownModel() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date", "--model", "prophet")
                .badInput("--model must be one of mean, naive, snaive, drift, arima, auto-arima, lstm, got 'prophet'");
    }

    @Test
    void tooShortSeries() {
        CliRun.run("forecast", "--input", resource("short.csv"), "--date-column", "date", "--model", "snaive")
                .badInput("Seasonal naive method (period 7) needs at least 8 observations (lag 7), series 'y' has 5");
    }

    @Test
    void badPeriodAndFrequency() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--period", "0").badInput("--period must be > 0, got 0");
        CliRun.run("forecast", "--input", resource("daily.csv"), "--frequency", "fortnightly")
                .badInput("--frequency must be one of hourly, daily");
    }

    @Test
    void badFormat() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--format", "xml")
                .badInput("Invalid value for option '--format': expected one of [csv, json]");
    }

    @Test
    void missingInput() {
        CliRun.run("forecast", "--horizon", "3").badInput("Missing required option: '--input=<file>'");
    }

    @Test
    void outputDirectoryMissing() {
        CliRun.run("forecast", "--input", resource("daily.csv"), "--date-column", "date", "--output",
                tmp.resolve("no/such/dir/f.csv").toString()).badInput("f.csv: cannot write: no such directory");
    }

    @Test
    void verbose_addsTheStackTrace() {
        CliRun r = CliRun.run("forecast", "--input", resource("bad_number.csv"), "--date-column", "date", "--verbose");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("forecast4j: "), r.err);
        assertTrue(r.err.contains("CsvFormatException") && r.err.contains("\tat org.forecast4j"), r.err);
    }
}
