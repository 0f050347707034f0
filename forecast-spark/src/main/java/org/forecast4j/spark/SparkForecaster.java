package org.forecast4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Level;
import org.forecast4j.core.arima.XregForecaster;

/**
 * Forecasts every series of a long Spark table with one core forecaster, on the executors.
 *
 * <p>Input: a {@code Dataset<Row>} with one row per (key, timestamp): one or more key columns (any type), a
 * timestamp column ({@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMP_NTZ}; a {@code TIMESTAMP} is read as
 * wall-clock time in the session time zone) and a numeric value column (null = missing). Rows of a key are
 * grouped with {@code groupByKey}, sorted by time within the group ({@code flatMapSortedGroups}) and assembled
 * into a regular series of the configured {@link Frequency}: the first row is the start, grid points without a
 * row are missing values, and a duplicate or off-grid timestamp fails that key.
 *
 * <p>Output of {@link #forecast(Dataset)}: one row per key and horizon step with the key columns, the timestamp
 * (same column name and type as the input), {@code step} (1..h), {@code mean}, {@code lower_L} and
 * {@code upper_L} for each level {@code L} ({@code lower_80}; a fractional level 97.5 gives {@code lower_97_5}),
 * {@code model} (the fitted model's label, e.g. {@code ARIMA(1,1,1)(0,1,1)[7]}), {@code status} ({@code OK},
 * {@code FALLBACK} or {@code FAILED}) and {@code reason} (why the main model failed; null when OK). A key whose
 * series cannot be built or fitted gives a single {@code FAILED} row with null timestamp and numbers: a bad key
 * never fails the job. Statuses and reasons are those of the core panel engine
 * ({@link org.forecast4j.core.panel.PanelForecaster}), and the numbers are identical to fitting each series on
 * one machine.
 *
 * <pre>{@code
 * SparkForecaster f = SparkForecaster.builder("{\"model\":\"arima\",\"order\":[1,1,1],\"seasonal\":[0,1,1]}")
 *         .fallback("{\"model\":\"snaive\"}")
 *         .keys("sku", "region").timestamp("day").value("units")
 *         .frequency(Frequency.DAILY).horizon(14).levels(80, 95)
 *         .build();
 * Dataset<Row> forecasts = f.forecast(spark.read().parquet("daily_units"));
 * }</pre>
 *
 * <p><b>Regressors.</b> With {@link Builder#regressors(String...)} (e.g. {@code promo}, {@code holiday}), a
 * regression-capable model ({@link org.forecast4j.core.arima.XregForecaster}: {@code arima}, and any model a
 * {@link ForecasterFactory} provides that implements it) is fitted with the key's regressor columns, and
 * {@link #forecast(Dataset, Dataset)} takes their future values from a second table of future rows (keys,
 * timestamp, regressors) — a separate table rather than rows with a null value, because a null value in the
 * history is a missing observation that ARIMA handles:
 *
 * <pre>{@code
 * SparkForecaster f = SparkForecaster.builder("{\"model\":\"arima\",\"order\":[1,0,0]}")
 *         .keys("sku").timestamp("day").value("units").regressors("promo", "holiday")
 *         .horizon(14).build();
 * Dataset<Row> forecasts = f.forecast(history, futurePromos);   // futurePromos: sku, day, promo, holiday
 * }</pre>
 *
 * <p>Immutable; the returned datasets are lazy (nothing runs until an action).
 *
 * @since 0.1.0
 */
public final class SparkForecaster {

    private static final String TIME = "__f4j_time";
    private static final String VALUE = "__f4j_value";
    private static final String FUTURE = "__f4j_future";
    private static final String X = "__f4j_x";

    private final ForecasterSpec spec;
    private final ForecasterSpec fallback;
    private final List<String> keys;
    private final String timestamp;
    private final String value;
    private final Frequency frequency;
    private final int period;
    private final int horizon;
    private final double[] levels;
    private final List<String> regressors;
    private final boolean modelJson;

