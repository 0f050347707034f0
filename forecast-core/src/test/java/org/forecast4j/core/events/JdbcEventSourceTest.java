package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.zip.GZIPInputStream;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real embedded database: H2 2.3.232 in memory, loaded with H2's own CSVREAD (not our reader). */
class JdbcEventSourceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime NOV25 = LocalDateTime.of(2017, 11, 25, 0, 0);
    private static final LocalDateTime DEC4 = LocalDateTime.of(2017, 12, 4, 0, 0);
    private static final String URL = "jdbc:h2:mem:events_test;DB_CLOSE_DELAY=-1";
    private static final String QUERY = "SELECT user_id, item_id, category_id, behavior_type, ts FROM behavior";
    private static final double EXACT = 1e-12;

    @TempDir
    static Path dir;
    private static Connection keepAlive;

    @BeforeAll
    static void load() throws IOException, SQLException {
        Path plain = dir.resolve("taobao.csv");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.resource("taobao_head5000.csv.gz")))) {
            Files.copy(in, plain);
        }
        keepAlive = DriverManager.getConnection(URL);
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE behavior(user_id BIGINT, item_id BIGINT, category_id BIGINT, "
                    + "behavior_type VARCHAR(8), ts BIGINT)");
            st.execute("INSERT INTO behavior SELECT * FROM CSVREAD('" + plain.toString().replace("'", "''")
                    + "', 'user_id,item_id,category_id,behavior_type,ts', 'charset=UTF-8')");
            // the same events with a local (China) TIMESTAMP column instead of epoch seconds
            st.execute("CREATE TABLE behavior_ts AS SELECT user_id, item_id, category_id, behavior_type, "
                    + "DATEADD(SECOND, ts + 28800, TIMESTAMP '1970-01-01 00:00:00') AS t FROM behavior");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        keepAlive.close();
    }

    private static JdbcEventSource source() {
        return JdbcEventSource.of(() -> DriverManager.getConnection(URL), QUERY, ColumnMapping.builder()
                .user("user_id").item("item_id").category("category_id").type("behavior_type")
                .time("ts", TimeFormat.epochSeconds()).build());
    }

    private static AggregationSpec.Builder daily(Measure m) {
        return AggregationSpec.builder().measure(m).zone(SHANGHAI).range(NOV25, DEC4);
    }

    @Test
    void read_streamsEveryRow() {
        long[] counts = new long[4];
        ReadReport r = source().read(e -> counts[e.type().code()]++);
        assertEquals(5000, r.events());
        // Reference: taobao_reference.py sums of taobao_head5000_daily.csv: pv 4553, fav 131, cart 230, buy 86
        long[] expected = new long[4];
        for (String[] row : TestData.csv("taobao_head5000_daily.csv")) {
            for (int t = 0; t < 4; t++) {
                expected[t] += Long.parseLong(row[1 + t]);
            }
        }
        for (int t = 0; t < 4; t++) {
            assertEquals(expected[t], counts[t]);
        }
    }

    @Test
    void aggregate_pushedDown_matchesPythonReference() {
        JdbcEventSource src = source();
        AggregationSpec buys = daily(Measure.buys()).by(GroupKey.category()).build();
        assertTrue(src.canPushDown(buys));
        AggregationResult r = src.aggregate(buys);
        // Reference: taobao_reference.py -> taobao_head5000_category_buys.csv
        for (String[] row : TestData.csv("taobao_head5000_category_buys.csv")) {
            int i = (int) (LocalDate.parse(row[1]).toEpochDay() - LocalDate.of(2017, 11, 25).toEpochDay());
            assertEquals(Double.parseDouble(row[2]), r.panel().get(row[0]).get(i), EXACT, row[0] + " " + row[1]);
        }
        Map<String, String[]> ref = new HashMap<>();
        for (String[] row : TestData.csv("taobao_head5000_daily.csv")) {
            ref.put(row[0], row);
        }
        TimeSeries users = src.aggregate(daily(Measure.distinctUsers(null)).build()).panel().get("all");
        TimeSeries conv = src.aggregate(daily(Measure.conversionRate()).build()).panel().get("all");
        for (int i = 0; i < 9; i++) {
            String[] row = ref.get(users.label(i));
            assertEquals(Double.parseDouble(row[5]), users.get(i), EXACT);
            assertEquals(Double.parseDouble(row[4]) / Double.parseDouble(row[1]), conv.get(i), EXACT);
        }
    }

    @Test
    void aggregate_pushedDown_equalsStreamingForEverySpec() {
        JdbcEventSource src = source();
        List<AggregationSpec> specs = List.of(
                daily(Measure.events()).frequency(Frequency.HOURLY).build(),
                daily(Measure.count(BehaviorType.CART)).by(GroupKey.item()).build(),
                daily(Measure.approxDistinctUsers(BehaviorType.PV, 14)).by(GroupKey.category()).build(),
                daily(Measure.events()).frequency(Frequency.WEEKLY).build(),
                AggregationSpec.builder().measure(Measure.events()).zone(SHANGHAI).build(),
                daily(Measure.events()).range(NOV25.plusHours(7), DEC4.minusHours(2))
                        .partialPeriods(PartialPeriods.DROP).build(),
                daily(Measure.quantity()).build());
        for (AggregationSpec spec : specs) {
            assertTrue(src.canPushDown(spec), spec.toString());
            AggregationResult db = src.aggregate(spec);
            AggregationResult java = Aggregator.aggregate(src, spec);
            assertEquals(java.panel().keys(), db.panel().keys(), spec.toString());
            assertEquals(java.start(), db.start(), spec.toString());
            assertEquals(java.firstPeriodPartial(), db.firstPeriodPartial(), spec.toString());
            assertEquals(java.lastPeriodPartial(), db.lastPeriodPartial(), spec.toString());
            assertEquals(java.eventsAggregated(), db.eventsAggregated(), spec.toString());
            for (String k : java.panel().keys()) {
                double[] a = java.panel().get(k).values();
                double[] b = db.panel().get(k).values();
                for (int i = 0; i < a.length; i++) {
                    // HyperLogLog streams an estimate while SQL counts exactly: within 3 standard errors
                    double tol = spec.measure().relativeStandardError() * 3 * b[i] + EXACT;
                    assertEquals(b[i], a[i], tol, spec + " key " + k + " period " + i);
                }
            }
        }
    }

    @Test
    void aggregate_notPushable_fallsBackToStreaming() {
        JdbcEventSource src = source();
        AggregationSpec dst = daily(Measure.events()).zone(ZoneId.of("Europe/Berlin")).build();
        AggregationSpec seg = daily(Measure.events()).by(GroupKey.userSegment(u -> u % 2 == 0 ? "even" : "odd"))
                .build();
        AggregationSpec ab = daily(Measure.cartAbandonment()).build();
        assertFalse(src.canPushDown(dst));
        assertFalse(src.canPushDown(seg));
        assertFalse(src.canPushDown(ab));
        TimeSeries abandonment = src.aggregate(ab).panel().get("all");
        // Reference: taobao_reference.py abandonment column
        List<String[]> ref = TestData.csv("taobao_head5000_daily.csv");
        for (int i = 0; i < 9; i++) {
            assertEquals(Double.parseDouble(ref.get(i + 1)[6]), abandonment.get(i), EXACT);
        }
        double total = 0;
        for (TimeSeries s : src.aggregate(seg).panel()) {
            for (double v : s.values()) {
                total += v;
            }
        }
        assertEquals(4999, total, EXACT);
    }

    @Test
    void read_localTimestampColumn_interpretedInGivenZone() {
        JdbcEventSource src = JdbcEventSource.of(() -> DriverManager.getConnection(URL),
                "SELECT * FROM behavior_ts", ColumnMapping.builder().user("user_id").type("behavior_type")
                        .time("t", TimeFormat.local("yyyy-MM-dd HH:mm:ss", SHANGHAI)).build());
        AggregationSpec spec = daily(Measure.events()).build();
        assertFalse(src.canPushDown(spec));
        TimeSeries a = src.aggregate(spec).panel().get("all");
        TimeSeries b = source().aggregate(spec).panel().get("all");
        assertEquals(b, a);
    }

    @Test
    void read_nullType_isABadRowWithRowNumber() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS small(user_id BIGINT, behavior_type VARCHAR(8), ts BIGINT)");
            st.execute("DELETE FROM small");
            st.execute("INSERT INTO small VALUES (1, 'pv', 100), (2, NULL, 101), (3, 'buy', NULL)");
        }
        JdbcEventSource src = JdbcEventSource.of(() -> DriverManager.getConnection(URL),
                "SELECT * FROM small ORDER BY user_id", ColumnMapping.builder().user("user_id")
                        .type("behavior_type").time("ts", TimeFormat.epochSeconds()).build())
                .withPolicy(BadRowPolicy.SKIP);
        ReadReport r = src.read(e -> { });
        assertEquals(1, r.events());
        assertEquals(List.of("query:2: column 2 (behavior_type): expected an event type name, got 'null'",
                "query:3: column 3 (ts): expected Unix seconds, got NULL"), r.messages());
    }

    @Test
    void read_mappedColumnNotInResult_namesIt() {
        JdbcEventSource src = JdbcEventSource.of(() -> DriverManager.getConnection(URL), QUERY, ColumnMapping.builder()
                .user("user_id").item("nosuch").time("ts", TimeFormat.epochSeconds()).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> src.read(ev -> { }));
        assertTrue(e.getMessage().contains("query result has no column 'nosuch'"), e.getMessage());
    }

    @Test
    void of_rejectsNonIdentifierColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JdbcEventSource.of(
                () -> DriverManager.getConnection(URL), QUERY, ColumnMapping.builder()
                        .time("ts; DROP TABLE behavior", TimeFormat.epochSeconds()).build()));
        assertEquals("column names must be plain SQL identifiers, got 'ts; DROP TABLE behavior'", e.getMessage());
    }
}
