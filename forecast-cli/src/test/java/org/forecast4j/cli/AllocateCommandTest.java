package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The allocate command on the issue-7 example and on invalid problems. */
class AllocateCommandTest {

    @TempDir
    Path tmp;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static String resource(String name) throws URISyntaxException {
        return Paths.get(AllocateCommandTest.class.getResource("/allocation/" + name).toURI()).toString();
    }

    private String write(String json) throws IOException {
        Path p = tmp.resolve("p.json");
        Files.writeString(p, json);
        return p.toString();
    }

    @Test
    void allocate_issueExample_spendsTheCellMaximumWithClosedFormValue() throws Exception {
        assertEquals(0, run("allocate", "--problem", resource("issue7-example.json")), err);
        JsonNode r = new ObjectMapper().readTree(out);
        assertEquals("optimal", r.get("status").asText());
        // budget 100000 > maxSpend 20000: spend 20000; value = 80 · 1200 · 0.35 · 20000/(20000 + 5000) = 26880
        assertEquals(20000, r.get("totalSpend").asDouble(), 1e-9);
        assertEquals(26880, r.get("objectiveValue").asDouble(), 1e-8);
        JsonNode c = r.get("cells").get(0);
        assertEquals("beauty/search/2026-12-01", c.get("id").asText());
        // marginal ROI = 80 · 1200 · 0.35 · 5000 / 25000²
        assertEquals(80 * 1200 * 0.35 * 5000 / (25000.0 * 25000.0), c.get("marginalRoi").asDouble(), 1e-12);
        assertEquals(0, r.get("budgetShadowPrice").asDouble(), 0);
        assertTrue(r.get("binding").toString().contains("cell[beauty/search/2026-12-01].max"));
        assertTrue(r.has("gap") && r.has("message"));
    }

    @Test
    void allocate_symmetricCells_splitsEvenly() throws Exception {
        assertEquals(0, run("allocate", "--problem", resource("two-channels.json"), "--format", "json"), err);
        JsonNode r = new ObjectMapper().readTree(out);
        assertEquals(15000, r.get("cells").get(0).get("spend").asDouble(), 1e-6);
        assertEquals(15000, r.get("cells").get(1).get("spend").asDouble(), 1e-6);
        // λ = V'(15000) = 10 · 1000 · 0.2 / (1000 + 15000)
        assertEquals(2000.0 / 16000, r.get("budgetShadowPrice").asDouble(), 1e-9);
    }

    @Test
    void allocate_csvFormat_printsHeaderAndOneRowPerCell() throws Exception {
        assertEquals(0, run("allocate", "--problem", resource("two-channels.json"), "--format", "csv"), err);
        String[] lines = out.trim().split("\\R");
        assertTrue(lines[0].startsWith("# status=optimal"));
        assertEquals("id,spend,incrementalValue,marginalRoi", lines[2]);
        assertEquals(5, lines.length);
        assertTrue(lines[3].startsWith("a,15000"));
    }

    @Test
    void allocate_frontier_printsNonDecreasingValues() throws Exception {
        assertEquals(0, run("allocate", "--problem", resource("two-channels.json"), "--frontier", "0:100000:25000"),
                err);
        JsonNode f = new ObjectMapper().readTree(out).get("frontier");
        assertEquals(5, f.size());
        assertEquals(0, f.get(0).get("objectiveValue").asDouble(), 0);
        for (int i = 1; i < f.size(); i++) {
            assertTrue(f.get(i).get("objectiveValue").asDouble() > f.get(i - 1).get("objectiveValue").asDouble());
            assertEquals(25000.0 * i, f.get(i).get("totalSpend").asDouble(), 1e-6);
        }
    }

