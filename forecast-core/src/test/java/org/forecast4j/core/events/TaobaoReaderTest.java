package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaobaoReaderTest {

    @TempDir
    Path dir;

    @Test
    void read_gzipSlice_countsTypesAsPythonReference() {
        // Reference: taobao_reference.py (python3 csv + gzip) -> taobao_head5000_daily.csv
        long[] expected = new long[4];
        for (String[] r : TestData.csv("taobao_head5000_daily.csv")) {
            for (int t = 0; t < 4; t++) {
                expected[t] += Long.parseLong(r[1 + t]);
            }
        }
        long[] counts = new long[4];
        ReadReport report = TaobaoReader.of(TestData.resource("taobao_head5000.csv.gz"))
                .read(e -> counts[e.type().code()]++);
        assertEquals(5000, report.rows());
        assertEquals(5000, report.events());
        assertEquals(0, report.badRows());
        // codes: pv 0, fav 1, cart 2, buy 3; the csv columns are pv, fav, cart, buy
        for (int t = 0; t < 4; t++) {
            assertEquals(expected[t], counts[t], "type " + BehaviorType.fromCode(t));
        }
    }

    @Test
    void read_firstRow_parsesAllFields() {
        List<BehaviorEvent> first = new ArrayList<>();
        TaobaoReader.of(TestData.resource("taobao_head5000.csv.gz")).read(e -> {
            if (first.isEmpty()) {
                first.add(e.copy());
            }
        });
        // first line of the file: 1,2268318,2520377,pv,1511544070
        BehaviorEvent e = first.get(0);
        assertEquals(1, e.userId());
        assertEquals(2268318, e.itemId());
        assertEquals(2520377, e.categoryId());
        assertEquals(BehaviorType.PV, e.type());
        assertEquals(1511544070L, e.epochSecond());
    }

    @Test
    void read_badRowsUnderSkip_countedWithLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, ("1,2,3,pv,100\r\n"
                + "1,2,3,view,101\n"
                + "\n"
                + "1,2,x,buy,102\n"
                + "1,2,3,buy\n"
                + "1,2,3,cart,103,9\n"
                + "4,5,6,fav,104").getBytes(StandardCharsets.US_ASCII));
        List<BehaviorEvent> got = new ArrayList<>();
        ReadReport r = TaobaoReader.of(f).withPolicy(BadRowPolicy.SKIP).read(e -> got.add(e.copy()));
        assertEquals(6, r.rows()); // the blank line is not a row
        assertEquals(2, r.events());
        assertEquals(4, r.badRows());
        assertEquals("bad.csv:2: column 4 (behavior_type): expected pv, fav, cart or buy, got 'view'",
                r.messages().get(0));
        assertEquals("bad.csv:4: column 3 (category_id): expected an integer, got 'x'", r.messages().get(1));
        assertEquals("bad.csv:5: expected 5 fields, got 4", r.messages().get(2));
        assertEquals("bad.csv:6: expected 5 fields, got more", r.messages().get(3));
        assertEquals(104, got.get(1).epochSecond());
        assertEquals(BehaviorType.FAV, got.get(1).type());
    }

    @Test
    void read_badRowUnderFail_throwsNamingFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, "1,2,3,pv,100\n1,2,3,pv,1e9\n".getBytes(StandardCharsets.US_ASCII));
        EventParseException e = assertThrows(EventParseException.class, () -> TaobaoReader.of(f).read(ev -> { }));
        assertEquals("bad.csv:2: column 5 (timestamp): expected an integer, got '1e9'", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void read_lineLongerThanBuffer_isReportedNotLost() throws IOException {
        Path f = dir.resolve("long.csv");
        StringBuilder sb = new StringBuilder("1,2,3,pv,100\n");
        sb.append("9".repeat(200_000)).append(",1,1,pv,1\n").append("4,5,6,buy,7\n");
        Files.write(f, sb.toString().getBytes(StandardCharsets.US_ASCII));
        long[] n = {0};
        ReadReport r = TaobaoReader.of(f).withPolicy(BadRowPolicy.SKIP).read(e -> n[0]++);
        assertEquals(2, n[0]);
        assertEquals(1, r.badRows());
        assertTrue(r.messages().get(0).startsWith("long.csv:2: column 1 (user_id): expected an integer"));
    }

    @Test
    void writeThenRead_roundTripsEveryField() throws IOException {
        Path f = dir.resolve("round.csv.gz");
        List<BehaviorEvent> in = List.of(
                new BehaviorEvent().set(7, 8, 9, BehaviorType.BUY, 1_511_544_070L),
                new BehaviorEvent().set(0, 123_456_789_012L, 1, BehaviorType.CART, -5),
                new BehaviorEvent().set(1, 2, 3, BehaviorType.FAV, 0));
        try (TaobaoWriter w = TaobaoWriter.to(f)) {
            in.forEach(w::onEvent);
            assertEquals(3, w.written());
        }
        List<BehaviorEvent> out = new ArrayList<>();
        TaobaoReader.of(f).read(e -> out.add(e.copy()));
        assertEquals(in.toString(), out.toString());
    }

    @Test
    void read_sharedSample_matchesPublishedCounts() {
        assumeTrue(Files.isReadable(TestData.SHARED_TAOBAO), "shared Taobao sample absent");
        // Reference: /work/shared/data/taobao-userbehavior/SOURCE.md (python3 csv counts by its curator)
        long[] counts = new long[4];
        ReadReport r = TaobaoReader.of(TestData.SHARED_TAOBAO).read(e -> counts[e.type().code()]++);
        assertEquals(84_475, r.events());
        assertEquals(75_872, counts[BehaviorType.PV.code()]);
        assertEquals(2_356, counts[BehaviorType.FAV.code()]);
        assertEquals(4_497, counts[BehaviorType.CART.code()]);
        assertEquals(1_750, counts[BehaviorType.BUY.code()]);
    }
}
