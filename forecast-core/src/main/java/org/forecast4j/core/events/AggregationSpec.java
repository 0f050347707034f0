package org.forecast4j.core.events;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.LongFunction;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Frequency;

/**
 * A declarative, validated description of how to turn events into a {@link org.forecast4j.core.Panel}: which
 * {@link Measure}, grouped by which {@link GroupKey}, at which frequency (hourly, daily, weekly) in which time
 * zone, over which local-time range, and what to do with partial first/last periods.
 *
 * <pre>{@code
 * AggregationSpec spec = AggregationSpec.builder()
 *         .measure(Measure.buys()).by(GroupKey.category())
 *         .frequency(Frequency.DAILY).zone(ZoneId.of("Asia/Shanghai"))
 *         .range(LocalDateTime.parse("2017-11-25T00:00"), LocalDateTime.parse("2017-12-04T00:00"))
 *         .build();
 * }</pre>
 *
 * <p><b>Time.</b> Periods are local wall-clock periods in {@link #zone()}: a day runs from local midnight to
 * local midnight, a week from local midnight of {@link #weekStart()} (Monday by default). The zone has no
 * default, because a wrong one shifts every day boundary silently. The optional range {@code [from, to)} is in
 * the same local time; events outside it are counted in the result but not aggregated. Without a range the
 * series run from the first to the last period holding an event.
 *
 * <p>Immutable; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class AggregationSpec {

    /** Default limit on the number of periods per series (guards against e.g. milliseconds read as seconds). */
    public static final int DEFAULT_MAX_PERIODS = 1_000_000;

    private final Measure measure;
    private final GroupKey key;
    private final Frequency frequency;
    private final ZoneId zone;
    private final LocalDateTime from;
    private final LocalDateTime to;
    private final PartialPeriods partialPeriods;
    private final DayOfWeek weekStart;
    private final LongFunction<String> keyNames;
    private final int maxPeriods;

    private AggregationSpec(Builder b) {
        this.measure = b.measure;
        this.key = b.key;
        this.frequency = b.frequency;
        this.zone = b.zone;
        this.from = b.from;
        this.to = b.to;
        this.partialPeriods = b.partialPeriods;
        this.weekStart = b.weekStart;
        this.keyNames = b.keyNames;
        this.maxPeriods = b.maxPeriods;
    }

    /**
     * A new builder (defaults: events by all, daily; zone required).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised with this spec.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.measure = measure;
        b.key = key;
        b.frequency = frequency;
        b.zone = zone;
        b.from = from;
        b.to = to;
        b.partialPeriods = partialPeriods;
        b.weekStart = weekStart;
        b.keyNames = keyNames;
        b.maxPeriods = maxPeriods;
        return b;
    }

    /**
     * Returns the measure.
     *
     * @return measure
     */
    public Measure measure() {
        return measure;
    }

    /**
     * Returns the grouping key.
     *
     * @return key
     */
    public GroupKey key() {
        return key;
    }

    /**
     * Returns the frequency.
     *
     * @return HOURLY, DAILY or WEEKLY
     */
    public Frequency frequency() {
        return frequency;
    }

    /**
     * Returns the time zone of period boundaries.
     *
     * @return zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the local start of the range.
     *
     * @return inclusive start, or null when inferred from the data
     */
    public LocalDateTime from() {
        return from;
    }

    /**
     * Returns the local end of the range.
     *
     * @return exclusive end, or null when inferred from the data
     */
    public LocalDateTime to() {
        return to;
    }

    /**
     * Returns the partial-period policy.
     *
     * @return KEEP or DROP
     */
    public PartialPeriods partialPeriods() {
        return partialPeriods;
    }

    /**
     * Returns the first day of a week for weekly series.
     *
     * @return week start
     */
    public DayOfWeek weekStart() {
        return weekStart;
    }

    /**
     * Returns the function naming category / item ids in panel keys.
     *
     * @return id → key name
     */
    public LongFunction<String> keyNames() {
        return keyNames;
    }

    /**
     * Returns the limit on periods per series.
     *
     * @return max periods
     */
    public int maxPeriods() {
        return maxPeriods;
    }

    @Override
    public String toString() {
        return "AggregationSpec[" + measure + " by " + key + ", " + frequency + ", " + zone
                + (from == null ? "" : ", [" + from + ", " + to + ")") + ", partial " + partialPeriods + "]";
    }

    /** One-shot builder; setters validate at once, {@link #build()} checks combinations. */
    public static final class Builder {
        private Measure measure = Measure.events();
        private GroupKey key = GroupKey.all();
        private Frequency frequency = Frequency.DAILY;
        private ZoneId zone;
        private LocalDateTime from;
        private LocalDateTime to;
        private PartialPeriods partialPeriods = PartialPeriods.KEEP;
        private DayOfWeek weekStart = DayOfWeek.MONDAY;
        private LongFunction<String> keyNames = Long::toString;
        private int maxPeriods = DEFAULT_MAX_PERIODS;

        private Builder() {
        }

        /**
         * Sets the measure (default {@link Measure#events()}).
         *
         * @param m the measure
         * @return this builder
         */
        public Builder measure(Measure m) {
            this.measure = Objects.requireNonNull(m, "measure");
            return this;
        }

        /**
         * Sets the grouping key (default {@link GroupKey#all()}).
         *
         * @param k the key
         * @return this builder
         */
        public Builder by(GroupKey k) {
            this.key = Objects.requireNonNull(k, "key");
            return this;
        }

        /**
         * Sets the frequency (default DAILY).
         *
         * @param f HOURLY, DAILY or WEEKLY
         * @return this builder
         * @throws IllegalArgumentException for another frequency
         */
        public Builder frequency(Frequency f) {
            Objects.requireNonNull(f, "frequency");
            Checks.requireArgument(f.equals(Frequency.HOURLY) || f.equals(Frequency.DAILY)
                    || f.equals(Frequency.WEEKLY), "frequency must be HOURLY, DAILY or WEEKLY, got %s", f);
            this.frequency = f;
            return this;
        }

        /**
         * Sets the time zone of period boundaries (required).
         *
         * @param z zone, e.g. {@code Asia/Shanghai} for Taobao data
         * @return this builder
         */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /**
         * Restricts aggregation to the local-time range {@code [start, end)}.
         *
         * @param start inclusive local start
         * @param end   exclusive local end
         * @return this builder
         * @throws IllegalArgumentException unless start &lt; end
         */
        public Builder range(LocalDateTime start, LocalDateTime end) {
            Objects.requireNonNull(start, "from");
            Objects.requireNonNull(end, "to");
            Checks.requireArgument(start.isBefore(end), "range start %s must be before end %s", start, end);
            this.from = start;
            this.to = end;
            return this;
        }

        /**
         * Sets the partial-period policy (default KEEP).
         *
         * @param p the policy
         * @return this builder
         */
        public Builder partialPeriods(PartialPeriods p) {
            this.partialPeriods = Objects.requireNonNull(p, "partialPeriods");
            return this;
        }

        /**
         * Sets the first day of a week (default Monday).
         *
         * @param d day of week
         * @return this builder
         */
        public Builder weekStart(DayOfWeek d) {
            this.weekStart = Objects.requireNonNull(d, "weekStart");
            return this;
        }

        /**
         * Sets how category / item ids are named in panel keys (default the decimal number; pass
         * {@code dictionary::name} for sources with text ids).
         *
         * @param names id → key
         * @return this builder
         */
        public Builder keyNames(LongFunction<String> names) {
            this.keyNames = Objects.requireNonNull(names, "keyNames");
            return this;
        }

        /**
         * Sets the limit on periods per series (default {@value AggregationSpec#DEFAULT_MAX_PERIODS}).
         *
         * @param n limit, &ge; 1
         * @return this builder
         */
        public Builder maxPeriods(int n) {
            this.maxPeriods = Checks.requirePositive(n, "maxPeriods");
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         * @throws IllegalStateException if no zone was given
         */
        public AggregationSpec build() {
            Checks.requireState(zone != null, "zone must be set explicitly (e.g. Asia/Shanghai for Taobao data)");
            return new AggregationSpec(this);
        }
    }
}
