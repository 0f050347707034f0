package org.forecast4j.core.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.forecast4j.core.Checks;

/**
 * Which named column of a CSV file or SQL result holds which {@link BehaviorEvent} field, and how the
 * timestamp is written. Only the time column is required; an unmapped id is {@link BehaviorEvent#NO_ID}, an
 * unmapped type is {@link #fixedType() fixed} (e.g. every Online Retail row is a purchase).
 *
 * <pre>{@code
 * // UCI Online Retail: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
 * ColumnMapping retail = ColumnMapping.builder()
 *         .time("InvoiceDate", TimeFormat.local("yyyy-MM-dd HH:mm:ss", ZoneId.of("Europe/London")))
 *         .user("CustomerID").item("StockCode").fixedType(BehaviorType.BUY)
 *         .quantity("Quantity").price("UnitPrice").channel("Country").session("InvoiceNo")
 *         .build();
 * }</pre>
 *
 * <p>A source with an order total instead of a unit price maps the total as {@link Builder#price price} and no
 * quantity: revenue is quantity × price with an absent quantity counting as 1.
 *
 * <p>Type values are matched case-insensitively to built-in or custom {@link BehaviorType} names, after the
 * {@link Builder#typeAlias aliases} (e.g. {@code "view" → PV}). Immutable.
 *
 * @since 0.1.0
 */
public final class ColumnMapping {

    private final String user;
    private final String item;
    private final String category;
    private final String type;
    private final BehaviorType fixedType;
    private final Map<String, BehaviorType> aliases;
    private final String time;
    private final TimeFormat timeFormat;
    private final String quantity;
    private final String price;
    private final String channel;
    private final String session;

