package org.forecast4j.cli;

import static org.forecast4j.cli.CliRun.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --m4}: end to end on M4 Hourly rows H1..H4. Reference: R 4.2.2 / forecast 8.20, script
 * forecast-core/src/test/resources/reference/m4/m4_reference.R (the M4 benchmark and scoring code), output
 * cli/m4/m4_scores.csv.
 */
class EvaluateM4Test {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The JSON carries full double precision; the reference prints 17 digits. */
    private static final double TOL = 1e-10;

    @TempDir
    Path dir;

    @Test
    void evaluateM4_hourlySlice_json_matchesR() throws IOException {
        CliRun r = CliRun.run("evaluate", "--m4", resource("m4/hourly-train-slice.csv"), "--m4-test",
                resource("m4/hourly-test-slice.csv"), "--horizon", "48", "--format", "json");
        assertEquals(0, r.code, r.err);
        JsonNode j = MAPPER.readTree(r.out);
        assertEquals(4, j.get("series").asInt());
        assertEquals(48, j.get("horizon").asInt());
        assertEquals(24, j.get("period").asInt(), "M4 period for h = 48");
        JsonNode models = j.get("models");
        assertEquals("naive2", models.get(0).get("model").asText());
        assertEquals(3, models.size());
        List<String> ref = Files.readAllLines(Path.of(resource("m4/m4_scores.csv")));
        int checked = 0;
        for (String line : ref.subList(1, ref.size())) {
            String[] c = line.split(",");
            if (!c[0].equals("hourly")) {
                continue;
            }
            for (JsonNode m : models) {
                if (m.get("model").asText().equals(c[1])) {
                    assertEquals(Double.parseDouble(c[2]), m.get("smape").asDouble(), TOL * 10, line);
                    assertEquals(Double.parseDouble(c[3]), m.get("mase").asDouble(), TOL, line);
                    assertEquals(Double.parseDouble(c[4]), m.get("owa").asDouble(), TOL, line);
                    assertEquals(0, m.get("failures").asInt());
                    assertTrue(m.get("wallSeconds").asDouble() >= 0);
                    checked++;
                }
            }
        }
        assertEquals(3, checked);
    }

    @Test
    void evaluateM4_externalForecasts_scoredAsModel_table() throws IOException {
        // scoring the test file itself as forecasts gives sMAPE = MASE = OWA = 0 (theory)
        CliRun r = CliRun.run("evaluate", "--m4", resource("m4/hourly-train-slice.csv"), "--m4-test",
                resource("m4/hourly-test-slice.csv"), "--model", "naive2", "--m4-forecasts",
                "perfect=" + resource("m4/hourly-test-slice.csv"));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("M4 evaluation: 4 series, horizon 48, period 24"), r.out);
        String perfect = r.out.lines().filter(l -> l.startsWith("perfect")).findFirst().orElseThrow();
        String[] cells = perfect.trim().split("\\s+");
        assertEquals(0.0, Double.parseDouble(cells[1]));
        assertEquals(0.0, Double.parseDouble(cells[2]));
        assertEquals(0.0, Double.parseDouble(cells[3]));
    }

    @Test
    void evaluateM4_raggedRow_exit2_oneLine() throws IOException {
        Path tr = Files.writeString(dir.resolve("tr.csv"), "V1,V2,V3\nA,1,2\nB,1,2,3\n");
        Path te = Files.writeString(dir.resolve("te.csv"), "V1,V2\nA,1\nB,1\n");
        CliRun r = CliRun.run("evaluate", "--m4", tr.toString(), "--m4-test", te.toString(), "--horizon", "1",
                "--period", "1");
        assertEquals(2, r.code);
        assertEquals("forecast4j: " + tr + " line 3: row has 4 cells, the header has 3 (ragged row)",
                r.err.strip());
    }

    @Test
    void evaluateM4_testShorterThanHorizon_exit2_oneLine() {
        CliRun r = CliRun.run("evaluate", "--m4", resource("m4/hourly-train-slice.csv"), "--m4-test",
                resource("m4/hourly-test-slice.csv"), "--horizon", "49");
        assertEquals(2, r.code);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains("line 2: test series 'H1' has 48 values, fewer than the horizon 49"), r.err);
    }

    @Test
    void evaluateM4_badOptions_exit2() {
        String tr = resource("m4/hourly-train-slice.csv");
        String te = resource("m4/hourly-test-slice.csv");
        CliRun noTest = CliRun.run("evaluate", "--m4", tr);
        assertEquals(2, noTest.code);
        assertTrue(noTest.err.contains("--m4 needs --m4-test"), noTest.err);
        CliRun odd = CliRun.run("evaluate", "--m4", tr, "--m4-test", te, "--horizon", "5");
        assertEquals(2, odd.code);
        assertTrue(odd.err.contains("--period is required with --m4"), odd.err);
        CliRun unknown = CliRun.run("evaluate", "--m4", tr, "--m4-test", te, "--model", "nope");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("got 'nope'"), unknown.err);
        CliRun both = CliRun.run("evaluate", "--m4", tr, "--m4-test", te, "--input", tr);
        assertEquals(2, both.code);
        assertTrue(both.err.contains("--input cannot be combined with --m4"), both.err);
    }
}
