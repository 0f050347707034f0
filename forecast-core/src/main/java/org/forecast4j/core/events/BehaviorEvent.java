package org.forecast4j.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One user-behaviour event: who ({@link #userId()}), what ({@link #itemId()} in {@link #categoryId()}), which
 * kind ({@link #type()}), when ({@link #epochSecond()}, seconds since 1970-01-01T00:00Z) and, optionally, how
 * many ({@link #quantity()}), at which unit price ({@link #price()}), through which {@link #channel()} and in
 * which {@link #session()}.
 *
 * <p><b>Allocation-light, mutable flyweight.</b> Readers and the simulator fill <em>one</em> instance per
 * stream and hand it to an {@link EventHandler} for every row, so that parsing and aggregation allocate nothing
 * per event. A handler must therefore not keep the instance it receives: call {@link #copy()} to keep one.
 * Instances are not thread-safe.
 *
 * <p>Identifiers are {@code long}s. Sources with text identifiers (e.g. Online Retail stock code {@code 85123A})
 * map them through an {@link IdDictionary} to negative ids; numeric ids are kept as they are. {@link #NO_ID}
 * marks an absent identifier (an anonymous user, an unknown category). Absent quantity and price are NaN;
 * absent channel and session are {@code null}.
 *
 * @since 0.1.0
 */
public final class BehaviorEvent {

    /** Marker of an absent identifier. */
    public static final long NO_ID = Long.MIN_VALUE;

    private long userId = NO_ID;
    private long itemId = NO_ID;
    private long categoryId = NO_ID;
    private BehaviorType type = BehaviorType.PV;
    private long epochSecond;
    private double quantity = Double.NaN;
    private double price = Double.NaN;
    private String channel;
    private String session;

    /** An empty event (all ids absent, type PV, time 0); fill it with the setters. */
    public BehaviorEvent() {
        // fields have their defaults
    }

    /**
     * Sets the mandatory fields and clears the optional ones.
     *
     * @param user        user id, or {@link #NO_ID}
     * @param item        item id, or {@link #NO_ID}
     * @param category    category id, or {@link #NO_ID}
     * @param kind        event type
     * @param epochSecond seconds since the epoch (UTC)
     * @return this event
     */
    public BehaviorEvent set(long user, long item, long category, BehaviorType kind, long epochSecond) {
        this.userId = user;
        this.itemId = item;
        this.categoryId = category;
        this.type = Objects.requireNonNull(kind, "type");
        this.epochSecond = epochSecond;
        this.quantity = Double.NaN;
        this.price = Double.NaN;
        this.channel = null;
        this.session = null;
        return this;
    }

    /**
     * Sets the quantity (units bought, carted…; may be negative for returns and cancellations).
     *
     * @param q quantity, NaN when absent
     * @return this event
     */
    public BehaviorEvent quantity(double q) {
        this.quantity = q;
        return this;
    }

    /**
     * Sets the unit price.
     *
     * @param p price per unit, NaN when absent
     * @return this event
     */
    public BehaviorEvent price(double p) {
        this.price = p;
        return this;
    }

    /**
     * Sets the channel (app, web, campaign…).
     *
     * @param c channel name, null when absent
     * @return this event
     */
    public BehaviorEvent channel(String c) {
        this.channel = c;
        return this;
    }

    /**
     * Sets the session identifier.
     *
     * @param s session id, null when absent
     * @return this event
     */
    public BehaviorEvent session(String s) {
        this.session = s;
        return this;
    }

    /**
     * Returns the user id.
     *
     * @return user id or {@link #NO_ID}
     */
    public long userId() {
        return userId;
    }

    /**
     * Returns the item id.
     *
     * @return item id or {@link #NO_ID}
     */
    public long itemId() {
        return itemId;
    }

    /**
     * Returns the category id.
     *
     * @return category id or {@link #NO_ID}
     */
    public long categoryId() {
        return categoryId;
    }

    /**
     * Returns the type.
     *
     * @return event type, never null
     */
    public BehaviorType type() {
        return type;
    }

    /**
     * Returns the time in seconds since 1970-01-01T00:00Z.
     *
     * @return epoch seconds
     */
    public long epochSecond() {
        return epochSecond;
    }

    /**
     * Returns the time as an {@link Instant} (allocates; prefer {@link #epochSecond()} in loops).
     *
     * @return the instant
     */
    public Instant instant() {
        return Instant.ofEpochSecond(epochSecond);
    }

    /**
     * Returns the quantity.
     *
     * @return quantity, NaN when absent
     */
    public double quantity() {
        return quantity;
    }

    /**
     * Returns the unit price.
     *
     * @return price, NaN when absent
     */
    public double price() {
        return price;
    }

    /**
     * Revenue of the event: {@code quantity × price}, with an absent quantity counting as 1.
     *
     * @return revenue, NaN when the price is absent
     */
    public double revenue() {
        double q = Double.isNaN(quantity) ? 1.0 : quantity;
        return q * price;
    }

    /**
     * Returns the channel.
     *
     * @return channel or null
     */
    public String channel() {
        return channel;
    }

    /**
     * Returns the session id.
     *
     * @return session or null
     */
    public String session() {
        return session;
    }

    /**
     * An independent copy, for handlers that must keep an event beyond the callback.
     *
     * @return a new event with the same fields
     */
    public BehaviorEvent copy() {
        BehaviorEvent e = new BehaviorEvent();
        e.set(userId, itemId, categoryId, type, epochSecond);
        e.quantity = quantity;
        e.price = price;
        e.channel = channel;
        e.session = session;
        return e;
    }

    @Override
    public String toString() {
        return "BehaviorEvent[user=" + userId + ", item=" + itemId + ", category=" + categoryId + ", type=" + type
                + ", t=" + instant() + (Double.isNaN(quantity) ? "" : ", quantity=" + quantity)
                + (Double.isNaN(price) ? "" : ", price=" + price) + (channel == null ? "" : ", channel=" + channel)
                + (session == null ? "" : ", session=" + session) + "]";
    }
}
