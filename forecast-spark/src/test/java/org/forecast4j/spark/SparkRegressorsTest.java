package org.forecast4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.arima.select.AutoArimaModel;
import org.forecast4j.core.metrics.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regressor columns, future rows and fitted-model JSON against the single-machine API on the same values:
 * expected forecasts come from {@link Arima#fit(TimeSeries, Regressors)} and
 * {@link FittedArima#forecast(int, List, Regressors)} on series and regressor columns built in plain Java from the
 * rows given to Spark, and must be identical (exact double equality: the same deterministic code runs on the same
 * values in both paths).
 */
class SparkRegressorsTest {

    private static final StructType HISTORY = DataTypes.createStructType(List.of(
            DataTypes.createStructField("sku", DataTypes.StringType, false),
            DataTypes.createStructField("day", DataTypes.DateType, false),
            DataTypes.createStructField("units", DataTypes.DoubleType, true),
            DataTypes.createStructField("promo", DataTypes.DoubleType, true),
            DataTypes.createStructField("holiday", DataTypes.BooleanType, true)));
    private static final StructType FUTURE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("sku", DataTypes.StringType, false),
            DataTypes.createStructField("day", DataTypes.DateType, false),
            DataTypes.createStructField("promo", DataTypes.DoubleType, true),
            DataTypes.createStructField("holiday", DataTypes.BooleanType, true)));
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final List<String> NAMES = List.of("promo", "holiday");
    private static final String ARX = "{\"model\":\"arima\",\"order\":[1,0,0]}";

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.session();
    }

    /** One simulated key: units = level + 8 promo - 5 holiday + AR(1) noise; promo and holiday known ahead. */
    private static final class Key {
        final String sku;
        final double[] y;
        final double[] promo;
        final double[] holiday;
        final int n;

        Key(String sku, int n, int h, SplittableRandom rnd) {
            this.sku = sku;
            this.n = n;
            y = new double[n];
            promo = new double[n + h];
            holiday = new double[n + h];
            double level = 40 + 20 * rnd.nextDouble();
            double e = 0;
            for (int t = 0; t < n + h; t++) {
                promo[t] = rnd.nextInt(4) == 0 ? 1 : 0;
                holiday[t] = rnd.nextInt(10) == 0 ? 1 : 0;
                e = 0.5 * e + rnd.nextGaussian();
                if (t < n) {
                    y[t] = level + 8 * promo[t] - 5 * holiday[t] + 2 * e;
                }
            }
        }

        List<Row> history() {
            List<Row> rows = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                rows.add(RowFactory.create(sku, java.sql.Date.valueOf(START.plusDays(t)), y[t], promo[t],
                        holiday[t] == 1));
            }
            return rows;
        }

        List<Row> future(int steps) {
            List<Row> rows = new ArrayList<>();
            for (int t = n; t < n + steps; t++) {
                rows.add(RowFactory.create(sku, java.sql.Date.valueOf(START.plusDays(t)), promo[t], holiday[t] == 1));
            }
            return rows;
        }

        TimeSeries series() {
            return TimeSeries.builder(y.clone()).start(START).frequency(Frequency.DAILY).name(sku).build();
        }

        Regressors xreg(int from, int to) {
            return Regressors.of(NAMES, new double[][] {java.util.Arrays.copyOfRange(promo, from, to),
                    java.util.Arrays.copyOfRange(holiday, from, to)});
        }
    }

    private static List<Key> keys(int count, int n, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Key> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(new Key("sku" + k, n, h, rnd));
        }
        return out;
    }

    private static Map<String, List<Row>> bySku(Dataset<Row> result) {
        Map<String, List<Row>> out = new HashMap<>();
        for (Row r : result.collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        for (List<Row> rs : out.values()) {
            rs.sort((a, b) -> a.isNullAt(2) ? -1 : Integer.compare(a.getInt(2), b.getInt(2)));
        }
        return out;
    }

    private static void assertSameForecast(Forecast expected, List<Row> rows, String key) {
        assertEquals(expected.horizon(), rows.size(), key + " rows");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertEquals(expected.timestamps().get(i).toLocalDate(), row.getDate(1).toLocalDate(), key);
            assertEquals(expected.mean()[i], row.getDouble(row.fieldIndex("mean")), 0.0, key + " mean " + i);
            for (Level l : expected.levels()) {
                assertEquals(expected.lower(l)[i], row.getDouble(row.fieldIndex(SparkForecaster.lowerColumn(
                        l.percent()))), 0.0, key + " lower " + l);
                assertEquals(expected.upper(l)[i], row.getDouble(row.fieldIndex(SparkForecaster.upperColumn(
                        l.percent()))), 0.0, key + " upper " + l);
            }
            assertEquals(expected.model(), row.getString(row.fieldIndex("model")), key);
        }
    }

    private static SparkForecaster.Builder arx() {
        return SparkForecaster.builder(ARX).keys("sku").timestamp("day").value("units")
                .regressors("promo", "holiday");
    }

    @Test
    void forecast_arimaWithRegressors_identicalToDirectFit() {
        int h = 7;
        List<Key> ks = keys(5, 80, h + 3, 21);
        List<Row> history = new ArrayList<>();
        List<Row> future = new ArrayList<>();
        for (Key k : ks) {
            history.addAll(k.history());
            // future rows beyond the horizon are ignored
            future.addAll(k.future(h + 3));
        }
        // a missing regressor value in the history (null → NaN, as R's NA in xreg)
        Key gap = ks.get(1);
        int gapAt = 30;
        history.set(80 + gapAt, RowFactory.create(gap.sku, java.sql.Date.valueOf(START.plusDays(gapAt)),
                gap.y[gapAt], null, gap.holiday[gapAt] == 1));
        Collections.shuffle(history, new java.util.Random(3));
        Collections.shuffle(future, new java.util.Random(4));

        Dataset<Row> out = arx().horizon(h).levels(80, 95).build()
                .forecast(spark.createDataFrame(history, HISTORY), spark.createDataFrame(future, FUTURE));
        Map<String, List<Row>> got = bySku(out);

        assertEquals(ks.size(), got.size());
        for (Key k : ks) {
            Regressors x = k.xreg(0, k.n);
            if (k == gap) {
                double[] p = x.column(0);
                p[gapAt] = Double.NaN;
                x = Regressors.of(NAMES, new double[][] {p, x.column(1)});
            }
            FittedArima fit = Arima.of(1, 0, 0).fit(k.series(), x);
            Forecast f = fit.forecast(h, Level.of(80, 95), k.xreg(k.n, k.n + h));
            assertSameForecast(f, got.get(k.sku), k.sku);
            assertEquals("OK", got.get(k.sku).get(0).getString(got.get(k.sku).get(0).fieldIndex("status")));
            // the regressors matter: the promo coefficient is near its simulated value 8
            assertEquals(8.0, fit.coefficients().get("promo"), 1.5, k.sku);
        }
    }

    @Test
    void forecast_futureRowsMissingOrEarly_failOrFallBackWithReason() {
        int h = 5;
        List<Key> ks = keys(3, 40, h, 22);
        List<Row> history = new ArrayList<>();
        for (Key k : ks) {
            history.addAll(k.history());
        }
        List<Row> future = new ArrayList<>();
        // sku0: complete; sku1: only 2 of 5 future rows; sku2: a future row on its last observed day
        future.addAll(ks.get(0).future(h));
        future.addAll(ks.get(1).future(2));
        future.add(RowFactory.create("sku2", java.sql.Date.valueOf(START.plusDays(39)), 0.0, false));
        future.addAll(ks.get(2).future(h));
        Dataset<Row> hist = spark.createDataFrame(history, HISTORY);
        Dataset<Row> fut = spark.createDataFrame(future, FUTURE);

        Map<String, List<Row>> noFallback = bySku(arx().horizon(h).build().forecast(hist, fut));
        assertEquals(h, noFallback.get("sku0").size());
        Row r1 = noFallback.get("sku1").get(0);
        assertEquals("FAILED", r1.getString(r1.fieldIndex("status")));
        assertEquals("IllegalArgumentException: regressors [promo, holiday] have future values for 2 of the 5 "
                + "periods after 2024-02-09T00:00: no future row at 2024-02-12T00:00", r1.getString(r1.fieldIndex(
                "reason")));
        Row r2 = noFallback.get("sku2").get(0);
        assertEquals("IllegalArgumentException: future row at 2024-02-09T00:00 is not after the last observation "
                + "at 2024-02-09T00:00", r2.getString(r2.fieldIndex("reason")));

        // a fallback without regressors forecasts the key whose future rows are short (not the malformed one)
        Map<String, List<Row>> withFallback = bySku(arx().fallback("{\"model\":\"snaive\"}").horizon(h).build()
                .forecast(hist, fut));
        List<Row> g = withFallback.get("sku1");
        assertEquals("FALLBACK", g.get(0).getString(g.get(0).fieldIndex("status")));
        assertEquals(r1.getString(r1.fieldIndex("reason")), g.get(0).getString(g.get(0).fieldIndex("reason")));
        assertSameForecast(Forecasters.seasonalNaive().fit(ks.get(1).series()).forecast(h, 80, 95), g, "sku1");
        assertEquals("FAILED", withFallback.get("sku2").get(0).getString(withFallback.get("sku2").get(0)
                .fieldIndex("status")));
    }

    @Test
    void models_modelJson_isTheDirectFitsJsonAndRestoresTheForecast() {
        List<Key> ks = keys(3, 60, 0, 23);
        List<Row> history = new ArrayList<>();
        for (Key k : ks) {
            history.addAll(k.history());
        }
        Dataset<Row> hist = spark.createDataFrame(history, HISTORY);

        Dataset<Row> models = arx().horizon(3).modelJson(true).build().models(hist);
        assertEquals(List.of("sku", "model", "observations", "description", "status", "reason", "json"),
                List.of(models.schema().fieldNames()));
        Map<String, Row> got = new HashMap<>();
        for (Row r : models.collectAsList()) {
            got.put(r.getString(0), r);
        }
        for (Key k : ks) {
            FittedArima direct = Arima.of(1, 0, 0).fit(k.series(), k.xreg(0, k.n));
            String json = got.get(k.sku).getString(6);
            assertEquals(direct.toJson(), json, k.sku);
            assertEquals(direct.description(), got.get(k.sku).getString(3));
            Regressors next = Regressors.of(NAMES, new double[][] {{1, 0, 0}, {0, 0, 1}});
            assertEquals(direct.forecast(3, List.of(), next).mean()[2],
                    FittedArima.fromJson(json).forecast(3, List.of(), next).mean()[2], 0.0);
        }

        // auto-ARIMA: the JSON of the ARIMA it chose; a baseline has no JSON form
        Map<String, Row> auto = new HashMap<>();
        SparkForecaster.Builder b = SparkForecaster.builder("{\"model\":\"autoarima\"}").keys("sku")
                .timestamp("day").value("units").horizon(3).modelJson(true);
        for (Row r : b.build().models(hist).collectAsList()) {
            auto.put(r.getString(0), r);
        }
        AutoArimaModel direct = AutoArima.builder().build().fit(ks.get(0).series());
        assertEquals(direct.arima().orElseThrow().toJson(), auto.get("sku0").getString(6));
        assertEquals(direct.description(), auto.get("sku0").getString(3));
        Row naive = SparkForecaster.builder("{\"model\":\"naive\"}").keys("sku").timestamp("day").value("units")
                .horizon(3).modelJson(true).build().models(hist).collectAsList().get(0);
        assertNull(naive.get(6));
        assertEquals("OK", naive.getString(4));
        // without the option the column is absent
        assertEquals(6, SparkForecaster.builder("{\"model\":\"naive\"}").keys("sku").timestamp("day")
                .value("units").horizon(3).build().models(hist).schema().size());
    }

    @Test
    void backtest_withRegressors_foldsUseTheirOwnRegressorRows() {
        int n = 50;
        int h = 4;
        int initial = 38;
        int step = 4;
        List<Key> ks = keys(2, n, 0, 24);
        List<Row> history = new ArrayList<>();
        for (Key k : ks) {
            history.addAll(k.history());
        }
        Dataset<Row> out = arx().horizon(h).levels(80).build()
                .backtest(spark.createDataFrame(history, HISTORY), initial, step);
        Map<String, Map<String, Row>> got = new LinkedHashMap<>();
        for (Row r : out.collectAsList()) {
            got.computeIfAbsent(r.getString(0), x -> new HashMap<>())
                    .put(r.getString(2) + (r.isNullAt(3) ? "" : "@" + r.getDouble(3)), r);
        }
        for (Key k : ks) {
            // independent computation: fit each expanding window with its regressor rows, forecast with the
            // observed regressors of the next h days, pool absolute errors over folds and steps (Accuracy's MAE)
            double sumAbs = 0;
            int count = 0;
            int folds = 0;
            for (int origin = initial; origin + h <= n; origin += step) {
                TimeSeries train = k.series().head(origin);
                Forecast f = Arima.of(1, 0, 0).fit(train, k.xreg(0, origin))
                        .forecast(h, Level.of(80), k.xreg(origin, origin + h));
                for (int i = 0; i < h; i++) {
                    sumAbs += Math.abs(k.y[origin + i] - f.mean()[i]);
                    count++;
                }
                folds++;
            }
            Row mae = got.get(k.sku).get(Metric.MAE.id());
            assertEquals(sumAbs / count, mae.getDouble(mae.fieldIndex("value")), 1e-12, k.sku);
            assertEquals(folds, mae.getInt(mae.fieldIndex("folds")));
            assertEquals(0, mae.getInt(mae.fieldIndex("failed_folds")));
            assertEquals("arima", mae.getString(1));
        }
    }

    @Test
    void builder_regressorMisuse_rejectedWithNames() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkForecaster
                .builder("{\"model\":\"snaive\"}").keys("sku").regressors("promo").horizon(3).build());
        assertEquals("model snaive does not take regressors; use one that does (e.g. arima) or drop "
                + "regressors(...)", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> arx().regressors("units").horizon(3).build());
        assertEquals("regressor column 'units' is also a key, timestamp or value column", e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> arx().regressors("promo", "promo"));
        assertEquals("regressors must be distinct, got 'promo' twice", a.getMessage());
        a = assertThrows(IllegalArgumentException.class, () -> arx().regressors("drift"));
        assertEquals("regressor name 'drift' is blank or reserved (intercept, drift)", a.getMessage());

        Dataset<Row> hist = spark.createDataFrame(keys(1, 20, 0, 25).get(0).history(), HISTORY);
        SparkForecaster f = arx().horizon(3).build();
        a = assertThrows(IllegalArgumentException.class, () -> f.forecast(hist));
        assertTrue(a.getMessage().startsWith("regressors [promo, holiday] need their future values"), a.getMessage());
        a = assertThrows(IllegalArgumentException.class, () -> f.forecast(hist, hist.drop("holiday")));
        assertTrue(a.getMessage().startsWith("future regressor column 'holiday' not found"), a.getMessage());
        a = assertThrows(IllegalArgumentException.class, () -> SparkForecaster.builder(ARX).keys("sku")
                .timestamp("day").value("units").horizon(3).build().forecast(hist, hist));
        assertTrue(a.getMessage().startsWith("future rows are only used with regressors"), a.getMessage());
        a = assertThrows(IllegalArgumentException.class, () -> arx().horizon(3).build()
                .forecast(hist.withColumn("promo", org.apache.spark.sql.functions.lit("x")), hist));
        assertEquals("regressor column 'promo' must be numeric or boolean, got string", a.getMessage());
    }
}
