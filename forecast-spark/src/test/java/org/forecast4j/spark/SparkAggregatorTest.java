package org.forecast4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.events.AggregationSpec;
import org.forecast4j.core.events.Aggregator;
import org.forecast4j.core.events.BehaviorEvent;
import org.forecast4j.core.events.BehaviorType;
import org.forecast4j.core.events.GroupKey;
import org.forecast4j.core.events.Measure;
import org.forecast4j.core.events.PartialPeriods;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark aggregation against the core {@link Aggregator} fed with the same simulated events (the expected panel
 * is computed by the single-machine code, which has its own reference tests in forecast-core). Counts and sums
 * of small integers and two-decimal prices are compared to 1e-9 (summation order differs between the paths).
 */
class SparkAggregatorTest {

    private static final StructType EVENTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("user_id", DataTypes.LongType, true),
            DataTypes.createStructField("item_id", DataTypes.LongType, true),
            DataTypes.createStructField("category_id", DataTypes.LongType, true),
            DataTypes.createStructField("behavior_type", DataTypes.StringType, false),
            DataTypes.createStructField("timestamp", DataTypes.LongType, false),
            DataTypes.createStructField("channel", DataTypes.StringType, true),
            DataTypes.createStructField("quantity", DataTypes.DoubleType, true),
            DataTypes.createStructField("price", DataTypes.DoubleType, true)));
    private static final String[] TYPES = {"pv", "pv", "pv", "pv", "fav", "cart", "buy"};
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static SparkSession spark;
    private static List<Row> rows;
    private static Dataset<Row> events;
    private static List<BehaviorEvent> coreEvents;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.session();
        SplittableRandom rnd = new SplittableRandom(11);
        rows = new ArrayList<>();
        coreEvents = new ArrayList<>();
        // 3,000 events over ~20 days from 2024-03-01 12:34 UTC (crosses the US DST change on 2024-03-10)
        long t0 = LocalDateTime.of(2024, 3, 1, 12, 34).toEpochSecond(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 3000; i++) {
            long user = rnd.nextInt(40);
            long item = rnd.nextInt(25);
            Long category = rnd.nextInt(30) == 0 ? null : item % 4;
            String type = TYPES[rnd.nextInt(TYPES.length)];
            long t = t0 + rnd.nextLong(20L * 86_400);
            String channel = rnd.nextBoolean() ? "app" : rnd.nextBoolean() ? "web" : null;
            Double q = rnd.nextInt(3) == 0 ? null : (double) (1 + rnd.nextInt(3));
            Double p = type.equals("buy") && rnd.nextInt(5) > 0 ? (100 + rnd.nextInt(9900)) / 100.0 : null;
            rows.add(RowFactory.create(user, item, category, type, t, channel, q, p));
            BehaviorEvent e = new BehaviorEvent().set(user, item, category == null ? BehaviorEvent.NO_ID : category,
                    BehaviorType.of(type), t).channel(channel);
            if (q != null) {
                e.quantity(q);
            }
            if (p != null) {
                e.price(p);
            }
            coreEvents.add(e);
        }
        events = spark.createDataFrame(rows, EVENTS);
    }

    private static Panel core(AggregationSpec spec) {
        Aggregator a = Aggregator.of(spec);
        for (BehaviorEvent e : coreEvents) {
            a.onEvent(e);
        }
        return a.result().panel();
    }

    private static void assertSamePanel(Panel expected, Dataset<Row> got, Frequency f) {
        Map<String, Map<LocalDateTime, Row>> byKey = new HashMap<>();
        for (Row r : got.collectAsList()) {
            byKey.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put((LocalDateTime) r.get(1), r);
        }
        assertEquals(expected.keys().size(), byKey.size(), "keys " + expected.keys() + " vs " + byKey.keySet());
        for (String key : expected.keys()) {
            TimeSeries s = expected.get(key);
            Map<LocalDateTime, Row> g = byKey.get(key);
            assertEquals(s.length(), g.size(), key);
            for (int i = 0; i < s.length(); i++) {
                Row r = g.get(s.timestamp(i));
                assertTrue(r != null, key + " has no row at " + s.timestamp(i));
                if (Double.isNaN(s.get(i))) {
                    assertTrue(r.isNullAt(2), key + " " + s.timestamp(i) + " should be missing");
                } else {
                    assertEquals(s.get(i), r.getDouble(2), 1e-9, key + " " + s.timestamp(i));
                }
            }
        }
    }

    private static AggregationSpec.Builder spec(Measure m, GroupKey k, Frequency f, ZoneId zone) {
        return AggregationSpec.builder().measure(m).by(k).frequency(f).zone(zone);
    }

    @Test
    void aggregate_countsSumsAndDistinct_matchCoreAggregator() {
        // each spec exercises a different measure, key, frequency, zone (with and without DST), week start,
        // partial-period policy and range
        List<AggregationSpec> specs = List.of(
                spec(Measure.buys(), GroupKey.category(), Frequency.DAILY, SHANGHAI).build(),
                spec(Measure.events(), GroupKey.all(), Frequency.HOURLY, NEW_YORK).build(),
                spec(Measure.distinctUsers(BehaviorType.PV), GroupKey.item(), Frequency.WEEKLY, NEW_YORK)
                        .weekStart(DayOfWeek.SUNDAY).build(),
                spec(Measure.revenue(), GroupKey.channel(), Frequency.DAILY, NEW_YORK)
                        .partialPeriods(PartialPeriods.DROP).build(),
                spec(Measure.quantity(), GroupKey.category(), Frequency.DAILY, SHANGHAI)
                        .range(LocalDateTime.of(2024, 3, 5, 6, 0), LocalDateTime.of(2024, 3, 12, 0, 0))
                        .partialPeriods(PartialPeriods.DROP).build());
        for (AggregationSpec s : specs) {
            assertSamePanel(core(s), SparkAggregator.builder(s).build().aggregate(events), s.frequency());
        }
    }

    @Test
    void aggregate_ratioMeasures_matchCoreWithMissingPeriods() {
        for (Measure m : List.of(Measure.conversionRate(), Measure.cartAbandonment())) {
            AggregationSpec s = spec(m, GroupKey.item(), Frequency.DAILY, SHANGHAI).build();
            Panel expected = core(s);
            long missing = 0;
            for (TimeSeries t : expected) {
                missing += t.missingCount();
            }
            assertTrue(missing > 0, "the data must exercise undefined periods for " + m);
            assertSamePanel(expected, SparkAggregator.builder(s).build().aggregate(events), s.frequency());
        }
    }

    @Test
    void aggregate_thenForecast_oneJobFromEventsToForecasts() {
        AggregationSpec s = spec(Measure.events(), GroupKey.category(), Frequency.DAILY, SHANGHAI).build();
        Dataset<Row> series = SparkAggregator.builder(s).build().aggregate(events);
        Dataset<Row> forecasts = SparkForecaster.builder("{\"model\":\"naive\"}").keys("key").horizon(3)
                .build().forecast(series);
        Panel expected = core(s);
        Map<String, List<Row>> got = new HashMap<>();
        for (Row r : forecasts.collectAsList()) {
            got.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        assertEquals(expected.size(), got.size());
        for (String key : expected.keys()) {
            Forecast f = Forecasters.naive().fit(expected.get(key)).forecast(3, 80, 95);
            for (Row r : got.get(key)) {
                int step = r.getInt(2);
                assertEquals(f.timestamps().get(step - 1), r.get(1));
                assertEquals(f.mean()[step - 1], r.getDouble(3), 0.0);
                assertEquals(f.upper(95)[step - 1], r.getDouble(7), 1e-9);
            }
        }
    }

    @Test
    void builder_segmentKeyAndBadTimeColumn_rejected() {
        AggregationSpec seg = spec(Measure.events(), GroupKey.userSegment(u -> "s"), Frequency.DAILY, SHANGHAI)
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkAggregator.builder(seg));
        assertTrue(e.getMessage().startsWith("key must be all, category, item or channel in Spark"), e.getMessage());
        AggregationSpec s = spec(Measure.events(), GroupKey.all(), Frequency.DAILY, SHANGHAI).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> SparkAggregator.builder(s).time("channel").build().aggregate(events));
        assertEquals("time column 'channel' must be epoch seconds (an integral type) or TIMESTAMP, got string",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SparkAggregator.builder(s).type("kind").build().aggregate(events));
        assertTrue(e.getMessage().startsWith("type column 'kind' not found"), e.getMessage());
    }
}
