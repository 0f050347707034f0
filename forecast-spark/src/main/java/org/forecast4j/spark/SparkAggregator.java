package org.forecast4j.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.events.AggregationSpec;
import org.forecast4j.core.events.BehaviorType;
import org.forecast4j.core.events.GroupKey;
import org.forecast4j.core.events.Measure;
import org.forecast4j.core.events.PartialPeriods;

/**
 * Aggregates a table of behaviour events into a long table of series with Spark SQL group-bys, following the
 * same {@link AggregationSpec} (measure, key, frequency, zone, range, partial periods, week start) as the core
 * {@link org.forecast4j.core.events.Aggregator}, so that one job goes from an event table to forecasts:
 *
 * <pre>{@code
 * AggregationSpec spec = AggregationSpec.builder().measure(Measure.buys()).by(GroupKey.category())
 *         .frequency(Frequency.DAILY).zone(ZoneId.of("Asia/Shanghai")).build();
 * Dataset<Row> series = SparkAggregator.builder(spec).build().aggregate(events);   // key, timestamp, value
 * Dataset<Row> forecasts = SparkForecaster.builder("{\"model\":\"snaive\"}").keys("key")
 *         .horizon(14).build().forecast(series);
 * }</pre>
 *
 * <p>Event columns (names configurable, Taobao layout by default): {@code user_id}, {@code item_id},
 * {@code category_id} (any type; used as text in keys, null as {@code unknown}), {@code behavior_type} (a
 * {@link BehaviorType} name such as {@code pv} or {@code buy}, case-insensitive), {@code timestamp} (epoch seconds
 * as an integral type, or a {@code TIMESTAMP}) and, when the measure or key needs them, {@code channel},
 * {@code quantity} and {@code price}.
 *
 * <p>Output: {@code key} (string), {@code timestamp} ({@code TIMESTAMP_NTZ}, the local start of the period in the
 * spec's zone) and {@code value} (double), one row per key and period from the first to the last period, with
 * empty periods 0 for counts and sums and null (missing) for the ratio measures, exactly as the core aggregator
 * fills its panel. Without a range in the spec, one small Spark job finds the first and last event first.
 *
 * <p>Differences from the core aggregator: {@link GroupKey#userSegment} (a Java function of the user id) is not
 * available — join a segment table and use {@link GroupKey#channel()} on that column via {@link
 * Builder#channel(String)}; key names are the key column's text (the spec's {@code keyNames} function is not
 * applied); {@link Measure#approxDistinctUsers} uses Spark's {@code approx_count_distinct} (HyperLogLog++) with
 * the same relative standard error, so its estimates differ from the core's HyperLogLog within that error.
 *
 * @since 0.1.0
 */
public final class SparkAggregator {

    private static final String LOCAL = "__f4j_local";
    private static final String PERIOD = "__f4j_period";
    private static final long HOUR = 3600;

    private final AggregationSpec spec;
    private final String user;
    private final String item;
    private final String category;
    private final String type;
    private final String time;
    private final String channel;
    private final String quantity;
    private final String price;

    private SparkAggregator(Builder b) {
        this.spec = b.spec;
        this.user = b.user;
        this.item = b.item;
        this.category = b.category;
        this.type = b.type;
        this.time = b.time;
        this.channel = b.channel;
        this.quantity = b.quantity;
        this.price = b.price;
    }

