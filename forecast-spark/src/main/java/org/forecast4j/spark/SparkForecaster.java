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
 * <p>Immutable; the returned datasets are lazy (nothing runs until an action).
 *
 * @since 0.1.0
 */
public final class SparkForecaster {

    private static final String TIME = "__f4j_time";
    private static final String VALUE = "__f4j_value";

    private final ForecasterSpec spec;
    private final ForecasterSpec fallback;
    private final List<String> keys;
    private final String timestamp;
    private final String value;
    private final Frequency frequency;
    private final int period;
    private final int horizon;
    private final double[] levels;

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
     * @throws IllegalArgumentException if a configured column is missing or of an unsupported type
     */
    public Dataset<Row> forecast(Dataset<Row> series) {
        Prepared p = prepare(series);
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
     * {@code ARIMA(1,1,1)(0,1,1)[7]}), {@code status} and {@code reason} as in {@link #forecast(Dataset)}.
     *
     * @param series the long table of observations
     * @return one row per key
     */
    public Dataset<Row> models(Dataset<Row> series) {
        Prepared p = prepare(series);
        List<StructField> out = new ArrayList<>(p.keyFields);
        out.add(DataTypes.createStructField("model", DataTypes.StringType, true));
        out.add(DataTypes.createStructField("observations", DataTypes.IntegerType, true));
        addStatusFields(out, "description", "status", "reason");
        return run(p, GroupJob.Mode.MODELS, 0, 0, out);
    }

    /**
     * Rolling-origin backtest of the main model per key (core {@link org.forecast4j.core.backtest.Backtest},
     * expanding window, this forecaster's horizon and levels, every fold from {@code initialWindow} on in steps of
     * {@code step}). Output, long format: key columns, {@code model}, {@code metric} (metric id, e.g.
     * {@code mase}), {@code level} (for interval metrics, else null), {@code value} (null when undefined),
     * {@code folds}, {@code failed_folds} and {@code reason} (why a value is undefined, or why the key has no
     * backtest: then a single row with null metric).
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
        Prepared p = prepare(series);
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
                + horizon + ", levels=" + Arrays.toString(levels) + "]";
    }

    private static void addStatusFields(List<StructField> out, String first, String second, String third) {
        out.add(DataTypes.createStructField(first, DataTypes.StringType, true));
        out.add(DataTypes.createStructField(second, DataTypes.StringType, true));
        out.add(DataTypes.createStructField(third, DataTypes.StringType, true));
    }

    private Dataset<Row> run(Prepared p, GroupJob.Mode mode, int initialWindow, int step, List<StructField> out) {
        GroupJob job = new GroupJob(mode, spec, fallback, frequency.name(), period, horizon, levels, keys.size(),
                initialWindow, step);
        StructType keySchema = DataTypes.createStructType(p.keyFields);
        StructType outSchema = DataTypes.createStructType(out);
        return p.rows
                .groupByKey(new GroupJob.KeyOf(keys.size()), Encoders.row(keySchema))
                .flatMapSortedGroups(new Column[] {functions.col(TIME).asc()}, job, Encoders.row(outSchema));
    }

    private Prepared prepare(Dataset<Row> series) {
        Objects.requireNonNull(series, "series");
        StructType schema = series.schema();
        List<StructField> keyFields = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        for (String k : keys) {
            StructField f = field(schema, k, "key");
            keyFields.add(f);
            cols.add(functions.col(k));
        }
        StructField t = field(schema, timestamp, "timestamp");
        DataType tt = t.dataType();
        if (!(tt.equals(DataTypes.DateType) || tt.equals(DataTypes.TimestampType)
                || tt.equals(DataTypes.TimestampNTZType))) {
            throw new IllegalArgumentException("timestamp column '" + timestamp
                    + "' must be DATE, TIMESTAMP or TIMESTAMP_NTZ, got " + tt.simpleString());
        }
        StructField v = field(schema, value, "value");
        if (!(v.dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("value column '" + value + "' must be numeric, got "
                    + v.dataType().simpleString());
        }
        cols.add(functions.col(timestamp).cast(DataTypes.TimestampNTZType).as(TIME));
        cols.add(functions.col(value).cast(DataTypes.DoubleType).as(VALUE));
        return new Prepared(series.select(cols.toArray(new Column[0])), keyFields, tt);
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
         * Builds the forecaster.
         *
         * @return the forecaster
         * @throws IllegalStateException if the keys or the horizon are not set
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
            return new SparkForecaster(this);
        }
    }
}
