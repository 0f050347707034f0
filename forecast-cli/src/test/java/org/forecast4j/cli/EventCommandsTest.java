package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EventCommandsTest {

    @TempDir
    Path dir;

    private static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertBadInput(Run r, String expected) {
        assertEquals(2, r.code, r.err);
        String[] lines = r.err.split("\n", -1);
        assertEquals(2, lines.length, "exactly one line on stderr: " + r.err);
        assertTrue(lines[0].startsWith("forecast4j: ") && lines[0].contains(expected), r.err);
    }

    @Test
    void aggregate_tinyTaobaoFile_writesExpectedLongPanel() throws IOException {
        // 1511544070 = 2017-11-25 01:21:10 China time; 1511654400 = 2017-11-26 08:00:00; 1511800000 = 2017-11-28
        Path events = dir.resolve("e.csv");
        Files.write(events, ("1,10,100,buy,1511544070\n2,11,100,pv,1511544071\n3,12,200,buy,1511654400\n"
                + "4,12,200,buy,1511800000\n").getBytes(StandardCharsets.US_ASCII));
        Path panel = dir.resolve("panel.csv");
        Run r = run("aggregate", "--events", events.toString(), "--measure", "buys", "--by", "category",
                "--frequency", "daily", "--zone", "Asia/Shanghai", "--output", panel.toString());
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err);
        assertEquals(List.of("key,date,value",
                "100,2017-11-25,1", "100,2017-11-26,0", "100,2017-11-27,0", "100,2017-11-28,0",
                "200,2017-11-25,0", "200,2017-11-26,1", "200,2017-11-27,0", "200,2017-11-28,1"),
                Files.readAllLines(panel));
    }

    @Test
    void aggregate_bySegmentFile_groupsUsers() throws IOException {
        Path events = dir.resolve("e.csv");
        Files.write(events, ("1,10,100,pv,1511544070\n2,11,100,pv,1511544071\n3,12,200,pv,1511544072\n"
                + "9,12,200,pv,1511544073\n").getBytes(StandardCharsets.US_ASCII));
        Path seg = dir.resolve("seg.csv");
        Files.write(seg, "user,segment\n1,new\n2,loyal\n3,loyal\n".getBytes(StandardCharsets.US_ASCII));
        Run r = run("aggregate", "--events", events.toString(), "--by", "segment", "--segments", seg.toString(),
                "--zone", "Asia/Shanghai", "--output", "-");
        assertEquals(0, r.code, r.err);
        assertEquals(List.of("key,date,value", "loyal,2017-11-25,2", "new,2017-11-25,1", "unknown,2017-11-25,1"),
                List.of(r.out.split("\n")));
        assertBadInput(run("aggregate", "--events", events.toString(), "--by", "segment", "--zone", "UTC",
                "--output", "-"), "--by segment needs --segments <file> (header user,segment)");
        Files.write(seg, "user,segment\nx,new\n".getBytes(StandardCharsets.US_ASCII));
        assertBadInput(run("aggregate", "--events", events.toString(), "--by", "segment", "--segments",
                seg.toString(), "--zone", "UTC", "--output", "-"), "seg.csv:2: expected an integer user id, got 'x,new'");
    }

    @Test
    void simulateThenAggregate_totalsAgreeWithSimulatorSummary() throws IOException {
        Path events = dir.resolve("sim.csv.gz");
        Run s = run("simulate", "--users", "300", "--days", "5", "--seed", "3", "--promotion", "2017-11-27:2.5",
                "--output", events.toString());
        assertEquals(0, s.code, s.err);
        Matcher m = Pattern.compile("simulated (\\d+) events \\(pv (\\d+), fav (\\d+), cart (\\d+), buy (\\d+)\\)")
                .matcher(s.out);
        assertTrue(m.find(), s.out);
        long buys = Long.parseLong(m.group(5));
        Run a = run("aggregate", "--events", events.toString(), "--measure", "buys", "--by", "category",
                "--zone", "Asia/Shanghai", "--from", "2017-11-25", "--to", "2017-12-01", "--output", "-");
        // the range ends one day after the last simulated day: a purchase follows its cart by up to 30 minutes,
        // so late-evening purchases of the last day fall after local midnight
        assertEquals(0, a.code, a.err);
        double total = 0;
        String[] lines = a.out.split("\n");
        assertEquals("key,date,value", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            total += Double.parseDouble(lines[i].split(",")[2]);
        }
        assertEquals(buys, total, 0.0);
    }

    @Test
    void aggregate_csvWithLocalTimes_sumsRevenueInThatZone() throws IOException {
        Path events = dir.resolve("orders.csv");
        Files.write(events, ("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
                + "1,85123A,6,2010-12-01 08:26:00,2.55,17850.0\n"
                + "2,85123A,-1,2010-12-01 23:59:59,2.55,17850.0\n"
                + "3,22423,2,2010-12-02 00:00:00,12.75,\n").getBytes(StandardCharsets.UTF_8));
        Run a = run("aggregate", "--events", events.toString(), "--format", "csv", "--time", "InvoiceDate",
                "--time-format", "yyyy-MM-dd HH:mm:ss", "--zone", "Europe/London", "--fixed-type", "buy",
                "--item", "StockCode", "--user", "CustomerID", "--quantity", "Quantity", "--price", "UnitPrice",
                "--measure", "revenue", "--by", "item", "--output", "-");
        assertEquals(0, a.code, a.err);
        // 6 × 2.55 − 2.55 = 12.75 on 1 Dec for 85123A; 2 × 12.75 = 25.5 on 2 Dec for 22423
        // numeric codes sort before text codes (ids ascending, then dictionary order)
        assertEquals(List.of("key,date,value", "22423,2010-12-01,0", "22423,2010-12-02,25.5",
                "85123A,2010-12-01,12.75", "85123A,2010-12-02,0"), List.of(a.out.split("\n")));
    }

    @Test
    void aggregate_badInput_oneLineExitTwo() throws IOException {
        Path events = dir.resolve("e.csv");
        Files.write(events, "1,10,100,buy,1511544070\n1,10,100,look,1511544070\n"
                .getBytes(StandardCharsets.US_ASCII));
        String out = dir.resolve("p.csv").toString();
        assertBadInput(run("aggregate", "--events", events.toString(), "--zone", "Asia/Shanghai", "--output", out),
                "e.csv:2: column 4 (behavior_type): expected pv, fav, cart or buy, got 'look'");
        assertBadInput(run("aggregate", "--events", events.toString(), "--zone", "Mars/Olympus", "--output", out),
                "--zone must be a time zone like Asia/Shanghai or UTC, got 'Mars/Olympus'");
        assertBadInput(run("aggregate", "--events", dir.resolve("none.csv").toString(), "--zone", "UTC",
                "--output", out), "--events file not found or not readable");
        assertBadInput(run("aggregate", "--events", events.toString(), "--zone", "UTC", "--frequency", "monthly",
                "--output", out), "--frequency must be hourly, daily or weekly, got 'monthly'");
        assertBadInput(run("aggregate", "--events", events.toString(), "--zone", "UTC", "--measure", "a b",
                "--output", out), "measure must be events, pv");
        assertBadInput(run("aggregate", "--events", events.toString(), "--zone", "UTC", "--format", "xml",
                "--output", out), "--format must be taobao, csv or jdbc, got 'xml'");
        Run skip = run("aggregate", "--events", events.toString(), "--zone", "UTC", "--bad-rows", "skip",
                "--output", out);
        assertEquals(0, skip.code);
        assertTrue(skip.err.startsWith("forecast4j: skipped 1 bad rows of 2; first: e.csv:2:"), skip.err);
    }

    @Test
    void simulate_badInput_oneLineExitTwo() {
        String out = dir.resolve("s.csv").toString();
        assertBadInput(run("simulate", "--users", "0", "--output", out), "users must be > 0, got 0");
        assertBadInput(run("simulate", "--promotion", "2017-12-02", "--output", out),
                "--promotion must be date:lift like 2017-12-02:3, got '2017-12-02'");
        assertBadInput(run("simulate", "--stockout-rate", "2", "--output", out),
                "stockOutRate must be in [0, 1], got 2.0");
    }

    @Test
    void help_bothCommands_listTheirFlags() {
        Run a = run("aggregate", "--help");
        assertEquals(0, a.code);
        for (String flag : new String[] {"--events", "--format", "--measure", "--by", "--frequency", "--zone",
            "--from", "--to", "--drop-partial", "--bad-rows", "--output", "--time", "--time-format", "--jdbc-url",
            "--query", "--version"}) {
            assertTrue(a.out.contains(flag), flag + " missing from aggregate --help");
        }
        Run s = run("simulate", "--help");
        assertEquals(0, s.code);
        for (String flag : new String[] {"--users", "--days", "--seed", "--promotion", "--output"}) {
            assertTrue(s.out.contains(flag), flag + " missing from simulate --help");
        }
        assertTrue(run("simulate", "--version").out.startsWith("forecast4j "));
    }
}
