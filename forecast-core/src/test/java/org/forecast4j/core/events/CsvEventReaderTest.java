package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEventReaderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final double EXACT = 1e-12;
    // sums of two-decimal prices in file order, as python does; allow for summation-order rounding only
    private static final double REVENUE_TOL = 1e-9;

    @TempDir
    Path dir;

    static ColumnMapping retail() {
        return ColumnMapping.builder()
                .time("InvoiceDate", TimeFormat.local("yyyy-MM-dd HH:mm:ss", LONDON))
                .user("CustomerID").item("StockCode").fixedType(BehaviorType.BUY)
                .quantity("Quantity").price("UnitPrice").channel("Country").session("InvoiceNo").build();
    }

    private static TimeSeries daily(EventSource src, Measure m) {
        return Aggregator.aggregate(src, AggregationSpec.builder().measure(m).zone(LONDON).build())
                .panel().get("all");
    }

    @Test
    void read_retailSlice_dailyTotalsMatchPython() {
        // Reference: retail_reference.py (python3 csv) -> retail_head1500_daily.csv
        CsvEventReader r = CsvEventReader.of(TestData.resource("retail_head1500.csv.gz"), retail());
        TimeSeries rows = daily(r, Measure.events());
        TimeSeries qty = daily(r, Measure.quantity());
        TimeSeries rev = daily(r, Measure.revenue());
        TimeSeries customers = daily(r, Measure.distinctUsers(null));
        List<String[]> ref = TestData.csv("retail_head1500_daily.csv");
        // 2010-12-04 is a Saturday (the shop is closed): an explicit zero, so 6 days for 5 reference rows
        assertEquals(6, rows.length());
        assertEquals(0.0, rows.get(3), EXACT);
        for (String[] row : ref) {
            int i = (int) (LocalDate.parse(row[0]).toEpochDay() - LocalDate.of(2010, 12, 1).toEpochDay());
            assertEquals(Double.parseDouble(row[1]), rows.get(i), EXACT, row[0]);
            assertEquals(Double.parseDouble(row[2]), qty.get(i), EXACT, row[0]);
            assertEquals(Double.parseDouble(row[3]), rev.get(i), REVENUE_TOL * Math.abs(rev.get(i)), row[0]);
            assertEquals(Double.parseDouble(row[4]), customers.get(i), EXACT, row[0]);
        }
    }

    @Test
    void read_textStockCodes_roundTripThroughDictionary() {
        CsvEventReader r = CsvEventReader.of(TestData.resource("retail_head1500.csv.gz"), retail());
        AggregationResult res = Aggregator.aggregate(r, AggregationSpec.builder().measure(Measure.events())
                .by(GroupKey.item()).keyNames(r.dictionary()::name).zone(LONDON).build());
        // python reference: distinct StockCodes on the busiest day is 77, over the slice there are 100 at most
        assertTrue(res.panel().keys().contains("85123A"), res.panel().keys().toString());
        assertTrue(res.panel().keys().contains("22423"));
        assertTrue(r.dictionary().size() > 0);
        assertEquals(-1, r.dictionary().idOf("85123A") < 0 ? -1 : 0);
    }

    @Test
    void read_plainAndGzip_giveTheSameEvents() throws IOException {
        Path plain = dir.resolve("plain.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.resource("retail_head1500.csv.gz")))) {
            Files.copy(in, plain);
        }
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        CsvEventReader.of(plain, retail()).read(e -> a.add(e.toString()));
        CsvEventReader.of(TestData.resource("retail_head1500.csv.gz"), retail()).read(e -> b.add(e.toString()));
        assertEquals(1500, a.size());
        assertEquals(a, b);
    }

    @Test
    void read_badRows_reportedWithLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "1,A,\"x, y\",2,2010-12-01 08:26:00,2.5,17850.0,UK\n"
                + "2,B,z,two,2010-12-01 08:27:00,2.5,17850.0,UK\n"
                + "3,C,z,1,2010-12-01 8:28,2.5,,UK\n"
                + "4,D,z,1\n"
                + "5,E,z,1,2010-12-01 08:29:00,,,UK\n").getBytes(StandardCharsets.UTF_8));
        List<BehaviorEvent> got = new ArrayList<>();
        ReadReport r = CsvEventReader.of(f, retail()).withPolicy(BadRowPolicy.SKIP).read(e -> got.add(e.copy()));
        assertEquals(5, r.rows());
        assertEquals(3, r.badRows());
        assertEquals("bad.csv:3: column 4 (Quantity): expected a number, got 'two'", r.messages().get(0));
        assertEquals("bad.csv:4: column 5 (InvoiceDate): expected a local date-time 'yyyy-MM-dd HH:mm:ss' "
                + "(Europe/London), got '2010-12-01 8:28'", r.messages().get(1));
        assertEquals("bad.csv:5: expected at least 8 fields, got 4", r.messages().get(2));
        assertEquals(2, got.size());
        assertEquals(17850, got.get(0).userId());
        assertEquals(BehaviorEvent.NO_ID, got.get(1).userId());
        assertTrue(Double.isNaN(got.get(1).price()));
        assertEquals("UK", got.get(0).channel());
        assertEquals("1", got.get(0).session());
        EventParseException ex = assertThrows(EventParseException.class,
                () -> CsvEventReader.of(f, retail()).read(e -> { }));
        assertEquals(3, ex.line());
    }

    @Test
    void read_malformedQuoting_failsWithLine() throws IOException {
        Path f = dir.resolve("q.csv");
        Files.write(f, ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "1,A,ok,2,2010-12-01 08:26:00,2.5,17850.0,UK\n"
                + "2,B,\"unterminated\"x,2,2010-12-01 08:26:00,2.5,17850.0,UK\n").getBytes(StandardCharsets.UTF_8));
        EventParseException e = assertThrows(EventParseException.class,
                () -> CsvEventReader.of(f, retail()).read(ev -> { }));
        assertTrue(e.getMessage().startsWith("q.csv:3: malformed CSV"), e.getMessage());
    }

    @Test
    void read_missingColumn_failsNamingIt() throws IOException {
        Path f = dir.resolve("h.csv");
        Files.write(f, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> CsvEventReader.of(f, retail()).read(e -> { }));
        assertTrue(ex.getMessage().contains("column 'CustomerID' not in header [a, b]"), ex.getMessage());
    }

    @Test
    void read_typeColumnWithAliasesAndCustomTypes() throws IOException {
        Path f = dir.resolve("t.tsv");
        Files.write(f, ("user\titem\tkind\tts\n1\t10\tview\t2017-11-25T01:00:00+08:00\n"
                + "1\t10\tShare\t2017-11-25T01:00:00Z\n1\t10\tBUY\t2017-11-25T02:00:00Z\n")
                .getBytes(StandardCharsets.UTF_8));
        ColumnMapping m = ColumnMapping.builder().user("user").item("item").type("kind")
                .typeAlias("view", BehaviorType.PV).time("ts", TimeFormat.iso()).build();
        List<BehaviorEvent> got = new ArrayList<>();
        CsvEventReader.of(f, m).withDelimiter('\t').read(e -> got.add(e.copy()));
        assertEquals(BehaviorType.PV, got.get(0).type());
        assertEquals(1_511_542_800L, got.get(0).epochSecond()); // 2017-11-24T17:00:00Z
        assertEquals(BehaviorType.of("share"), got.get(1).type());
        assertTrue(!got.get(1).type().isBuiltIn());
        assertEquals(BehaviorType.BUY, got.get(2).type());
    }

    @Test
    void read_sharedTop100File_dailyRevenueMatchesPython() {
        assumeTrue(Files.isReadable(TestData.SHARED_RETAIL), "shared Online Retail data absent");
        // Reference: retail_reference.py over the whole shared file -> retail_top100_daily.csv
        CsvEventReader r = CsvEventReader.of(TestData.SHARED_RETAIL, retail());
        AggregationResult res = Aggregator.aggregate(r, AggregationSpec.builder().measure(Measure.revenue())
                .frequency(Frequency.DAILY).zone(LONDON).build());
        TimeSeries rev = res.panel().get("all");
        List<String[]> ref = TestData.csv("retail_top100_daily.csv");
        assertEquals(102_010, res.eventsAggregated());
        assertEquals(374, rev.length()); // 2010-12-01 .. 2011-12-09, closed days as explicit zeros
        double closedDays = 0;
        for (double v : rev.values()) {
            if (v == 0) {
                closedDays++;
            }
        }
        assertEquals(374 - ref.size(), closedDays, EXACT);
        for (String[] row : ref) {
            int i = (int) (LocalDate.parse(row[0]).toEpochDay() - LocalDate.of(2010, 12, 1).toEpochDay());
            assertEquals(Double.parseDouble(row[3]), rev.get(i), REVENUE_TOL * Math.abs(rev.get(i)) + 1e-9, row[0]);
        }
    }
}
