package org.forecast4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected values are read off the small files in src/test/resources/io by hand.
 */
class CsvSeriesReaderTest {

    private static final double NA = Double.NaN;

    @TempDir
    Path tmp;

    private static Path resource(String name) {
        try {
            return Path.of(CsvSeriesReaderTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a resource through a Reader so that messages carry the bare file name. */
    private static TimeSeries readNamed(CsvSeriesReader r, String name) throws IOException {
        try (Reader in = Files.newBufferedReader(resource(name))) {
            return r.read(in, name);
        }
    }

    private static CsvFormatException failure(CsvSeriesReader r, String name) {
        return assertThrows(CsvFormatException.class, () -> readNamed(r, name));
    }

    private static final CsvSeriesReader DATE_Y = CsvSeriesReader.create().withDateColumn("date").withValueColumn("y");

    @Test
    void read_dailyFile_infersDailyParsesMissingTokens() {
        TimeSeries s = DATE_Y.read(resource("daily.csv"));
        assertEquals(Frequency.DAILY, s.frequency());
        assertEquals(7, s.period());
        assertEquals(LocalDate.of(2024, 1, 1).atStartOfDay(), s.start());
        assertEquals("y", s.name());
        assertArrayEquals(new double[] {10, 12, NA, 14, NA, NA, 17.5, 100}, s.values());
    }

    @Test
    void read_valueOnlyFile_isIndexedOneToN() {
        TimeSeries s = CsvSeriesReader.create().read(resource("values_only.csv"));
        assertEquals(Frequency.INDEX, s.frequency());
        assertEquals(1, s.period());
        assertArrayEquals(new double[] {3, 1, 4, 1, 5}, s.values());
        assertEquals("1", s.label(0));
        assertEquals("5", s.label(4));
    }

    @Test
    void read_noDateColumnGiven_isIndexedAndFrequencySetsPeriod() {
        TimeSeries s = CsvSeriesReader.create().withValueColumn("y").withFrequency(Frequency.DAILY)
                .read(resource("daily.csv"));
        assertEquals(Frequency.INDEX, s.frequency());
        assertEquals(7, s.period());
        assertEquals(8, s.length());
    }

    @Test
    void read_valueColumnNotNamed_usesTheOnlyColumnLeft() {
        TimeSeries s = CsvSeriesReader.create().withDateColumn("date").read(resource("daily.csv"));
        assertEquals("y", s.name());
        assertEquals(8, s.length());
    }

    @Test
    void read_valueColumnNotNamedAndSeveralLeft_takesYOrValue() {
        // no date column given: indexed 1..n, values from the column named y
        TimeSeries s = CsvSeriesReader.create().read(resource("daily.csv"));
        assertEquals(Frequency.INDEX, s.frequency());
        assertArrayEquals(new double[] {10, 12, NA, 14, NA, NA, 17.5, 100}, s.values());
        s = CsvSeriesReader.create().read(new StringReader("a,Value,b\n1,2,3\n"), "v.csv");
        assertArrayEquals(new double[] {2}, s.values());
    }

    @Test
    void read_valueColumnNotNamedAndAmbiguous_listsCandidates() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvSeriesReader.create().read(new StringReader("date,orders,visits\n2024-01-01,1,2\n"), "a.csv"));
        assertEquals("a.csv line 1: name the value column: candidates are date, orders, visits", e.getMessage());
        e = assertThrows(CsvFormatException.class,
                () -> CsvSeriesReader.create().read(new StringReader("y,value\n1,2\n"), "b.csv"));
        assertEquals("b.csv line 1: name the value column: candidates are y, value", e.getMessage());
    }

    @Test
    void read_givenPeriodAndFrequency_overrideDefaults() {
        TimeSeries s = DATE_Y.withFrequency(Frequency.DAILY).withPeriod(14).read(resource("daily.csv"));
        assertEquals(14, s.period());
        assertEquals(Frequency.DAILY, s.frequency());
    }

    @Test
    void read_nonNumericCell_namesFileLineAndColumn() {
        CsvFormatException e = failure(DATE_Y, "not_a_number.csv");
        assertEquals("not_a_number.csv line 4, column 'y': 'abc' is not a number", e.getMessage());
        assertEquals("not_a_number.csv", e.source());
        assertEquals(4, e.line());
        assertEquals("y", e.column());
        assertEquals("'abc' is not a number", e.detail());
    }

    @Test
    void read_duplicateTimestamp_isReported() {
        CsvFormatException e = failure(DATE_Y, "duplicate.csv");
        assertEquals("duplicate.csv line 4, column 'date': duplicate timestamp 2024-01-02 (also on line 3)",
                e.getMessage());
    }

    @Test
    void read_unorderedTimestamps_areReported() {
        CsvFormatException e = failure(DATE_Y, "unordered.csv");
        assertEquals("unordered.csv line 4, column 'date': timestamp 2024-01-02 is earlier than 2024-01-03 on line 3;"
                + " rows must be in increasing time order", e.getMessage());
    }

    @Test
    void read_gap_isAnErrorByDefault() {
        CsvFormatException e = failure(DATE_Y, "gap.csv");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("gap of 2 missing DAILY periods between 2024-01-02 (line 3) and "
                + "2024-01-05"), e.getMessage());
    }

