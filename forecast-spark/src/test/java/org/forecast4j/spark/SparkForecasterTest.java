package org.forecast4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Level;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.panel.PanelForecaster;
import org.forecast4j.core.panel.SeriesResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark results against the single-machine path. Expected values are computed independently of Spark, by the
 * core panel engine or direct fits on series built in plain Java from the same rows; forecasts must be
 * identical (exact double equality: both paths run the same deterministic code on the same values).
 */
class SparkForecasterTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.session();
    }

    /** Groups rows (sku, region, day, units) into series in plain Java: key "sku/region", start = first day. */
    private static Map<String, TimeSeries> seriesOf(List<Row> rows) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            byKey.computeIfAbsent(r.getString(0) + "/" + r.getInt(1), k -> new ArrayList<>()).add(r);
        }
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Row>> e : byKey.entrySet()) {
            List<Row> rs = e.getValue();
            double[] v = new double[rs.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rs.get(i).isNullAt(3) ? Double.NaN : rs.get(i).getDouble(3);
            }
            LocalDate start = rs.get(0).getDate(2).toLocalDate();
            out.put(e.getKey(), TimeSeries.builder(v).start(start).frequency(org.forecast4j.core.Frequency.DAILY)
                    .name(e.getKey()).build());
        }
        return out;
    }

    private static Map<String, List<Row>> byKey(Dataset<Row> result) {
        Map<String, List<Row>> out = new HashMap<>();
        for (Row r : result.collectAsList()) {
            out.computeIfAbsent(r.getString(0) + "/" + r.getInt(1), k -> new ArrayList<>()).add(r);
        }
        for (List<Row> rs : out.values()) {
            rs.sort((a, b) -> a.isNullAt(r(a, "step")) ? -1 : Integer.compare(a.getInt(r(a, "step")),
                    b.getInt(r(b, "step"))));
        }
        return out;
    }

    private static int r(Row row, String name) {
        return row.fieldIndex(name);
    }

    private Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(rows, SparkTestSupport.DAILY_SCHEMA);
    }

    private static void assertSameForecast(Forecast expected, List<Row> rows, String key) {
        assertEquals(expected.horizon(), rows.size(), key + " rows");
        double[] mean = expected.mean();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertEquals(i + 1, row.getInt(r(row, "step")), key);
            assertEquals(expected.timestamps().get(i).toLocalDate(), row.getDate(r(row, "day")).toLocalDate(), key);
            assertEquals(mean[i], row.getDouble(r(row, "mean")), 0.0, key + " mean step " + (i + 1));
            for (Level l : expected.levels()) {
                assertEquals(expected.lower(l)[i], row.getDouble(r(row, SparkForecaster.lowerColumn(l.percent()))),
                        0.0, key + " lower " + l);
                assertEquals(expected.upper(l)[i], row.getDouble(r(row, SparkForecaster.upperColumn(l.percent()))),
                        0.0, key + " upper " + l);
            }
            assertEquals(expected.model(), row.getString(r(row, "model")), key);
        }
    }

    @Test
    void forecast_snaiveWithFallback_identicalToPanelEngine() {
        List<Row> rows = new ArrayList<>(SparkTestSupport.dailyRows(20, 40, 1));
        // one short series (5 days < one week): seasonal naive fails, the naive fallback forecasts it
        rows.addAll(SparkTestSupport.dailyRows(1, 5, 2).stream()
                .map(x -> RowFactory.create("short", 0, x.get(2), x.get(3))).toList());
        Map<String, TimeSeries> series = seriesOf(rows);
        List<SeriesResult> expected = PanelForecaster.builder(Forecasters.seasonalNaive())
                .horizon(10).levels(80, 95).fallback(Forecasters.naive()).threads(1).build()
                .forecastAll(Panel.of(series));

        Dataset<Row> out = SparkForecaster.builder("{\"model\":\"snaive\"}").fallback("{\"model\":\"naive\"}")
                .keys("sku", "region").timestamp("day").value("units").horizon(10).levels(95, 80).build()
                .forecast(frame(rows));
        Map<String, List<Row>> got = byKey(out);

        assertEquals(21, got.size());
        for (SeriesResult e : expected) {
            List<Row> g = got.get(e.key());
            assertSameForecast(e.forecast(), g, e.key());
            assertEquals(e.status().name(), g.get(0).getString(r(g.get(0), "status")), e.key());
            assertEquals(e.failureReason(), g.get(0).getString(r(g.get(0), "reason")), e.key());
        }
        assertEquals("FALLBACK", got.get("short/0").get(0).getString(r(got.get("short/0").get(0), "status")));
    }

    @Test
    void forecast_seasonalArima_identicalToDirectFit() {
        List<Row> rows = SparkTestSupport.dailyRows(6, 70, 3);
        String spec = "{\"model\":\"arima\",\"order\":[1,1,1],\"seasonal\":[0,1,1]}";
        Forecaster arima = Forecasters.arima(1, 1, 1).withSeasonal(0, 1, 1);
        Dataset<Row> out = SparkForecaster.builder(spec).keys("sku", "region").timestamp("day").value("units")
                .horizon(7).build().forecast(frame(rows));
        Map<String, List<Row>> got = byKey(out);
        for (Map.Entry<String, TimeSeries> e : seriesOf(rows).entrySet()) {
            Forecast f = arima.fit(e.getValue()).forecast(7, 80, 95);
            assertSameForecast(f, got.get(e.getKey()), e.getKey());
            assertTrue(f.model().startsWith("ARIMA(1,1,1)(0,1,1)[7]"), f.model());
            assertEquals("OK", got.get(e.getKey()).get(0).getString(r(got.get(e.getKey()).get(0), "status")));
        }
    }

    @Test
    void forecast_shuffledRowsAndGaps_sortedWithinKeyAndGapsMissing() {
        List<Row> rows = new ArrayList<>(SparkTestSupport.dailyRows(4, 30, 4));
        // drop day 10 of every series: a gap becomes a missing value, not a shift
        List<Row> gappy = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i % 30 != 10) {
                gappy.add(rows.get(i));
            }
        }
        List<Row> shuffled = new ArrayList<>(gappy);
        Collections.shuffle(shuffled, new java.util.Random(5));
        Map<String, TimeSeries> plain = seriesOf(rows);

        Dataset<Row> out = SparkForecaster.builder("{\"model\":\"arima\",\"order\":[1,0,0]}")
                .keys("sku", "region").timestamp("day").value("units").horizon(3).levels(90).build()
                .forecast(frame(shuffled));
        Map<String, List<Row>> got = byKey(out);
        for (Map.Entry<String, TimeSeries> e : plain.entrySet()) {
            double[] v = e.getValue().values();
            v[10] = Double.NaN;
            TimeSeries withGap = e.getValue().withValues(v).build();
            Forecast f = Forecasters.arima(1, 0, 0).fit(withGap).forecast(3, 90);
            assertSameForecast(f, got.get(e.getKey()), e.getKey());
            // the forecast starts the day after the last observation (day 30 of 2024 = Jan 30 → Jan 31)
            assertEquals(LocalDate.of(2024, 1, 31), got.get(e.getKey()).get(0).getDate(2).toLocalDate());
        }
    }

    @Test
    void forecast_badKeys_becomeFailedRowsAndJobSucceeds() {
        List<Row> rows = new ArrayList<>(SparkTestSupport.dailyRows(2, 30, 6));
        java.sql.Date d = java.sql.Date.valueOf(LocalDate.of(2024, 3, 1));
        // duplicate timestamp
        rows.add(RowFactory.create("dup", 0, d, 1.0));
        rows.add(RowFactory.create("dup", 0, d, 2.0));
        // too short for ARIMA(0,1,1)(0,1,1)[7] and no fallback
        rows.add(RowFactory.create("short", 0, d, 3.0));
        rows.add(RowFactory.create("short", 0, java.sql.Date.valueOf(LocalDate.of(2024, 3, 2)), 4.0));
        // null timestamp
        rows.add(RowFactory.create("nulltime", 0, null, 4.0));
        Dataset<Row> out = SparkForecaster.builder("{\"model\":\"arima\",\"order\":[0,1,1],\"seasonal\":[0,1,1]}")
                .keys("sku", "region").timestamp("day").value("units").horizon(5).build().forecast(frame(rows));
        Map<String, List<Row>> got = byKey(out);

        assertEquals(5, got.size());
        assertEquals(5, got.get("sku0/0").size());
        for (String bad : List.of("dup/0", "short/0", "nulltime/0")) {
            List<Row> g = got.get(bad);
            assertEquals(1, g.size(), bad);
            Row row = g.get(0);
            assertEquals("FAILED", row.getString(r(row, "status")), bad);
            assertTrue(row.isNullAt(r(row, "day")) && row.isNullAt(r(row, "mean")) && row.isNullAt(r(row, "step")));
            assertEquals("arima", row.getString(r(row, "model")));
        }
        assertEquals("IllegalArgumentException: timestamp 2024-03-01T00:00 occurs more than once",
                got.get("dup/0").get(0).getString(r(got.get("dup/0").get(0), "reason")));
        assertTrue(got.get("nulltime/0").get(0).getString(r(got.get("nulltime/0").get(0), "reason"))
                .contains("timestamp must not be null"));
        // the reason for the short series is the core model's own message
        TimeSeries two = TimeSeries.builder(new double[] {3, 4}).start(LocalDate.of(2024, 3, 1))
                .frequency(org.forecast4j.core.Frequency.DAILY).build();
        RuntimeException direct = assertThrows(RuntimeException.class,
                () -> Forecasters.arima(0, 1, 1).withSeasonal(0, 1, 1).fit(two));
        assertEquals(direct.getClass().getSimpleName() + ": " + direct.getMessage(),
                got.get("short/0").get(0).getString(r(got.get("short/0").get(0), "reason")));
    }

    @Test
    void forecast_hourlyTimestamps_keepTypeAndStepByHour() {
        List<Row> rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        LocalDateTime t0 = LocalDateTime.of(2024, 5, 1, 0, 0);
        for (int i = 0; i < 72; i++) {
            rows.add(RowFactory.create("a", java.sql.Timestamp.valueOf(t0.plusHours(i)), 10 + rnd.nextDouble()));
        }
        Dataset<Row> df = spark.createDataFrame(rows, org.apache.spark.sql.types.DataTypes.createStructType(List.of(
                org.apache.spark.sql.types.DataTypes.createStructField("k", org.apache.spark.sql.types.DataTypes.StringType, false),
                org.apache.spark.sql.types.DataTypes.createStructField("ts", org.apache.spark.sql.types.DataTypes.TimestampType, false),
                org.apache.spark.sql.types.DataTypes.createStructField("y", org.apache.spark.sql.types.DataTypes.DoubleType, false))));
        Dataset<Row> out = SparkForecaster.builder("{\"model\":\"snaive\"}").keys("k").timestamp("ts").value("y")
                .frequency(org.forecast4j.core.Frequency.HOURLY).horizon(3).levels().build().forecast(df);
        assertEquals(org.apache.spark.sql.types.DataTypes.TimestampType, out.schema().apply("ts").dataType());
        List<Row> got = new ArrayList<>(out.collectAsList());
        got.sort((a, b) -> Integer.compare(a.getInt(2), b.getInt(2)));
        for (int i = 0; i < 3; i++) {
            assertEquals(t0.plusHours(72 + i), got.get(i).getTimestamp(1).toLocalDateTime());
            // seasonal naive with period 24 repeats the value of the same hour a day earlier
            assertEquals(((Number) rows.get(48 + i).get(2)).doubleValue(), got.get(i).getDouble(3), 0.0);
        }
        assertEquals(List.of("k", "ts", "step", "mean", "model", "status", "reason"),
                List.of(out.schema().fieldNames()));
    }

    @Test
    void forecast_levels_columnsInAscendingOrderAndNested() {
        List<Row> rows = SparkTestSupport.dailyRows(3, 40, 8);
        Dataset<Row> out = SparkForecaster.builder("{\"model\":\"drift\"}").keys("sku", "region")
                .timestamp("day").value("units").horizon(4).levels(97.5, 50, 80).build().forecast(frame(rows));
        assertEquals(List.of("sku", "region", "day", "step", "mean", "lower_50", "upper_50", "lower_80", "upper_80",
                "lower_97_5", "upper_97_5", "model", "status", "reason"), List.of(out.schema().fieldNames()));
        for (Row row : out.collectAsList()) {
            double m = row.getDouble(4);
            assertTrue(row.getDouble(9) <= row.getDouble(7) && row.getDouble(7) <= row.getDouble(5)
                    && row.getDouble(5) <= m && m <= row.getDouble(6) && row.getDouble(6) <= row.getDouble(8)
                    && row.getDouble(8) <= row.getDouble(10), row.toString());
            assertNull(row.get(13));
        }
    }

    @Test
    void models_describeFitPerKey_sameAsDirectFit() {
        List<Row> rows = SparkTestSupport.dailyRows(4, 50, 9);
        Dataset<Row> out = SparkForecaster.builder("{\"model\":\"arima\",\"order\":[0,1,1]}").keys("sku", "region")
                .timestamp("day").value("units").horizon(1).build().models(frame(rows));
        Map<String, TimeSeries> series = seriesOf(rows);
        List<Row> got = out.collectAsList();
        assertEquals(4, got.size());
        for (Row row : got) {
            String key = row.getString(0) + "/" + row.getInt(1);
            assertEquals(Forecasters.arima(0, 1, 1).fit(series.get(key)).description(), row.getString(4), key);
            assertEquals(50, row.getInt(3));
            assertEquals("OK", row.getString(5));
        }
    }

    @Test
    void backtest_perKey_sameMetricsAsCoreBacktest() {
        List<Row> rows = new ArrayList<>(SparkTestSupport.dailyRows(4, 42, 12));
        rows.add(RowFactory.create("tiny", 0, java.sql.Date.valueOf(LocalDate.of(2024, 1, 1)), 1.0));
        Dataset<Row> out = SparkForecaster.builder("{\"model\":\"snaive\"}").keys("sku", "region")
                .timestamp("day").value("units").horizon(7).levels(80).build().backtest(frame(rows), 21, 7);
        Map<String, Map<String, Row>> got = new HashMap<>();
        for (Row row : out.collectAsList()) {
            String metric = row.isNullAt(3) ? "none" : row.getString(3) + (row.isNullAt(4) ? "" : "@" + row.getDouble(4));
            got.computeIfAbsent(row.getString(0) + "/" + row.getInt(1), k -> new HashMap<>()).put(metric, row);
        }
        org.forecast4j.core.backtest.Backtest bt = org.forecast4j.core.backtest.Backtest.builder().initialWindow(21)
                .horizon(7).step(7).levels(80).parallelism(1).build();
        Map<String, TimeSeries> series = seriesOf(rows);
        series.remove("tiny/0");
        for (Map.Entry<String, TimeSeries> e : series.entrySet()) {
            org.forecast4j.core.backtest.BacktestResult r = bt.run(Map.of("snaive", Forecasters.seasonalNaive()),
                    e.getValue());
            org.forecast4j.core.metrics.Accuracy acc = r.accuracy("snaive");
            Map<String, Row> g = got.get(e.getKey());
            int expectedRows = 0;
            for (org.forecast4j.core.metrics.Metric m : acc.metrics()) {
                List<Level> lv = m.isInterval() ? acc.levels() : java.util.Arrays.asList((Level) null);
                for (Level l : lv) {
                    expectedRows++;
                    org.forecast4j.core.metrics.MetricValue v = l == null ? acc.get(m) : acc.get(m, l);
                    Row row = g.get(m.id() + (l == null ? "" : "@" + l.percent()));
                    assertEquals(v.isDefined() ? v.value() : null, row.isNullAt(5) ? null : row.getDouble(5),
                            e.getKey() + " " + m);
                    assertEquals(3, row.getInt(6), "folds at origins 21, 28, 35");
                    assertEquals(0, row.getInt(7));
                }
            }
            assertEquals(expectedRows, g.size());
        }
        Row tiny = got.get("tiny/0").get("none");
        // the core Backtest's own message
        assertEquals("IllegalArgumentException: series 'tiny/0' length 1 < initial window 21 + horizon 7: no fold fits",
                tiny.getString(8));
        assertThrows(IllegalArgumentException.class, () -> SparkForecaster.builder("{\"model\":\"naive\"}")
                .keys("sku").timestamp("day").value("units").horizon(2).build().backtest(frame(rows), 0, 1));
    }

    @Test
    void builder_badColumnsAndOptions_rejectedWithNames() {
        Dataset<Row> df = frame(SparkTestSupport.dailyRows(1, 10, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkForecaster
                .builder("{\"model\":\"naive\"}").keys("sku").timestamp("date").value("units").horizon(2).build()
                .forecast(df));
        assertEquals("timestamp column 'date' not found; columns are [sku, region, day, units]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparkForecaster.builder("{\"model\":\"naive\"}")
                .keys("region").timestamp("day").value("sku").horizon(2).build().forecast(df));
        assertEquals("value column 'sku' must be numeric, got string", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparkForecaster.builder("{\"model\":\"naive\"}")
                .keys("sku").timestamp("units").value("region").horizon(2).build().forecast(df));
        assertEquals("timestamp column 'units' must be DATE, TIMESTAMP or TIMESTAMP_NTZ, got double", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparkForecaster.builder("{\"model\":\"naive\"}")
                .horizon(0));
        assertEquals("horizon must be > 0, got 0", e.getMessage());
        assertThrows(IllegalStateException.class, () -> SparkForecaster.builder("{\"model\":\"naive\"}")
                .horizon(3).build());
        assertThrows(IllegalArgumentException.class, () -> SparkForecaster.builder("{\"model\":\"naive\"}")
                .frequency(org.forecast4j.core.Frequency.INDEX));
    }
}