    private SparkForecaster(Builder b) {
        this.spec = b.spec;
        this.fallback = b.fallback;
        this.keys = List.copyOf(b.keys);
        this.timestamp = b.timestamp;
        this.value = b.value;
        this.frequency = b.frequency;
        this.period = b.period;
        this.horizon = b.horizon;
        this.levels = b.levels.clone();
        this.regressors = List.copyOf(b.regressors);
        this.modelJson = b.modelJson;
    }

    /**
     * A builder for a forecaster given by a JSON spec (see {@link ForecasterSpec}).
     *
     * @param specJson e.g. {@code {"model":"snaive"}}
     * @return the builder
     * @throws IllegalArgumentException if the spec is invalid
     */
    public static Builder builder(String specJson) {
        return new Builder(ForecasterSpec.parse(specJson));
    }

    /**
     * A builder for a forecaster spec.
     *
     * @param spec the model
     * @return the builder
     */
    public static Builder builder(ForecasterSpec spec) {
        return new Builder(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * Forecasts every key of {@code series}; see the class comment for the output columns.
     *
     * @param series the long table of observations
     * @return forecasts, one row per key and step (one {@code FAILED} row for a key without forecast)
     * @throws IllegalArgumentException if a configured column is missing or of an unsupported type, or if
     *                                  regressors are configured (their future values are needed: use
     *                                  {@link #forecast(Dataset, Dataset)})
     */
    public Dataset<Row> forecast(Dataset<Row> series) {
        if (!regressors.isEmpty()) {
            throw new IllegalArgumentException("regressors " + regressors + " need their future values: call "
                    + "forecast(series, future) with a table of future rows (keys, timestamp, regressors)");
        }
        return forecastPrepared(prepare(series, null));
    }

    /**
     * Forecasts every key of {@code series} with regressors: the main model (and the fallback, if it takes
     * regressors) is fitted with the regressor columns of {@code series} and forecasts with those of the
     * {@code future} rows of the same key. {@code future} holds, for each key, one row per period after the key's
     * last row in {@code series} (at least the {@code horizon} periods that follow it, on the same grid): the key
     * columns, the timestamp and the regressor columns (no value column needed; other columns are ignored). A key
     * whose future rows do not cover the horizon, or whose future rows are not after its last observation, gets a
     * {@code FAILED} row saying which period is missing (or its fallback's forecast, when the fallback needs no
     * regressors). Output as {@link #forecast(Dataset)}.
     *
     * @param series the long table of observations with the regressor columns (null = missing)
     * @param future the regressors' values over the horizon, per key
     * @return forecasts, one row per key and step (one {@code FAILED} row for a key without forecast)
     * @throws IllegalArgumentException if no regressors are configured, or a configured column is missing from a
     *                                  table or of an unsupported type
     */
    public Dataset<Row> forecast(Dataset<Row> series, Dataset<Row> future) {
        Objects.requireNonNull(future, "future");
        if (regressors.isEmpty()) {
            throw new IllegalArgumentException("future rows are only used with regressors: configure "
                    + "regressors(...) or call forecast(series)");
        }
        return forecastPrepared(prepare(series, future));
    }

    private Dataset<Row> forecastPrepared(Prepared p) {
        List<StructField> out = new ArrayList<>(p.keyFields);
        out.add(DataTypes.createStructField(timestamp, DataTypes.TimestampNTZType, true));
        out.add(DataTypes.createStructField("step", DataTypes.IntegerType, true));
        out.add(DataTypes.createStructField("mean", DataTypes.DoubleType, true));
        for (double l : levels) {
            out.add(DataTypes.createStructField(lowerColumn(l), DataTypes.DoubleType, true));
            out.add(DataTypes.createStructField(upperColumn(l), DataTypes.DoubleType, true));
        }
        addStatusFields(out, "model", "status", "reason");
        Dataset<Row> result = run(p, GroupJob.Mode.FORECAST, 0, 0, out);
        return result.withColumn(timestamp, functions.col(timestamp).cast(p.timeType));
    }

    /**
     * Fits every key and describes the fitted model: key columns, {@code model} (the family that produced the
     * fit), {@code observations} (series length including missing values), {@code description} (e.g. R's label
     * {@code ARIMA(1,1,1)(0,1,1)[7]}), {@code status} and {@code reason} as in {@link #forecast(Dataset)}, and,
     * when requested with {@link Builder#modelJson(boolean)}, {@code json}: the fitted model in its versioned JSON
     * form ({@link org.forecast4j.core.arima.FittedArima#toJson()}, also for the ARIMA chosen by auto-ARIMA and for
     * models with regressors; {@link org.forecast4j.core.arima.FittedArima#fromJson(String)} restores it), null
     * for models without a JSON form (the baselines) and for failed keys. With regressors, models are fitted with
     * the regressor columns of {@code series}.
     *
     * @param series the long table of observations
     * @return one row per key
     */
    public Dataset<Row> models(Dataset<Row> series) {
        Prepared p = prepare(series, null);
        List<StructField> out = new ArrayList<>(p.keyFields);
        out.add(DataTypes.createStructField("model", DataTypes.StringType, true));
        out.add(DataTypes.createStructField("observations", DataTypes.IntegerType, true));
        addStatusFields(out, "description", "status", "reason");
        if (modelJson) {
            out.add(DataTypes.createStructField("json", DataTypes.StringType, true));
        }
        return run(p, GroupJob.Mode.MODELS, 0, 0, out);
    }

    /**
     * Rolling-origin backtest of the main model per key (core {@link org.forecast4j.core.backtest.Backtest},
     * expanding window, this forecaster's horizon and levels, every fold from {@code initialWindow} on in steps of
     * {@code step}). Output, long format: key columns, {@code model}, {@code metric} (metric id, e.g.
     * {@code mase}), {@code level} (for interval metrics, else null), {@code value} (null when undefined),
     * {@code folds}, {@code failed_folds} and {@code reason} (why a value is undefined, or why the key has no
     * backtest: then a single row with null metric). With regressors, each fold is fitted with the regressor rows
     * of its training window and forecasts with the observed regressor values of its test window (regressors known
     * in advance, such as promotions and holidays).
     *
     * @param series        the long table of observations
     * @param initialWindow length of the first training window, &gt; 0
     * @param step          distance between forecast origins, &gt; 0
     * @return metrics per key
     * @throws IllegalArgumentException if {@code initialWindow} or {@code step} is not positive
     */
    public Dataset<Row> backtest(Dataset<Row> series, int initialWindow, int step) {
        if (initialWindow <= 0) {
            throw new IllegalArgumentException("initialWindow must be > 0, got " + initialWindow);
        }
        if (step <= 0) {
            throw new IllegalArgumentException("step must be > 0, got " + step);
        }
        Prepared p = prepare(series, null);
        List<StructField> out = new ArrayList<>(p.keyFields);
        out.add(DataTypes.createStructField("model", DataTypes.StringType, true));
        out.add(DataTypes.createStructField("metric", DataTypes.StringType, true));
        out.add(DataTypes.createStructField("level", DataTypes.DoubleType, true));
        out.add(DataTypes.createStructField("value", DataTypes.DoubleType, true));
        out.add(DataTypes.createStructField("folds", DataTypes.IntegerType, true));
        out.add(DataTypes.createStructField("failed_folds", DataTypes.IntegerType, true));
        out.add(DataTypes.createStructField("reason", DataTypes.StringType, true));
        return run(p, GroupJob.Mode.BACKTEST, initialWindow, step, out);
    }

    /**
     * Name of the lower-bound column of a level: {@code lower_80}, {@code lower_97_5}.
     *
     * @param level level in percent
     * @return the column name
     */
    public static String lowerColumn(double level) {
        return "lower_" + levelSuffix(level);
    }

    /**
     * Name of the upper-bound column of a level: {@code upper_80}, {@code upper_97_5}.
     *
     * @param level level in percent
     * @return the column name
     */
    public static String upperColumn(double level) {
        return "upper_" + levelSuffix(level);
    }

    private static String levelSuffix(double level) {
        String s = new Level(level).toString();
        return s.replace('.', '_');
    }

    /**
     * The main model's spec.
     *
     * @return the spec
     */
    public ForecasterSpec spec() {
        return spec;
    }

    /**
     * The fallback's spec, or null.
     *
     * @return the spec or null
     */
    public ForecasterSpec fallback() {
        return fallback;
    }

    /**
     * The regressor columns, in order (empty for none).
     *
     * @return unmodifiable list
     */
    public List<String> regressors() {
        return regressors;
    }

    /**
     * The forecast horizon.
     *
     * @return steps, &gt; 0
     */
    public int horizon() {
        return horizon;
    }

    @Override
    public String toString() {
        return "SparkForecaster[spec=" + spec + ", fallback=" + fallback + ", keys=" + keys + ", timestamp="
                + timestamp + ", value=" + value + ", frequency=" + frequency + ", period=" + period + ", horizon="
                + horizon + ", levels=" + Arrays.toString(levels) + ", regressors=" + regressors + ", modelJson=" + modelJson
                + "]";
    }

    private static void addStatusFields(List<StructField> out, String first, String second, String third) {
        out.add(DataTypes.createStructField(first, DataTypes.StringType, true));
        out.add(DataTypes.createStructField(second, DataTypes.StringType, true));
        out.add(DataTypes.createStructField(third, DataTypes.StringType, true));
    }

    private Dataset<Row> run(Prepared p, GroupJob.Mode mode, int initialWindow, int step, List<StructField> out) {
        GroupJob job = new GroupJob(mode, spec, fallback, frequency.name(), period, horizon, levels, keys.size(),
                initialWindow, step, regressors, modelJson);
        StructType keySchema = DataTypes.createStructType(p.keyFields);
        StructType outSchema = DataTypes.createStructType(out);
        return p.rows
                .groupByKey(new GroupJob.KeyOf(keys.size()), Encoders.row(keySchema))
                .flatMapSortedGroups(new Column[] {functions.col(TIME).asc()}, job, Encoders.row(outSchema));
    }

    private Prepared prepare(Dataset<Row> series, Dataset<Row> future) {
        Objects.requireNonNull(series, "series");
        StructType schema = series.schema();
        List<StructField> keyFields = new ArrayList<>();
        for (String k : keys) {
            keyFields.add(field(schema, k, "key"));
        }
        DataType tt = timeType(schema, "");
        StructField v = field(schema, value, "value");
        if (!(v.dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("value column '" + value + "' must be numeric, got "
                    + v.dataType().simpleString());
        }
        Dataset<Row> rows = series.select(columns(series, keyFields, "", functions.col(value), false));
        if (future != null) {
            StructType fs = future.schema();
            timeType(fs, "future ");
            for (String k : keys) {
                field(fs, k, "future key");
            }
            rows = rows.union(future.select(columns(future, keyFields, "future ", functions.lit(null), true)));
        }
        return new Prepared(rows, keyFields, tt);
    }

    /** Keys (cast to the series' key types), time, value, and with regressors the future flag and regressors. */
    private Column[] columns(Dataset<Row> table, List<StructField> keyFields, String which, Column y,
            boolean isFuture) {
        StructType schema = table.schema();
        List<Column> cols = new ArrayList<>();
        for (StructField k : keyFields) {
            cols.add(functions.col(k.name()).cast(k.dataType()).as(k.name()));
        }
        cols.add(functions.col(timestamp).cast(DataTypes.TimestampNTZType).as(TIME));
        cols.add(y.cast(DataTypes.DoubleType).as(VALUE));
        if (!regressors.isEmpty()) {
            cols.add(functions.lit(isFuture).as(FUTURE));
            for (int j = 0; j < regressors.size(); j++) {
                StructField x = field(schema, regressors.get(j), which + "regressor");
                if (!(x.dataType() instanceof NumericType || x.dataType().equals(DataTypes.BooleanType))) {
                    throw new IllegalArgumentException(which + "regressor column '" + x.name()
                            + "' must be numeric or boolean, got " + x.dataType().simpleString());
                }
                cols.add(functions.col(x.name()).cast(DataTypes.DoubleType).as(X + j));
            }
        }
        return cols.toArray(new Column[0]);
    }

    private DataType timeType(StructType schema, String which) {
        DataType tt = field(schema, timestamp, which + "timestamp").dataType();
        if (!(tt.equals(DataTypes.DateType) || tt.equals(DataTypes.TimestampType)
                || tt.equals(DataTypes.TimestampNTZType))) {
            throw new IllegalArgumentException(which + "timestamp column '" + timestamp
                    + "' must be DATE, TIMESTAMP or TIMESTAMP_NTZ, got " + tt.simpleString());
        }
        return tt;
    }

    private static StructField field(StructType schema, String name, String role) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(role + " column '" + name + "' not found; columns are "
                + Arrays.toString(schema.fieldNames()));
    }

    private static final class Prepared {
        final Dataset<Row> rows;
        final List<StructField> keyFields;
        final DataType timeType;

        Prepared(Dataset<Row> rows, List<StructField> keyFields, DataType timeType) {
            this.rows = rows;
            this.keyFields = keyFields;
            this.timeType = timeType;
        }
    }

    /**
     * Configures a {@link SparkForecaster}. Defaults: timestamp column {@code "timestamp"}, value column
     * {@code "value"}, {@link Frequency#DAILY} with its default period, levels 80 and 95, no fallback; the key
     * columns and the horizon are required.
     */
    public static final class Builder {
        private final ForecasterSpec spec;
        private ForecasterSpec fallback;
        private List<String> keys = List.of();
        private String timestamp = "timestamp";
        private String value = "value";
        private Frequency frequency = Frequency.DAILY;
        private int period;
        private int horizon;
        private double[] levels = {80, 95};
        private List<String> regressors = List.of();
        private boolean modelJson;

        private Builder(ForecasterSpec spec) {
            this.spec = spec;
        }

        /**
         * A model used for a key when the main one fails (status {@code FALLBACK}).
         *
         * @param specJson JSON spec, or null for none
         * @return this builder
         * @throws IllegalArgumentException if the spec is invalid
         */
        public Builder fallback(String specJson) {
            this.fallback = specJson == null ? null : ForecasterSpec.parse(specJson);
            return this;
        }

        /**
         * The key columns (at least one); their values identify a series and are copied to the output.
         *
         * @param columns column names
         * @return this builder
         * @throws IllegalArgumentException if none is given or a name is repeated
         */
        public Builder keys(String... columns) {
            Objects.requireNonNull(columns, "columns");
            if (columns.length == 0) {
                throw new IllegalArgumentException("keys must name at least one column, got none");
            }
            Set<String> seen = new HashSet<>();
            for (String c : columns) {
                Objects.requireNonNull(c, "key column");
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("keys must be distinct, got '" + c + "' twice");
                }
            }
            this.keys = List.of(columns);
            return this;
        }

        /**
         * The timestamp column.
         *
         * @param column name
         * @return this builder
         */
        public Builder timestamp(String column) {
            this.timestamp = Objects.requireNonNull(column, "timestamp");
            return this;
        }

        /**
         * The value column.
         *
         * @param column name
         * @return this builder
         */
        public Builder value(String column) {
            this.value = Objects.requireNonNull(column, "value");
            return this;
        }

        /**
         * The frequency of the series (hourly, daily, weekly, monthly, quarterly, yearly or an ISO-8601 step).
         *
         * @param f a calendar frequency
         * @return this builder
         * @throws IllegalArgumentException for {@link Frequency#INDEX} or a custom step
         */
        public Builder frequency(Frequency f) {
            Objects.requireNonNull(f, "frequency");
            Frequency parsed;
            try {
                parsed = Frequency.parse(f.name());
            } catch (IllegalArgumentException e) {
                parsed = null;
            }
            if (!f.isCalendar() || !f.equals(parsed)) {
                throw new IllegalArgumentException("frequency must be hourly, daily, weekly, monthly, quarterly "
                        + "or yearly, got " + f);
            }
            this.frequency = f;
            return this;
        }

        /**
         * The seasonal period of the series, overriding the frequency's default (7 for daily).
         *
         * @param p period &ge; 1
         * @return this builder
         * @throws IllegalArgumentException if {@code p < 1}
         */
        public Builder period(int p) {
            if (p < 1) {
                throw new IllegalArgumentException("period must be >= 1, got " + p);
            }
            this.period = p;
            return this;
        }

        /**
         * Steps to forecast.
         *
         * @param h horizon, &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if {@code h <= 0}
         */
        public Builder horizon(int h) {
            if (h <= 0) {
                throw new IllegalArgumentException("horizon must be > 0, got " + h);
            }
            this.horizon = h;
            return this;
        }

        /**
         * Interval levels in percent (none for point forecasts only); columns come in ascending level order and
         * a repeated level counts once.
         *
         * @param percent levels in (0, 100)
         * @return this builder
         * @throws IllegalArgumentException if a level is out of range
         */
        public Builder levels(double... percent) {
            Objects.requireNonNull(percent, "levels");
            List<Level> parsed = Level.of(percent);
            double[] sorted = new double[parsed.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = parsed.get(i).percent();
            }
            this.levels = sorted;
            return this;
        }

        /**
         * Regressor columns (e.g. {@code promo}, {@code holiday}): numeric or boolean (true = 1), null = missing.
         * The main model must take regressors ({@link org.forecast4j.core.arima.XregForecaster}, e.g.
         * {@code arima}); a fallback that does not take them is fitted on the values alone. Forecasting then needs
         * their future values: {@link SparkForecaster#forecast(Dataset, Dataset)}.
         *
         * @param columns column names, distinct (none to clear)
         * @return this builder
         * @throws IllegalArgumentException if a name is repeated or reserved ({@code intercept}, {@code drift})
         */
        public Builder regressors(String... columns) {
            Objects.requireNonNull(columns, "columns");
            Set<String> seen = new HashSet<>();
            for (String c : columns) {
                Objects.requireNonNull(c, "regressor column");
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("regressors must be distinct, got '" + c + "' twice");
                }
                if (c.isBlank() || c.equals("intercept") || c.equals("drift")) {
                    throw new IllegalArgumentException("regressor name '" + c
                            + "' is blank or reserved (intercept, drift)");
                }
            }
            this.regressors = List.of(columns);
            return this;
        }

        /**
         * Whether {@link SparkForecaster#models(Dataset)} also returns each fitted model's JSON ({@code json}
         * column). Off by default: the JSON holds the training series and is far larger than the other columns.
         *
         * @param include true to add the column
         * @return this builder
         */
        public Builder modelJson(boolean include) {
            this.modelJson = include;
            return this;
        }

        /**
         * Builds the forecaster.
         *
         * @return the forecaster
         * @throws IllegalStateException if the keys or the horizon are not set, columns are not distinct, or
         *                               regressors are set for a model that does not take them
         */
        public SparkForecaster build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException("keys(...) must be set");
            }
            if (horizon == 0) {
                throw new IllegalStateException("horizon(...) must be set");
            }
            Set<String> cols = new HashSet<>(keys);
            if (!cols.add(timestamp) || !cols.add(value)) {
                throw new IllegalStateException("key, timestamp and value columns must be distinct, got keys "
                        + keys + ", timestamp '" + timestamp + "', value '" + value + "'");
            }
            for (String r : regressors) {
                if (!cols.add(r)) {
                    throw new IllegalStateException("regressor column '" + r
                            + "' is also a key, timestamp or value column");
                }
            }
            if (!regressors.isEmpty() && !(spec.forecaster() instanceof XregForecaster)) {
                throw new IllegalStateException("model " + spec.model() + " does not take regressors; use one that "
                        + "does (e.g. arima) or drop regressors(...)");
            }
            return new SparkForecaster(this);
        }
    }
}