    private ColumnMapping(Builder b) {
        user = b.user;
        item = b.item;
        category = b.category;
        type = b.type;
        fixedType = b.fixedType;
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(b.aliases));
        time = b.time;
        timeFormat = b.timeFormat;
        quantity = b.quantity;
        price = b.price;
        channel = b.channel;
        session = b.session;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Taobao layout's column names ({@code user_id,item_id,category_id,behavior_type,timestamp}, Unix
     * seconds), for CSV files with that header or database tables with those columns.
     *
     * @return the mapping
     */
    public static ColumnMapping taobao() {
        return builder().user("user_id").item("item_id").category("category_id").type("behavior_type")
                .time("timestamp", TimeFormat.epochSeconds()).build();
    }

    /**
     * Returns the user column.
     *
     * @return column name or null
     */
    public String user() {
        return user;
    }

    /**
     * Returns the item column.
     *
     * @return column name or null
     */
    public String item() {
        return item;
    }

    /**
     * Returns the category column.
     *
     * @return column name or null
     */
    public String category() {
        return category;
    }

    /**
     * Returns the type column.
     *
     * @return column name, or null when the type is fixed
     */
    public String type() {
        return type;
    }

    /**
     * Returns the type of every row when there is no type column.
     *
     * @return fixed type (default PV when no type column is mapped)
     */
    public BehaviorType fixedType() {
        return fixedType;
    }

    /**
     * Returns the type aliases.
     *
     * @return lower-case text → type
     */
    public Map<String, BehaviorType> aliases() {
        return aliases;
    }

    /**
     * Returns the time column.
     *
     * @return column name
     */
    public String time() {
        return time;
    }

    /**
     * Returns the time format.
     *
     * @return format
     */
    public TimeFormat timeFormat() {
        return timeFormat;
    }

    /**
     * Returns the quantity column.
     *
     * @return column name or null
     */
    public String quantity() {
        return quantity;
    }

    /**
     * Returns the unit price column.
     *
     * @return column name or null
     */
    public String price() {
        return price;
    }

    /**
     * Returns the channel column.
     *
     * @return column name or null
     */
    public String channel() {
        return channel;
    }

    /**
     * Returns the session column.
     *
     * @return column name or null
     */
    public String session() {
        return session;
    }

    /**
     * The mapped column names in field order (user, item, category, type, time, quantity, price, channel,
     * session), null where a field is not mapped.
     */
    String[] columnNames() {
        return new String[] {user, item, category, type, time, quantity, price, channel, session};
    }

    /**
     * Where the mapped columns stand in one source (a CSV header, a query result), looked up once by name: the part
     * the CSV and JDBC readers share. A field that is not mapped is at {@link #NONE}. Readers extend it with how
     * they read a row.
     */
    static class Positions {
        /** Position of a field that is not mapped. */
        static final int NONE = -1;

        final ColumnMapping m;
        final int user;
        final int item;
        final int category;
        final int type;
        final int time;
        final int quantity;
        final int price;
        final int channel;
        final int session;

        /**
         * Looks every mapped column up.
         *
         * @param m        the mapping
         * @param position a mapped column name → its position in the source; throws if the source has no such
         *                 column
         */
        Positions(ColumnMapping m, ToIntFunction<String> position) {
            this.m = m;
            user = find(m.user, position);
            item = find(m.item, position);
            category = find(m.category, position);
            type = find(m.type, position);
            time = find(m.time, position);
            quantity = find(m.quantity, position);
            price = find(m.price, position);
            channel = find(m.channel, position);
            session = find(m.session, position);
        }

        private static int find(String column, ToIntFunction<String> position) {
            return column == null ? NONE : position.applyAsInt(column);
        }

        /** @return the largest position of a mapped column */
        int maxPosition() {
            int mx = NONE;
            for (int i : new int[] {user, item, category, type, time, quantity, price, channel, session}) {
                mx = Math.max(mx, i);
            }
            return mx;
        }
    }

    /** Resolves a type text through the aliases, then by name; null if it is not a valid type name. */
    BehaviorType resolveType(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        BehaviorType a = aliases.get(t);
        if (a != null) {
            return a;
        }
        try {
            // BehaviorType.of looks known names up first and validates only new ones (no per-row regex)
            return BehaviorType.of(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One-shot builder. */
    public static final class Builder {
        private String user;
        private String item;
        private String category;
        private String type;
        private BehaviorType fixedType = BehaviorType.PV;
        private final Map<String, BehaviorType> aliases = new LinkedHashMap<>();
        private String time;
        private TimeFormat timeFormat;
        private String quantity;
        private String price;
        private String channel;
        private String session;

        private Builder() {
        }

        private static String name(String column, String what) {
            Objects.requireNonNull(column, what);
            Checks.requireArgument(!column.isBlank(), "%s column name must be non-blank", what);
            return column;
        }

        /**
         * Maps the user id column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder user(String column) {
            user = name(column, "user");
            return this;
        }

        /**
         * Maps the item id column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder item(String column) {
            item = name(column, "item");
            return this;
        }

        /**
         * Maps the category id column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder category(String column) {
            category = name(column, "category");
            return this;
        }

        /**
         * Maps the event type column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder type(String column) {
            type = name(column, "type");
            return this;
        }

        /**
         * Gives every row the same type (when there is no type column).
         *
         * @param t the type
         * @return this builder
         */
        public Builder fixedType(BehaviorType t) {
            fixedType = Objects.requireNonNull(t, "fixedType");
            return this;
        }

        /**
         * Maps a type text to a type, e.g. {@code typeAlias("view", BehaviorType.PV)}.
         *
         * @param text the text in the data (case-insensitive)
         * @param t    the type
         * @return this builder
         */
        public Builder typeAlias(String text, BehaviorType t) {
            aliases.put(Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT),
                    Objects.requireNonNull(t, "type"));
            return this;
        }

        /**
         * Maps the timestamp column (required).
         *
         * @param column column name
         * @param format how it is written
         * @return this builder
         */
        public Builder time(String column, TimeFormat format) {
            time = name(column, "time");
            timeFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Maps the quantity column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder quantity(String column) {
            quantity = name(column, "quantity");
            return this;
        }

        /**
         * Maps the unit price column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder price(String column) {
            price = name(column, "price");
            return this;
        }

        /**
         * Maps the channel column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder channel(String column) {
            channel = name(column, "channel");
            return this;
        }

        /**
         * Maps the session column.
         *
         * @param column column name
         * @return this builder
         */
        public Builder session(String column) {
            session = name(column, "session");
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws IllegalStateException if no time column was mapped
         */
        public ColumnMapping build() {
            Checks.requireState(time != null, "a time column must be mapped");
            return new ColumnMapping(this);
        }
    }
}
