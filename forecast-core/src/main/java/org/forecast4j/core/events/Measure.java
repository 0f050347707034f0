package org.forecast4j.core.events;

import java.util.Locale;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * What an aggregation computes per key and period. Immutable.
 *
 * <table>
 * <caption>Measures</caption>
 * <tr><th>factory</th><th>value per period</th><th>empty period</th></tr>
 * <tr><td>{@link #count(BehaviorType)}</td><td>number of events of the type</td><td>0</td></tr>
 * <tr><td>{@link #events()}</td><td>number of events of any type</td><td>0</td></tr>
 * <tr><td>{@link #buys()}</td><td>{@code count(BUY)}</td><td>0</td></tr>
 * <tr><td>{@link #distinctUsers(BehaviorType)}</td><td>exact number of distinct users (type filter or any)</td>
 *     <td>0</td></tr>
 * <tr><td>{@link #approxDistinctUsers(BehaviorType, int)}</td><td>HyperLogLog estimate, relative standard
 *     error {@code 1.04/sqrt(2^p)}</td><td>0</td></tr>
 * <tr><td>{@link #revenue()}</td><td>Σ quantity × price over BUY events with a price (absent quantity = 1)</td>
 *     <td>0</td></tr>
 * <tr><td>{@link #quantity()}</td><td>Σ quantity over BUY events (absent quantity = 1)</td><td>0</td></tr>
 * <tr><td>{@link #conversionRate()}</td><td>buys / page views</td><td>NaN (undefined) when no views</td></tr>
 * <tr><td>{@link #cartAbandonment()}</td><td>share of (user, item) pairs carted in the period that were not
 *     bought in the same period</td><td>NaN (undefined) when nothing was carted</td></tr>
 * </table>
 *
 * <p>The ratio measures are undefined, hence NaN (missing), in periods without a denominator; the
 * {@link AggregationResult} counts such periods so that nothing is NaN silently.
 *
 * @since 0.1.0
 */
public final class Measure {

    /** The kinds of measure. */
    public enum Kind {
        /** Event count, optionally of one type. */
        COUNT,
        /** Exact distinct users. */
        DISTINCT_USERS,
        /** HyperLogLog estimate of distinct users. */
        APPROX_DISTINCT_USERS,
        /** Revenue of purchases. */
        REVENUE,
        /** Units purchased. */
        QUANTITY,
        /** Buys per page view. */
        CONVERSION_RATE,
        /** Share of carted (user, item) pairs not bought in the period. */
        CART_ABANDONMENT
    }

    /** Default HyperLogLog precision (relative standard error 1.6%). */
    public static final int DEFAULT_PRECISION = 12;

    private final Kind kind;
    private final BehaviorType type;
    private final int precision;

    private Measure(Kind kind, BehaviorType type, int precision) {
        this.kind = kind;
        this.type = type;
        this.precision = precision;
    }

    /**
     * Count of events of one type.
     *
     * @param type the type to count
     * @return the measure
     */
    public static Measure count(BehaviorType type) {
        return new Measure(Kind.COUNT, Objects.requireNonNull(type, "type"), 0);
    }

    /**
     * Count of events of every type.
     *
     * @return the measure
     */
    public static Measure events() {
        return new Measure(Kind.COUNT, null, 0);
    }

    /**
     * Count of purchases.
     *
     * @return {@code count(BUY)}
     */
    public static Measure buys() {
        return count(BehaviorType.BUY);
    }

    /**
     * Exact distinct users having an event of the type (memory: one hash set per key and period).
     *
     * @param type the type, or null for any type (active users)
     * @return the measure
     */
    public static Measure distinctUsers(BehaviorType type) {
        return new Measure(Kind.DISTINCT_USERS, type, 0);
    }

    /**
     * HyperLogLog estimate of distinct users (memory: {@code 2^precision} bytes per key and period).
     *
     * @param type      the type, or null for any type
     * @param precision p in [4, 18]; relative standard error {@code 1.04/sqrt(2^p)}
     * @return the measure
     * @throws IllegalArgumentException if the precision is out of range
     */
    public static Measure approxDistinctUsers(BehaviorType type, int precision) {
        Checks.requireArgument(precision >= HyperLogLog.MIN_PRECISION && precision <= HyperLogLog.MAX_PRECISION,
                "precision must be in [%d, %d], got %d", HyperLogLog.MIN_PRECISION, HyperLogLog.MAX_PRECISION,
                precision);
        return new Measure(Kind.APPROX_DISTINCT_USERS, type, precision);
    }

    /**
     * Revenue: Σ quantity × unit price over purchases that carry a price.
     *
     * @return the measure
     */
    public static Measure revenue() {
        return new Measure(Kind.REVENUE, BehaviorType.BUY, 0);
    }

    /**
     * Units purchased: Σ quantity over purchases (an absent quantity counts 1).
     *
     * @return the measure
     */
    public static Measure quantity() {
        return new Measure(Kind.QUANTITY, BehaviorType.BUY, 0);
    }

    /**
     * Conversion rate buys / page views.
     *
     * @return the measure
     */
    public static Measure conversionRate() {
        return new Measure(Kind.CONVERSION_RATE, null, 0);
    }

    /**
     * Cart abandonment: share of (user, item) pairs carted in a period without a purchase of the same pair in
     * the same period. Memory: two hash sets of pairs per key and period.
     *
     * @return the measure
     */
    public static Measure cartAbandonment() {
        return new Measure(Kind.CART_ABANDONMENT, null, 0);
    }

    /**
     * Parses a command-line name: {@code events}, {@code pv|views}, {@code fav}, {@code cart|carts},
     * {@code buy|buys|purchases}, {@code users} (exact active users), {@code users~} or {@code users-hll}
     * (HyperLogLog, p = 12), {@code buyers}, {@code revenue}, {@code quantity}, {@code conversion},
     * {@code abandonment}; any other name is taken as a custom event type to count.
     *
     * @param text the name
     * @return the measure
     * @throws IllegalArgumentException if the name is blank or not a valid type name
     */
    public static Measure parse(String text) {
        Objects.requireNonNull(text, "measure");
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "events":
                return events();
            case "pv":
            case "views":
                return count(BehaviorType.PV);
            case "fav":
            case "favs":
                return count(BehaviorType.FAV);
            case "cart":
            case "carts":
                return count(BehaviorType.CART);
            case "buy":
            case "buys":
            case "purchases":
                return buys();
            case "users":
                return distinctUsers(null);
            case "users~":
            case "users-hll":
                return approxDistinctUsers(null, DEFAULT_PRECISION);
            case "buyers":
                return distinctUsers(BehaviorType.BUY);
            case "revenue":
                return revenue();
            case "quantity":
                return quantity();
            case "conversion":
                return conversionRate();
            case "abandonment":
                return cartAbandonment();
            default:
                Checks.requireArgument(!text.isBlank(), "measure must be non-blank");
                try {
                    return count(BehaviorType.of(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("measure must be events, pv, fav, cart, buys, users, users~, "
                            + "buyers, revenue, quantity, conversion, abandonment or a custom type name, got '"
                            + text + "'", e);
                }
        }
    }

    /**
     * Returns the kind.
     *
     * @return kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the event type filter.
     *
     * @return type, or null for all types (and for the ratio measures, which fix their own types)
     */
    public BehaviorType type() {
        return type;
    }

    /**
     * Returns the HyperLogLog precision.
     *
     * @return p for {@link Kind#APPROX_DISTINCT_USERS}, 0 otherwise
     */
    public int precision() {
        return precision;
    }

    /**
     * Relative standard error of the values: {@code 1.04/sqrt(2^p)} for HyperLogLog, 0 for exact measures.
     *
     * @return relative standard error
     */
    public double relativeStandardError() {
        return kind == Kind.APPROX_DISTINCT_USERS ? HyperLogLog.relativeStandardError(precision) : 0.0;
    }

    /**
     * Whether per-period values are ratios that are undefined (NaN) without a denominator.
     *
     * @return true for conversion rate and cart abandonment
     */
    public boolean isRatio() {
        return kind == Kind.CONVERSION_RATE || kind == Kind.CART_ABANDONMENT;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Measure)) {
            return false;
        }
        Measure m = (Measure) o;
        return kind == m.kind && type == m.type && precision == m.precision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, type, precision);
    }

    @Override
    public String toString() {
        switch (kind) {
            case COUNT:
                return type == null ? "events" : "count(" + type + ")";
            case DISTINCT_USERS:
                return "distinctUsers(" + (type == null ? "any" : type) + ")";
            case APPROX_DISTINCT_USERS:
                return "approxDistinctUsers(" + (type == null ? "any" : type) + ", p=" + precision + ")";
            default:
                return kind.name().toLowerCase(Locale.ROOT);
        }
    }
}