    @Test
    void allocate_invalidProblems_oneLineErrorAndExitCode2() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        String[][] cases = {
            {ok.replace("\"budget\": 30000", "\"budget\": -5"), "budget must be >= 0"},
            {ok.replaceFirst("\"log\"", "\"sigmoid\""), "unknown curve type 'sigmoid'"},
            {ok.replaceFirst("\"scale\": 1000", "\"scale\": \"big\""), "cells[0].curve.scale must be a number"},
            {ok.replaceFirst("\"minSpend\": 0, \"maxSpend\": 50000", "\"minSpend\": 9, \"maxSpend\": 5"), "maxSpend"},
            {ok.replaceFirst("\"scale\": 1000", "\"scale\": 1e999"), "must be finite"},
            {ok.replace("\"budget\"", "\"budgett\""), "unknown field budgett"},
            {"{\"budget\": 1, \"cells\": [", "invalid JSON"},
            {ok.replaceFirst("\"scale\": 1000", "\"scale\": 0"), "cells[0].curve: log scale must be finite and > 0"},
            {ok.replace("\"unit\": 0", "\"unit\": 0, \"budget\": 5"), "Duplicate field 'budget'"},
            {ok.replace("{\"type\": \"max-value\"}", "{\"type\": \"min-spend\", \"targetValue\": -1}"),
                "objective: targetValue must be finite and >= 0, got -1.0"},
            {ok.replace("{\"type\": \"max-value\"}", "{\"type\": \"max-profit\"}"), "objective.type must be"},
            {ok.replaceFirst("\"baseline\": 1000,", "\"baseline\": 1000, \"baselineQuantiles\": [{\"p\": 1.5, "
                + "\"value\": 9}],"), "baselineQuantiles p must be in (0, 1)"},
            {ok.replaceFirst("\"baseline\": 1000,", "\"baseline\": 1000, \"baselineSamples\": [1, 2], "
                + "\"baselineQuantiles\": [{\"p\": 0.5, \"value\": 9}],"),
                "cells[0]: give baselineQuantiles or baselineSamples, not both"},
            {ok.replaceFirst("\"baseline\": 1000,", "\"baselineSamples\": [],"), "cells[0]: baselineSamples must have >= 1"},
            {ok.replaceFirst("\"baseline\": 1000,", "\"baselineSamples\": [3, -1],"),
                "cells[0]: baselineSamples values must be finite and >= 0, got -1.0 at index 1"},
            {ok.replaceFirst("\"baseline\": 1000,", "\"baselineSamples\": [3, \"x\"],"),
                "cells[0].baselineSamples[1] must be a number"},
            {ok.replaceFirst("\"baseline\": 1000,", "\"baselineSamples\": 3,"),
                "cells[0].baselineSamples must be an array of numbers"},
            {ok.replaceFirst("\"baseline\": 1000,", "\"baseline\": 5, \"baselineSamples\": [0, 0],"),
                "cells[0]: baselineSamples are all 0 but baseline is 5.0"},
            {ok.replaceFirst("\"baseline\": 1000,", ""), "cells[0].baseline is required"},
            {ok.replaceFirst("\"valuePerUnit\": 10,", "\"valuePerUnit\": 10, \"commitBy\": \"28/11/2026\","),
                "cells[0].commitBy must be an ISO date"},
            {ok.replaceFirst("\"id\": \"b\"", "\"id\": \"a\""), "duplicate cell id 'a'"},
            {ok.replaceFirst("\"valuePerUnit\": 10,", "\"valuePerUnit\": 10, \"capacity\": -1,"),
                "capacity must be > 0"},
            {ok.replaceFirst("\"valuePerUnit\": 10,", "\"valuePerUnit\": 10, \"fixedSpend\": 60000,"),
                "fixedSpend 60000.0 exceeds maxSpend"},
            {ok.replace("\"groups\": []", "\"groups\": [{\"where\": {\"channel\": \"search\"}, \"minSpend\": 9, "
                + "\"maxSpend\": 5}]"), "groups[0]: group {channel=search}: maxSpend must be >= minSpend"},
            {ok.replace("\"groups\": []", "\"groups\": {}"), "groups must be an array"},
            {ok.replaceFirst("\\{\"type\": \"log\", \"coefficient\": 0.2, \"scale\": 1000}",
                "{\"type\": \"piecewise\", \"points\": [[100, 0.1], [50, 0.2]]}"),
                "cells[0].curve: piecewise spends must be strictly ascending"},
            {ok.replace("\"budget\": 30000", "\"budget\": null").replace("50000", "null"),
                "max-value needs a finite budget or a finite maxSpend on every cell"},
        };
        for (String[] c : cases) {
            assertEquals(2, run("allocate", "--problem", write(c[0])), c[1] + " / " + out);
            assertEquals(1, err.trim().split("\\R").length, err);
            assertTrue(err.contains(c[1]), err);
        }
    }

    @Test
    void allocate_objectivesAndCurveTypes_parseAndSolve() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        // min-spend: the target reached by the 30000 plan costs 30000
        assertEquals(0, run("allocate", "--problem", write(ok)), err);
        double value = new ObjectMapper().readTree(out).get("objectiveValue").asDouble();
        String minSpend = ok.replace("{\"type\": \"max-value\"}",
                "{\"type\": \"min-spend\", \"targetValue\": " + value + "}").replace("\"budget\": 30000",
                "\"budget\": null");
        assertEquals(0, run("allocate", "--problem", write(minSpend)), err);
        assertEquals(30000, new ObjectMapper().readTree(out).get("totalSpend").asDouble(), 1e-4);
        // marginal ROI ≥ 0.5: V'(x) = 2000/(1000 + x) = 0.5 at x = 3000 per cell
        String roi = ok.replace("{\"type\": \"max-value\"}", "{\"type\": \"min-marginal-roi\", \"threshold\": 0.5}");
        assertEquals(0, run("allocate", "--problem", write(roi)), err);
        assertEquals(3000, new ObjectMapper().readTree(out).get("cells").get(0).get("spend").asDouble(), 1e-6);
        // piecewise and linear curves, capacity, fixed spend, whole units
        String mixed = ok.replaceFirst("\\{\"type\": \"log\", \"coefficient\": 0.2, \"scale\": 1000}",
                "{\"type\": \"piecewise\", \"points\": [[0, 0], [10000, 0.2], [20000, 0.25]]}")
                .replaceFirst("\\{\"type\": \"log\", \"coefficient\": 0.2, \"scale\": 1000}",
                        "{\"type\": \"linear\", \"rate\": 1e-5, \"cap\": 0.1}")
                .replace("\"unit\": 0", "\"unit\": 500")
                .replaceFirst("\"valuePerUnit\": 10,", "\"valuePerUnit\": 10, \"capacity\": 1150, \"fixedSpend\": 1000,");
        assertTrue(mixed.contains("piecewise") && mixed.contains("linear") && mixed.contains("capacity"), mixed);
        assertEquals(0, run("allocate", "--problem", write(mixed)), err);
        JsonNode r = new ObjectMapper().readTree(out);
        assertEquals("optimal", r.get("status").asText(), out);
        assertTrue(r.get("newSpend").asDouble() <= 30000 + 1e-9);
        assertTrue(r.get("cells").get(0).get("spend").asDouble() >= 1000);
    }

    @Test
    void allocate_baselineSamplesWithCapacity_valueIsTheAverageOverSamples() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        // both cells: no mean, samples 500, 1000, 1500 (mean derived: 1000), capacity 1200; symmetric, so 15000 each
        String sampled = ok.replace("\"baseline\": 1000,", "\"baselineSamples\": [1500, 500, 1000],")
                .replace("\"valuePerUnit\": 10,", "\"valuePerUnit\": 10, \"capacity\": 1200,");
        assertEquals(0, run("allocate", "--problem", write(sampled)), err);
        JsonNode r = new ObjectMapper().readTree(out);
        assertEquals("optimal", r.get("status").asText(), out);
        assertEquals(15000, r.get("cells").get(0).get("spend").asDouble(), 1e-6);
        // issue 7's definition averaged over the samples: 10/3 · Σ_s [min(1200, s(1 + L)) − min(1200, s)]
        double lift = 0.2 * Math.log(1 + 15000 / 1000.0);
        double perCell = 0;
        for (double b : new double[] {500, 1000, 1500}) {
            perCell += 10.0 / 3 * (Math.min(1200, b * (1 + lift)) - Math.min(1200, b));
        }
        assertEquals(perCell, r.get("cells").get(1).get("incrementalValue").asDouble(), 1e-9 * perCell);
        assertEquals(2 * perCell, r.get("objectiveValue").asDouble(), 1e-9 * perCell);
        // a stated baseline scales the samples to it (here by 2: atoms 1000, 2000, 3000)
        String scaled = sampled.replace("\"baselineSamples\"", "\"baseline\": 2000, \"baselineSamples\"");
        assertEquals(0, run("allocate", "--problem", write(scaled)), err);
        double want = 10.0 / 3 * (Math.min(1200, 1000 * (1 + lift)) - 1000);
        assertEquals(want, new ObjectMapper().readTree(out).get("cells").get(0).get("incrementalValue").asDouble(),
                1e-9 * want);
    }

    @Test
    void allocate_inconsistentGroupLimits_reportsInfeasible() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        String bad = ok.replace("\"groups\": []", "\"groups\": [{\"where\": {\"channel\": \"feed\"}, \"minSpend\": 60000}]");
        assertEquals(0, run("allocate", "--problem", write(bad)), err);
        assertEquals("infeasible", new ObjectMapper().readTree(out).get("status").asText());
        assertTrue(err.contains("infeasible") && err.contains("minSpend"), err);
    }

    @Test
    void allocate_minSpendWithGroupLimit_spendsTheBudgetOfTheGroupConstrainedOptimum() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        String groups = ok.replace("\"groups\": []",
                "\"groups\": [{\"where\": {\"channel\": \"search\"}, \"maxSpend\": 10000}]");
        // V(x) = 10·1000·0.2·ln(1 + x/1000) per cell; with a ≤ 10000 the budget 30000 plan is a = 10000, b = 20000,
        // worth 2000·(ln 11 + ln 21), and reaching that value under the limit needs all 30000 (theory: f strictly
        // increasing in the budget)
        double target = 2000 * (Math.log(11) + Math.log(21));
        String minSpend = groups.replace("{\"type\": \"max-value\"}",
                "{\"type\": \"min-spend\", \"targetValue\": " + target + "}").replace("\"budget\": 30000",
                "\"budget\": null");
        assertEquals(0, run("allocate", "--problem", write(minSpend)), err);
        JsonNode r = new ObjectMapper().readTree(out);
        assertEquals("optimal", r.get("status").asText(), out);
        assertEquals(30000, r.get("totalSpend").asDouble(), 30000 * 1e-6);
        assertEquals(10000, r.get("cells").get(0).get("spend").asDouble(), 1e-2);
        assertTrue(r.get("binding").toString().contains("target"), out);
        assertTrue(r.get("binding").toString().contains("group[0].max"), out);
        assertTrue(r.get("solver").asText().startsWith("budget search"), out);
        // csv output of the same problem
        assertEquals(0, run("allocate", "--problem", write(minSpend), "--format", "csv"), err);
        assertTrue(out.startsWith("# status=optimal"), out);
    }

    @Test
    void allocate_wholeUnitsWithGroupLimit_exactDynamicProgramWithShadowPrice() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        String units = ok.replace("\"unit\": 0", "\"unit\": 5000").replace("\"groups\": []",
                "\"groups\": [{\"where\": {\"channel\": \"search\"}, \"maxSpend\": 10000}]");
        assertEquals(0, run("allocate", "--problem", write(units)), err);
        JsonNode r = new ObjectMapper().readTree(out);
        assertEquals("optimal", r.get("status").asText(), out);
        assertEquals("dynamic programming", r.get("solver").asText());
        assertEquals(0, r.get("gap").asDouble(), 0);
        // 6 units, a ≤ 2 units: a = 2, b = 4 beats a = 1, b = 5 (ln 11 + ln 21 > ln 6 + ln 26), by concavity of ln
        assertEquals(10000, r.get("cells").get(0).get("spend").asDouble(), 0);
        assertEquals(20000, r.get("cells").get(1).get("spend").asDouble(), 0);
        assertEquals(2000 * (Math.log(11) + Math.log(21)), r.get("objectiveValue").asDouble(), 1e-9);
        // the budget's last unit went to b (16000 → 21000 ln-argument): 2000·ln(21/16)/5000 per unit of money
        assertEquals(2000 * Math.log(21.0 / 16) / 5000, r.get("budgetShadowPrice").asDouble(), 1e-12);
    }

    @Test
    void allocate_groupMatchingNoCell_warnsOnStderr() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        String typo = ok.replace("\"groups\": []", "\"groups\": [{\"where\": {\"channel\": \"serach\"}, "
                + "\"maxSpend\": 10000}]");
        assertEquals(0, run("allocate", "--problem", write(typo)), err);
        assertTrue(err.contains("warning: groups[0] where {channel=serach} matches no cell"), err);
        assertEquals("optimal", new ObjectMapper().readTree(out).get("status").asText());
    }

    @Test
    void allocate_commitDates_scheduleListsNewSpendByCommitDate() throws Exception {
        String ok = Files.readString(Paths.get(resource("two-channels.json")));
        // b is due first; a has 1000 already committed, so its new spend is its spend − 1000
        String dated = ok.replaceFirst("\"valuePerUnit\": 10,", "\"valuePerUnit\": 10, \"commitBy\": \"2026-11-30\", "
                + "\"fixedSpend\": 1000,").replaceFirst("(?s)(\"id\": \"b\".*?\"valuePerUnit\": 10,)",
                "$1 \"commitBy\": \"2026-11-28\",");
        assertEquals(0, run("allocate", "--problem", write(dated)), err);
        JsonNode r = new ObjectMapper().readTree(out);
        JsonNode sch = r.get("schedule");
        assertEquals(2, sch.size(), out);
        assertEquals("b", sch.get(0).get("id").asText());
        assertEquals("2026-11-28", sch.get(0).get("commitBy").asText());
        assertEquals("a", sch.get(1).get("id").asText());
        assertEquals(r.get("cells").get(0).get("spend").asDouble() - 1000, sch.get(1).get("newSpend").asDouble(),
                1e-9);
        // symmetric cells, budget 30000 of new spend on top of a's 1000: both end at 15500 (equal marginals)
        assertEquals(15500, r.get("cells").get(0).get("spend").asDouble(), 1e-4);
    }
}