    @Test
    void read_gapWithFill_insertsNaN() {
        TimeSeries s = DATE_Y.withFillGaps(true).read(resource("gap.csv"));
        assertArrayEquals(new double[] {10, 12, NA, NA, 15, 16}, s.values());
        assertEquals("2024-01-06", s.label(5));
    }

    @Test
    void read_timestampOffTheGrid_isReported() {
        CsvFormatException e = failure(DATE_Y.withFrequency(Frequency.DAILY).withFillGaps(true), "off_grid.csv");
        assertEquals("off_grid.csv line 4, column 'date': timestamp 2024-01-03T12:00 is not on the DAILY grid that "
                + "starts at 2024-01-01 (line 2)", e.getMessage());
    }

    @Test
    void read_quarterEnds_inferQuarterlyAnchoredOnMonthEnds() {
        TimeSeries s = DATE_Y.read(resource("quarter_ends.csv"));
        assertEquals(Frequency.QUARTERLY, s.frequency());
        assertEquals(4, s.period());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, s.values());
        // timestamps stay on month ends (not on the 30th of every third month)
        assertEquals("2023-06-30", s.label(0));
        assertEquals("2023-12-31", s.label(2));
        assertEquals("2024-03-31", s.label(3));
        assertEquals("2024-09-30", s.label(5));
        assertEquals("2024-12-31", s.label(6));
    }

    @Test
    void read_monthlyMonthEndsFromFebruary_stayOnMonthEnds() {
        TimeSeries s = DATE_Y.read(new StringReader("date,y\n2023-02-28,1\n2023-03-31,2\n2023-04-30,3\n"), "m.csv");
        assertEquals(Frequency.MONTHLY, s.frequency());
        assertEquals("2023-02-28", s.label(0));
        assertEquals("2023-03-31", s.label(1));
        assertEquals("2023-05-31", s.label(3));
        assertEquals("2024-02-29", s.label(12));
    }

    @Test
    void read_monthlyOnThe28thFromFebruary_staysOnThe28th() {
        TimeSeries s = DATE_Y.read(new StringReader("date,y\n2023-02-28,1\n2023-03-28,2\n2023-04-28,3\n"), "m.csv");
        assertEquals("2023-03-28", s.label(1));
        assertEquals("2023-05-28", s.label(3));
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> DATE_Y.read(new StringReader("date,y\n2023-02-28,1\n2023-03-31,2\n2023-04-28,3\n"), "x.csv"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("is not on the MONTHLY grid"), e.getMessage());
    }

    @Test
    void read_mixedDateTimeForms_inferHourly() {
        TimeSeries s = DATE_Y.read(resource("hourly_mixed.csv"));
        assertEquals(Frequency.HOURLY, s.frequency());
        assertEquals(24, s.period());
        assertArrayEquals(new double[] {1, 2, 3, 4}, s.values());
        assertEquals(LocalDateTime.of(2024, 1, 1, 4, 0), s.timestamp(4));
    }

    @Test
    void read_byteOrderMark_isIgnored() {
        TimeSeries s = DATE_Y.read(resource("bom.csv"));
        assertArrayEquals(new double[] {1, 2}, s.values());
    }

    @Test
    void read_quotedMultilineCellAndBlankLine_keepPhysicalLineNumbers() {
        // the record on lines 2-3 spans two lines, line 5 is blank, so the bad cell is on line 6
        CsvFormatException e = failure(DATE_Y, "multiline.csv");
        assertEquals("multiline.csv line 6, column 'y': 'x' is not a number", e.getMessage());
    }

    @Test
    void read_rowWithTooFewFields_isReported() {
        CsvFormatException e = failure(DATE_Y, "short_row.csv");
        assertEquals("short_row.csv line 3: expected 2 fields (date, y), got 1", e.getMessage());
    }

    @Test
    void read_noSuchColumn_listsTheColumns() {
        CsvFormatException e = failure(DATE_Y.withValueColumn("orders"), "daily.csv");
        assertEquals("daily.csv line 1, column 'orders': no such column; the columns are date, y", e.getMessage());
    }

    @Test
    void read_columnNameIgnoringCase_matches() {
        TimeSeries s = CsvSeriesReader.create().withDateColumn("DATE").withValueColumn(" Y ").read(resource("daily.csv"));
        assertEquals(8, s.length());
    }

    @Test
    void read_missingFile_namesTheFile() {
        Path missing = tmp.resolve("nope.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DATE_Y.read(missing));
        assertEquals(missing + ": cannot read: no such file", e.getMessage());
    }

    @Test
    void read_directoryOrBrokenGzip_namesTheFileAndTheProblem() throws IOException {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DATE_Y.read(tmp));
        assertEquals(tmp + ": cannot read: is a directory, not a file", e.getMessage());
        Path fake = tmp.resolve("fake.csv.gz");
        Files.write(fake, new byte[] {0x1f, (byte) 0x8b, 'x', 'y', 'z'});
        e = assertThrows(UncheckedIOException.class, () -> DATE_Y.read(fake));
        assertTrue(e.getMessage().startsWith(fake + ": cannot read: not a valid gzip file"), e.getMessage());
        // a truncated gzip stream fails while reading (here already in the buffered header): reported as such
        Path gz = tmp.resolve("cut.csv.gz");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(Files.readAllBytes(resource("daily.csv")));
        }
        byte[] all = bytes.toByteArray();
        Files.write(gz, java.util.Arrays.copyOf(all, all.length - 12));
        CsvFormatException c = assertThrows(CsvFormatException.class, () -> DATE_Y.read(gz));
        assertTrue(c.getMessage().contains("Unexpected end of ZLIB input stream"), c.getMessage());
    }

    @Test
    void read_duplicateColumnNames_areReported() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> DATE_Y.read(new StringReader("date,y,y\n2024-01-01,1,2\n"), "d.csv"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("d.csv line 1: bad header: "), e.getMessage());
    }

    @Test
    void read_unterminatedQuote_isReportedWithItsLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> DATE_Y.read(new StringReader("date,y\n2024-01-01,1\n\"2024-01-02,2\n"), "q.csv"));
        assertEquals(3, e.line());
        assertTrue(e.detail().startsWith("malformed CSV"), e.getMessage());
    }

    @Test
    void read_emptyFileAndHeaderOnly_areReported() throws IOException {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> DATE_Y.read(new StringReader(""), "e.csv"));
        assertEquals("e.csv: file is empty (no header line)", e.getMessage());
        e = assertThrows(CsvFormatException.class, () -> DATE_Y.read(new StringReader("date,y\n"), "h.csv"));
        assertEquals("h.csv: no data rows (the series is empty)", e.getMessage());
    }

    @Test
    void read_singleTimestampWithoutFrequency_asksForIt() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> DATE_Y.read(new StringReader("date,y\n2024-01-01,3\n"), "one.csv"));
        assertTrue(e.getMessage().startsWith("one.csv column 'date': cannot infer the frequency"), e.getMessage());
        TimeSeries s = DATE_Y.withFrequency(Frequency.MONTHLY).read(new StringReader("date,y\n2024-01-01,3\n"), "one");
        assertEquals("2024-02-01", s.label(1));
    }

    @Test
    void read_badTimestamp_isReported() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> DATE_Y.read(new StringReader("date,y\n2024-01-01,3\n2024-13-01,4\n"), "t.csv"));
        assertEquals("t.csv line 3, column 'date': '2024-13-01' is not an ISO date or date-time "
                + "(e.g. 2024-03-31 or 2024-03-31T13:00)", e.getMessage());
    }

    @Test
    void read_infiniteOrHexOrSuffixedNumbers_areRejected() {
        for (String bad : new String[] {"Infinity", "0x10", "1d", "1,5", "--1"}) {
            CsvFormatException e = assertThrows(CsvFormatException.class,
                    () -> CsvSeriesReader.create().read(new StringReader("y\n1\n\"" + bad + "\"\n"), "n.csv"));
            assertEquals("'" + bad + "' is not a number", e.detail());
            assertEquals(3, e.line());
        }
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvSeriesReader.create().read(new StringReader("y\n1e999\n"), "n.csv"));
        assertEquals("'1e999' is out of the range of a double", e.detail());
    }

    @Test
    void read_gzipFile_equalsPlainFile() throws IOException {
        Path gz = tmp.resolve("daily.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(resource("daily.csv")));
        }
        assertEquals(DATE_Y.read(resource("daily.csv")), DATE_Y.read(gz));
    }

    @Test
    void read_keyColumnSet_pointsToReadPanel() {
        assertThrows(IllegalArgumentException.class, () -> DATE_Y.withKeyColumn("k").read(resource("daily.csv")));
        assertThrows(IllegalStateException.class, () -> DATE_Y.readPanel(resource("daily.csv")));
    }

    @Test
    void readPanel_interleavedRows_keysInFirstAppearanceOrder() {
        Panel p = CsvSeriesReader.create().withKeyColumn("region").withDateColumn("date").withValueColumn("buys")
                .readPanel(resource("panel.csv"));
        assertEquals(List.of("north", "south", "east"), p.keys());
        assertArrayEquals(new double[] {5, 6, NA}, p.get("north").values());
        assertArrayEquals(new double[] {7, 8, 9}, p.get("south").values());
        assertArrayEquals(new double[] {1, 2}, p.get("east").values());
        assertEquals(Frequency.MONTHLY, p.get("east").frequency());
        assertEquals("2024-03-01", p.get("east").label(2));
        assertEquals("east", p.get("east").name());
    }

    @Test
    void readPanel_duplicateWithinAKey_namesTheSeries() {
        String csv = "k,date,y\na,2024-01-01,1\nb,2024-01-01,1\na,2024-01-02,2\na,2024-01-02,3\n";
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvSeriesReader.create().withKeyColumn("k")
                .withDateColumn("date").readPanel(new StringReader(csv), "p.csv"));
        assertEquals("p.csv line 5, column 'date': duplicate timestamp 2024-01-02 in series 'a' (also on line 4)",
                e.getMessage());
    }

    @Test
    void readPanel_emptyKey_isReported() {
        String csv = "k,y\na,1\n,2\n";
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvSeriesReader.create().withKeyColumn("k").readPanel(new StringReader(csv), "p.csv"));
        assertEquals("p.csv line 3, column 'k': empty key", e.getMessage());
    }

    @Test
    void readPanel_gzipOnDisk_readsKeysWithoutDates() throws IOException {
        Path gz = tmp.resolve("p.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("k,y\na,1\nb,2\na,3\n".getBytes(StandardCharsets.UTF_8));
        }
        Panel p = CsvSeriesReader.create().withKeyColumn("k").readPanel(gz);
        assertArrayEquals(new double[] {1, 3}, p.get("a").values());
        assertEquals(Frequency.INDEX, p.get("b").frequency());
    }

    private static final CsvSeriesReader DETECT = CsvSeriesReader.create().withDateColumnDetection(true);

    @Test
    void detection_quotedConventionalName_isTheDateColumnAsSpelled() {
        TimeSeries s = DETECT.read(new StringReader("\"DS\",sales\n2024-01-01,1\n2024-01-02,2\n"), "a.csv");
        assertEquals(Frequency.DAILY, s.frequency());
        assertEquals(LocalDate.of(2024, 1, 1).atStartOfDay(), s.start());
        assertEquals("sales", s.name());
        assertArrayEquals(new double[] {1, 2}, s.values());
    }

    @Test
    void detection_offByDefault_keepsTheFileIndexed() {
        TimeSeries s = CsvSeriesReader.create().read(new StringReader("date,y\n2024-01-01,1\n2024-01-02,2\n"),
                "a.csv");
        assertEquals(Frequency.INDEX, s.frequency());
        assertArrayEquals(new double[] {1, 2}, s.values());
    }

    @Test
    void detection_noConventionalName_isIndexed() {
        TimeSeries s = DETECT.withValueColumn("sales").read(new StringReader("day,sales\n2024-01-01,1\n"), "b.csv");
        assertEquals(Frequency.INDEX, s.frequency());
        assertArrayEquals(new double[] {1}, s.values());
    }

    @Test
    void detection_severalNames_prefersDateDsTimestampDatetimeTimeInThatOrder() {
        // "time" comes first in the file but "date" is preferred; " Timestamp " (blanks, case) beats "time"
        TimeSeries s = DETECT.read(new StringReader("time,date,y\n09:00,2024-03-01,1\n09:00,2024-03-02,2\n"), "c");
        assertEquals(LocalDate.of(2024, 3, 1).atStartOfDay(), s.start());
        s = DETECT.withValueColumn("y").read(new StringReader(
                "time, Timestamp ,y\nx,2024-03-01T10:00,1\nx,2024-03-01T11:00,2\n"), "c");
        assertEquals(Frequency.HOURLY, s.frequency());
        assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0), s.start());
    }

    @Test
    void detection_neverTakesTheKeyOrTheNamedValueColumn() {
        TimeSeries s = DETECT.withValueColumn("time").read(new StringReader("time\n5\n6\n"), "v.csv");
        assertEquals(Frequency.INDEX, s.frequency());
        assertArrayEquals(new double[] {5, 6}, s.values());
        Panel p = DETECT.withKeyColumn("date").readPanel(new StringReader(
                "date,ds,y\na,2024-01-01,1\na,2024-01-02,2\n"), "p.csv");
        assertEquals(LocalDate.of(2024, 1, 1).atStartOfDay(), p.get("a").start());
    }

    @Test
    void detection_namedDateColumn_wins() {
        TimeSeries s = DETECT.withDateColumn("day").read(new StringReader(
                "date,day,y\nx,2024-01-01,1\nx,2024-01-02,2\n"), "n.csv");
        assertEquals(LocalDate.of(2024, 1, 1).atStartOfDay(), s.start());
    }

    @Test
    void detection_byteOrderMarkBeforeAQuotedHeader_isDropped() {
        TimeSeries s = DETECT.read(new StringReader("\uFEFF\"date\",\"y\"\n2024-01-01,1\n2024-01-02,2\n"), "b.csv");
        assertEquals(Frequency.DAILY, s.frequency());
        assertEquals("y", s.name());
    }

    @Test
    void detection_otherDelimiter_parsesTheHeaderWithIt() {
        // the quoted name holds a comma: a comma split of the header would see three columns
        TimeSeries s = DETECT.withDelimiter(';').read(new StringReader(
                "\"Date\";\"sales, eur\"\n2024-01-01;1.5\n2024-01-08;2\n"), "s.csv");
        assertEquals(Frequency.WEEKLY, s.frequency());
        assertEquals("sales, eur", s.name());
        assertArrayEquals(new double[] {1.5, 2}, s.values());
        s = DETECT.withDelimiter('\t').read(new StringReader("ds\ty\n2024-01\t3\n2024-02\t4\n"), "t.tsv");
        assertEquals(Frequency.MONTHLY, s.frequency());
    }

    @Test
    void withDelimiter_quoteOrLineBreak_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvSeriesReader.create().withDelimiter('"'));
        assertTrue(e.getMessage().contains("delimiter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvSeriesReader.create().withDelimiter('\n'));
    }

    @Property(tries = 150)
    void read_monthEndSeries_labelsEqualTheDates(@ForAll @IntRange(min = 0, max = 600) int startMonth,
                                                 @ForAll("monthSteps") int stepMonths,
                                                 @ForAll @IntRange(min = 2, max = 30) int n) {
        // month ends generated with YearMonth.atEndOfMonth, independently of Frequency.add
        YearMonth first = YearMonth.of(1990, 1).plusMonths(startMonth);
        StringBuilder csv = new StringBuilder("date,y\n");
        for (int i = 0; i < n; i++) {
            csv.append(first.plusMonths((long) i * stepMonths).atEndOfMonth()).append(',').append(i).append('\n');
        }
        TimeSeries s = DATE_Y.read(new StringReader(csv.toString()), "p.csv");
        for (int i = 0; i < n + 5; i++) {
            assertEquals(first.plusMonths((long) i * stepMonths).atEndOfMonth().toString(), s.label(i));
        }
    }

    @Provide
    Arbitrary<Integer> monthSteps() {
        return Arbitraries.of(1, 3, 12);
    }
}
