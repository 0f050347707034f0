package org.forecast4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slices of the M4 Weekly and Hourly files (Mcompetitions/M4-methods, Dataset/Train and Dataset/Test; rows
 * W295..W300 and H1..H4 copied unchanged, padding trimmed) in src/test/resources/reference/m4/. Expected values are
 * read off those files.
 */
class M4ReaderTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(M4ReaderTest.class.getResource("/reference/m4/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void read_weeklySlice_idsValuesAndPaddingDropped() {
        M4Data d = M4Reader.read(resource("weekly-train-slice.csv"), resource("weekly-test-slice.csv"), 13, 1);
        assertEquals(List.of("W295", "W296", "W297", "W298", "W299", "W300"), d.ids());
        assertEquals(13, d.horizon());
        TimeSeries w295 = d.train().get("W295");
        assertEquals(80, w295.length());
        assertEquals(5820, w295.get(0));
        assertEquals(2979, w295.get(79));
        assertEquals(1, w295.period());
        assertEquals(Frequency.INDEX, w295.frequency());
        assertEquals("W295", w295.name());
        double[] t = d.test("W296");
        assertEquals(13, t.length);
        assertEquals(3427, t[0]);
        assertEquals(3062, t[12]);
    }

    @Test
    void read_withoutHorizon_usesShortestTestRow_andPeriod() {
        M4Data d = M4Reader.read(resource("hourly-train-slice.csv"), resource("hourly-test-slice.csv"), 24);
        assertEquals(48, d.horizon());
        assertEquals(4, d.size());
        assertEquals(700, d.train().get("H1").length());
        assertEquals(24, d.train().get("H4").period());
        assertEquals(605, d.train().get("H1").get(0));
        assertEquals(5481, d.train().get("H4").get(699));
    }

    @Test
    void read_shorterHorizon_keepsFirstValues() {
        M4Data d = M4Reader.read(resource("weekly-train-slice.csv"), resource("weekly-test-slice.csv"), 2, 1);
        assertArrayEquals(new double[] {3090, d.test("W295")[1]}, d.test("W295"));
        assertEquals(2, d.test("W300").length);
    }

    @Test
    void test_unknownId_throws() {
        M4Data d = M4Reader.read(resource("weekly-train-slice.csv"), resource("weekly-test-slice.csv"), 13, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.test("X"));
        assertTrue(e.getMessage().contains("'X'"), e.getMessage());
    }

    @Test
    void read_raggedRow_namesFileAndLine() throws IOException {
        Path tr = write("tr.csv", "\"V1\",\"V2\",\"V3\"\n\"A\",\"1\",\"2\"\n\"B\",\"1\",\"2\",\"3\"\n");
        Path te = write("te.csv", "\"V1\",\"V2\"\n\"A\",\"1\"\n\"B\",\"1\"\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> M4Reader.read(tr, te, 1, 1));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(tr + " line 3: row has 4 cells, the header has 3"), e.getMessage());
    }

    @Test
    void read_testShorterThanHorizon_throws() throws IOException {
        Path tr = write("tr.csv", "V1,V2,V3\nA,1,2\nB,3,4\n");
        Path te = write("te.csv", "V1,V2,V3\nA,1,2\nB,1,\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> M4Reader.read(tr, te, 2, 1));
        assertEquals(te + " line 3: test series 'B' has 1 values, fewer than the horizon 2", e.getMessage());
    }

    @Test
    void read_badCells_throwWithColumn() throws IOException {
        Path te = write("te.csv", "V1,V2\nA,1\n");
        Path gap = write("gap.csv", "V1,V2,V3\nA,,2\n");
        assertEquals("V3", assertThrows(CsvFormatException.class, () -> M4Reader.read(gap, te, 1, 1)).column());
        Path text = write("text.csv", "V1,V2,V3\nA,1,x\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> M4Reader.read(text, te, 1, 1));
        assertTrue(e.getMessage().endsWith("column 'V3': 'x' is not a number"), e.getMessage());
        Path inf = write("inf.csv", "V1,V2\nA,Infinity\n");
        assertThrows(CsvFormatException.class, () -> M4Reader.read(inf, te, 1, 1));
        Path empty = write("empty.csv", "V1,V2\nA,\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> M4Reader.read(empty, te, 1, 1)).getMessage()
                .contains("series 'A' has no values"));
        Path dup = write("dup.csv", "V1,V2\nA,1\nA,2\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> M4Reader.read(dup, te, 1, 1)).getMessage()
                .contains("repeats line 2"));
    }

    @Test
    void read_idsDiffer_orCountsDiffer_throws() throws IOException {
        Path tr = write("tr.csv", "V1,V2\nA,1\nB,2\n");
        Path swapped = write("sw.csv", "V1,V2\nB,1\nA,2\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> M4Reader.read(tr, swapped, 1, 1)).getMessage()
                .contains("series id 'B' differs from 'A'"));
        Path one = write("one.csv", "V1,V2\nA,1\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> M4Reader.read(tr, one, 1, 1)).getMessage()
                .contains("has 1 series, the training file"));
    }

    @Test
    void read_badArguments_throw() throws IOException {
        Path tr = write("tr.csv", "V1,V2\nA,1\n");
        assertEquals("horizon must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> M4Reader.read(tr, tr, 0, 1)).getMessage());
        assertEquals("period must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> M4Reader.read(tr, tr, 1, 0)).getMessage());
        Path missing = dir.resolve("missing.csv");
        assertTrue(assertThrows(UncheckedIOException.class, () -> M4Reader.read(missing, tr, 1, 1)).getMessage()
                .endsWith("missing.csv: no such file"));
        Path headerOnly = write("h.csv", "V1,V2\n");
        assertTrue(assertThrows(CsvFormatException.class, () -> M4Reader.read(headerOnly, tr, 1, 1)).getMessage()
                .contains("no series"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