    /**
     * A builder for a spec.
     *
     * @param spec what to aggregate
     * @return the builder
     * @throws IllegalArgumentException if the spec groups by user segment
     */
    public static Builder builder(AggregationSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.key().kind() == GroupKey.Kind.SEGMENT) {
            throw new IllegalArgumentException("key must be all, category, item or channel in Spark, got "
                    + spec.key() + "; join a segment table and group by it as the channel column");
        }
        return new Builder(spec);
    }

    /**
     * Aggregates events into series; see the class comment for the columns.
     *
     * @param events the event table
     * @return the long series table (lazy, except for the range query when the spec has no range)
     * @throws IllegalArgumentException if a needed column is missing or of the wrong type, or the range holds
     *                                  more than the spec's {@code maxPeriods}
     */
    public Dataset<Row> aggregate(Dataset<Row> events) {
        Objects.requireNonNull(events, "events");
        StructType schema = events.schema();
        Measure m = spec.measure();
        Column typeName = lower(col(require(schema, type, "type").name()).cast(DataTypes.StringType));
        Column local = localTime(schema);
        Dataset<Row> e = events.withColumn(LOCAL, local);
        // type filter and "has a value" filter, as Aggregator.onEvent
        Column keep = typeFilter(m, typeName);
        switch (m.kind()) {
            case DISTINCT_USERS:
            case APPROX_DISTINCT_USERS:
                keep = keep.and(col(require(schema, user, "user").name()).isNotNull());
                break;
            case REVENUE:
                keep = keep.and(col(require(schema, price, "price").name()).isNotNull());
                break;
            default:
                break;
        }
        e = e.filter(keep);
        if (spec.from() != null) {
            e = e.filter(col(LOCAL).geq(lit(spec.from())).and(col(LOCAL).lt(lit(spec.to()))));
        }
        long[] range = periodRange(e);
        if (range == null) {
            return events.sparkSession().createDataFrame(List.of(), outputSchema());
        }
        e = e.withColumn(PERIOD, periodStart(col(LOCAL))).withColumn("key", keyColumn(schema));
        Dataset<Row> cells = cells(e, m, schema, typeName);
        // grid of every (key, period) so that empty periods are filled like the core panel
        List<Row> periods = new ArrayList<>();
        for (long p = range[0]; p <= range[1]; p++) {
            periods.add(RowFactory.create(startOf(p)));
        }
        Dataset<Row> grid = events.sparkSession().createDataFrame(periods, DataTypes.createStructType(List.of(
                DataTypes.createStructField("timestamp", DataTypes.TimestampNTZType, false))));
        Dataset<Row> keys = spec.key().kind() == GroupKey.Kind.ALL
                ? events.sparkSession().createDataFrame(List.of(RowFactory.create("all")), DataTypes.createStructType(
                        List.of(DataTypes.createStructField("key", DataTypes.StringType, false))))
                : cells.select("key").distinct();
        Dataset<Row> full = keys.crossJoin(grid).join(cells, scala.jdk.javaapi.CollectionConverters.asScala(
                List.of("key", "timestamp")).toSeq(), "left");
        Column value = m.isRatio() ? col("value") : coalesce(col("value"), lit(0.0));
        return full.select(col("key"), col("timestamp"), value.cast(DataTypes.DoubleType).as("value"));
    }

    /**
     * The output schema: key, timestamp, value.
     *
     * @return the schema
     */
    public static StructType outputSchema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("key", DataTypes.StringType, false),
                DataTypes.createStructField("timestamp", DataTypes.TimestampNTZType, false),
                DataTypes.createStructField("value", DataTypes.DoubleType, true)));
    }

    /**
     * The aggregation spec.
     *
     * @return the spec
     */
    public AggregationSpec spec() {
        return spec;
    }

    private Dataset<Row> cells(Dataset<Row> e, Measure m, StructType schema, Column typeName) {
        Column[] by = {col("key"), col(PERIOD).as("timestamp")};
        switch (m.kind()) {
            case COUNT:
                return e.groupBy(by).agg(count(lit(1)).cast(DataTypes.DoubleType).as("value"));
            case DISTINCT_USERS:
                return e.groupBy(by).agg(countDistinct(col(user)).cast(DataTypes.DoubleType).as("value"));
            case APPROX_DISTINCT_USERS:
                return e.groupBy(by).agg(functions.approx_count_distinct(col(user), m.relativeStandardError())
                        .cast(DataTypes.DoubleType).as("value"));
            case REVENUE:
                return e.groupBy(by).agg(sum(quantityOrOne(schema).multiply(col(price).cast(DataTypes.DoubleType)))
                        .as("value"));
            case QUANTITY:
                return e.groupBy(by).agg(sum(quantityOrOne(schema)).as("value"));
            case CONVERSION_RATE: {
                Column buy = when(typeName.equalTo(BehaviorType.BUY.name()), 1.0).otherwise(0.0);
                Column pv = when(typeName.equalTo(BehaviorType.PV.name()), 1.0).otherwise(0.0);
                return e.groupBy(by).agg(sum(buy).as("b"), sum(pv).as("v"))
                        .select(col("key"), col("timestamp"),
                                when(col("v").gt(0), col("b").divide(col("v"))).as("value"));
            }
            case CART_ABANDONMENT: {
                require(schema, user, "user");
                require(schema, item, "item");
                Column cart = when(typeName.equalTo(BehaviorType.CART.name()), 1).otherwise(0);
                Column buy = when(typeName.equalTo(BehaviorType.BUY.name()), 1).otherwise(0);
                return e.groupBy(col("key"), col(PERIOD).as("timestamp"), col(user), col(item))
                        .agg(max(cart).as("c"), max(buy).as("b"))
                        .groupBy(col("key"), col("timestamp"))
                        .agg(sum(col("c")).as("carted"),
                                sum(when(col("c").equalTo(1).and(col("b").equalTo(0)), 1).otherwise(0)).as("lost"))
                        .select(col("key"), col("timestamp"), when(col("carted").gt(0),
                                col("lost").cast(DataTypes.DoubleType).divide(col("carted"))).as("value"));
            }
            default:
                throw new IllegalStateException("unhandled measure " + m);
        }
    }

    private Column quantityOrOne(StructType schema) {
        if (quantity == null || !Arrays.asList(schema.fieldNames()).contains(quantity)) {
            return lit(1.0);
        }
        return coalesce(col(quantity).cast(DataTypes.DoubleType), lit(1.0));
    }

    private static Column typeFilter(Measure m, Column typeName) {
        switch (m.kind()) {
            case CONVERSION_RATE:
                return typeName.isin(BehaviorType.PV.name(), BehaviorType.BUY.name());
            case CART_ABANDONMENT:
                return typeName.isin(BehaviorType.CART.name(), BehaviorType.BUY.name());
            default:
                return m.type() == null ? lit(true) : typeName.equalTo(m.type().name());
        }
    }

    private Column keyColumn(StructType schema) {
        switch (spec.key().kind()) {
            case ALL:
                return lit("all");
            case CATEGORY:
                return coalesce(col(require(schema, category, "category").name()).cast(DataTypes.StringType),
                        lit("unknown"));
            case ITEM:
                return coalesce(col(require(schema, item, "item").name()).cast(DataTypes.StringType),
                        lit("unknown"));
            default:
                return coalesce(col(require(schema, channel, "channel").name()).cast(DataTypes.StringType),
                        lit("unknown"));
        }
    }

    /** Local wall-clock time of each event in the spec's zone, as TIMESTAMP_NTZ. */
    private Column localTime(StructType schema) {
        StructField f = require(schema, time, "time");
        DataType t = f.dataType();
        Column epoch;
        if (t instanceof IntegralType) {
            epoch = col(time).cast(DataTypes.LongType);
        } else if (t.equals(DataTypes.TimestampType)) {
            epoch = functions.unix_seconds(col(time));
        } else {
            throw new IllegalArgumentException("time column '" + time
                    + "' must be epoch seconds (an integral type) or TIMESTAMP, got " + t.simpleString());
        }
        // UTC wall clock from epoch seconds, then the zone's wall clock (offset in force at that instant)
        Column utc = functions.timestamp_add("SECOND", epoch, lit(LocalDateTime.of(1970, 1, 1, 0, 0)));
        return functions.convert_timezone(lit("UTC"), lit(spec.zone().getId()), utc);
    }

    private Column periodStart(Column local) {
        Frequency f = spec.frequency();
        if (f.equals(Frequency.HOURLY)) {
            return functions.date_trunc("HOUR", local);
        }
        Column day = functions.date_trunc("DAY", local);
        if (f.equals(Frequency.DAILY)) {
            return day;
        }
        // weekday(): 0 = Monday … 6 = Sunday
        int ws = spec.weekStart().getValue() - DayOfWeek.MONDAY.getValue();
        Column back = functions.pmod(functions.weekday(day).minus(ws), lit(7));
        return functions.timestamp_add("DAY", back.multiply(-1), day);
    }

    /** First and last period numbers to output (after DROP of partial periods), or null when empty. */
    private long[] periodRange(Dataset<Row> filtered) {
        long first;
        long last;
        boolean firstPartial;
        boolean lastPartial;
        if (spec.from() != null) {
            long from = seconds(spec.from());
            long to = seconds(spec.to());
            first = periodOf(from);
            last = periodOf(to - 1);
            firstPartial = startSeconds(first) != from;
            lastPartial = startSeconds(last + 1) != to;
        } else {
            Row r = filtered.agg(min(col(LOCAL)), max(col(LOCAL))).first();
            if (r.isNullAt(0)) {
                return null;
            }
            long lo = seconds((LocalDateTime) r.get(0));
            long hi = seconds((LocalDateTime) r.get(1));
            first = periodOf(lo);
            last = periodOf(hi);
            // coverage in whole hours, as the core aggregator
            long covStart = Math.floorDiv(lo, HOUR) * HOUR;
            long covEnd = Math.floorDiv(hi, HOUR) * HOUR + HOUR;
            firstPartial = covStart > startSeconds(first);
            lastPartial = covEnd < startSeconds(last + 1);
        }
        if (spec.partialPeriods() == PartialPeriods.DROP) {
            if (firstPartial) {
                first++;
            }
            if (lastPartial && last >= first) {
                last--;
            }
        }
        long n = Math.max(0, last - first + 1);
        if (n > spec.maxPeriods()) {
            throw new IllegalArgumentException("range holds " + n + " periods, more than maxPeriods "
                    + spec.maxPeriods());
        }
        return n == 0 ? null : new long[] {first, last};
    }

    private static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    private long periodOf(long localSeconds) {
        Frequency f = spec.frequency();
        if (f.equals(Frequency.HOURLY)) {
            return Math.floorDiv(localSeconds, HOUR);
        }
        long day = Math.floorDiv(localSeconds, 24 * HOUR);
        if (f.equals(Frequency.DAILY)) {
            return day;
        }
        return Math.floorDiv(day - weekShift(), 7);
    }

    private long startSeconds(long period) {
        Frequency f = spec.frequency();
        if (f.equals(Frequency.HOURLY)) {
            return period * HOUR;
        }
        if (f.equals(Frequency.DAILY)) {
            return period * 24 * HOUR;
        }
        return (period * 7 + weekShift()) * 24 * HOUR;
    }

    /** Epoch day of the first week start on or after 1970-01-01 (a Thursday). */
    private long weekShift() {
        return Math.floorMod(spec.weekStart().getValue() - DayOfWeek.THURSDAY.getValue(), 7);
    }

    private LocalDateTime startOf(long period) {
        return LocalDateTime.of(1970, 1, 1, 0, 0).plus(startSeconds(period), ChronoUnit.SECONDS);
    }

    private static StructField require(StructType schema, String name, String role) {
        if (name != null) {
            for (StructField f : schema.fields()) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException(role + " column '" + name + "' not found; columns are "
                + Arrays.toString(schema.fieldNames()));
    }

    /** Names the event columns; defaults follow the Taobao UserBehavior layout. */
    public static final class Builder {
        private final AggregationSpec spec;
        private String user = "user_id";
        private String item = "item_id";
        private String category = "category_id";
        private String type = "behavior_type";
        private String time = "timestamp";
        private String channel = "channel";
        private String quantity = "quantity";
        private String price = "price";

        private Builder(AggregationSpec spec) {
            this.spec = spec;
        }

        /**
         * Sets the user id column name.
         *
         * @param c user id column
         * @return this builder
         */
        public Builder user(String c) {
            this.user = Objects.requireNonNull(c, "user");
            return this;
        }

        /**
         * Sets the item id column name.
         *
         * @param c item id column
         * @return this builder
         */
        public Builder item(String c) {
            this.item = Objects.requireNonNull(c, "item");
            return this;
        }

        /**
         * Sets the category id column name.
         *
         * @param c category id column
         * @return this builder
         */
        public Builder category(String c) {
            this.category = Objects.requireNonNull(c, "category");
            return this;
        }

        /**
         * Sets the behaviour type column name (values pv, fav, cart, buy, …).
         *
         * @param c behaviour type column (pv, fav, cart, buy, …)
         * @return this builder
         */
        public Builder type(String c) {
            this.type = Objects.requireNonNull(c, "type");
            return this;
        }

        /**
         * Sets the event time column name.
         *
         * @param c event time column (epoch seconds or TIMESTAMP)
         * @return this builder
         */
        public Builder time(String c) {
            this.time = Objects.requireNonNull(c, "time");
            return this;
        }

        /**
         * Sets the channel column name.
         *
         * @param c channel column (the key of {@link GroupKey#channel()})
         * @return this builder
         */
        public Builder channel(String c) {
            this.channel = Objects.requireNonNull(c, "channel");
            return this;
        }

        /**
         * Sets the quantity column name.
         *
         * @param c quantity column (absent or null = 1)
         * @return this builder
         */
        public Builder quantity(String c) {
            this.quantity = Objects.requireNonNull(c, "quantity");
            return this;
        }

        /**
         * Sets the unit price column name.
         *
         * @param c unit price column (revenue)
         * @return this builder
         */
        public Builder price(String c) {
            this.price = Objects.requireNonNull(c, "price");
            return this;
        }

        /**
         * Builds the aggregator.
         *
         * @return the aggregator
         */
        public SparkAggregator build() {
            return new SparkAggregator(this);
        }
    }
}
