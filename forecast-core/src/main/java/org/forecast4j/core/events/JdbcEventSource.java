package org.forecast4j.core.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.forecast4j.core.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events from any JDBC query, columns mapped by name with a {@link ColumnMapping}. {@link #read} streams the
 * result set (forward-only, fetch size {@value #FETCH_SIZE}) into one reused event; {@link #aggregate} pushes
 * the aggregation down into the database as a {@code GROUP BY} over (key, local period), so only one row per
 * key and period crosses the connection.
 *
 * <pre>{@code
 * JdbcEventSource src = JdbcEventSource.of(() -> DriverManager.getConnection(url),
 *         "SELECT user_id, item_id, category_id, behavior_type, ts FROM behavior", ColumnMapping.taobao());
 * AggregationResult r = src.aggregate(spec);   // SELECT ... GROUP BY category_id, FLOOR((ts + 28800) / 86400)
 * }</pre>
 *
 * <p><b>Time.</b> A numeric time column is read as Unix seconds or milliseconds ({@link TimeFormat}); a SQL
 * {@code TIMESTAMP} column as a local date-time in the zone of a {@link TimeFormat#local local} format;
 * {@code TIMESTAMP WITH TIME ZONE} as an instant; text with the format's parser.
 *
 * <p><b>Push-down</b> applies when the time column is numeric (epoch seconds or milliseconds), the spec's zone
 * has had a fixed UTC offset since {@value #FIXED_SINCE_YEAR} (Asia/Shanghai, UTC, Asia/Kolkata…), the key is
 * not a user segment and the measure is not cart abandonment. Distinct-user measures become
 * {@code COUNT(DISTINCT user)} (exact even when a HyperLogLog estimate was asked for). Otherwise
 * {@link #aggregate} streams the rows through an {@link Aggregator} and logs why at debug level. Either way the
 * panel is the same; only {@link AggregationResult#eventsSeen()} differs, as SQL reports just the rows its
 * filter kept. Column names must be plain SQL identifiers (letters, digits, '_').
 *
 * @since 0.1.0
 */
public final class JdbcEventSource implements EventSource {

    /** Rows fetched per round trip when streaming. */
    public static final int FETCH_SIZE = 10_000;
    /** Zones whose offset has not changed since this year count as fixed for push-down. */
    public static final int FIXED_SINCE_YEAR = 1992;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventSource.class);
    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

    /** Opens a connection; the source closes it after each read. */
    @FunctionalInterface
    public interface Connector {
        /**
         * Opens a new connection.
         *
         * @return a connection, closed by the caller
         * @throws SQLException if it cannot be opened
         */
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String query;
    private final ColumnMapping mapping;
    private final BadRowPolicy policy;
    private final IdDictionary dictionary;

    private JdbcEventSource(Connector connector, String query, ColumnMapping mapping, BadRowPolicy policy,
                            IdDictionary dictionary) {
        this.connector = connector;
        this.query = query;
        this.mapping = mapping;
        this.policy = policy;
        this.dictionary = dictionary;
    }

    /**
     * A source over a query, failing on the first bad row.
     *
     * @param connector opens connections
     * @param query     a SELECT whose result has the mapped columns
     * @param mapping   column mapping (names are matched case-insensitively, as JDBC does)
     * @return the source
     * @throws IllegalArgumentException if a mapped column name is not a plain identifier
     */
    public static JdbcEventSource of(Connector connector, String query, ColumnMapping mapping) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mapping, "mapping");
        for (String c : mapping.columnNames()) {
            Checks.requireArgument(c == null || c.matches(IDENTIFIER),
                    "column names must be plain SQL identifiers, got '%s'", c);
        }
        return new JdbcEventSource(connector, query, mapping, BadRowPolicy.FAIL, new IdDictionary());
    }

    /**
     * Returns a source with another bad-row policy (same dictionary).
     *
     * @param p SKIP or FAIL
     * @return the source
     */
    public JdbcEventSource withPolicy(BadRowPolicy p) {
        return new JdbcEventSource(connector, query, mapping, Objects.requireNonNull(p, "policy"), dictionary);
    }

    /**
     * The dictionary of text identifiers met so far.
     *
     * @return the dictionary
     */
    public IdDictionary dictionary() {
        return dictionary;
    }

    @Override
    public String description() {
        return "query[" + query + "]";
    }

    @Override
    public ReadReport read(EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        BadRows bad = new BadRows("query", policy);
        long rows = 0;
        long events = 0;
        try (Connection c = connector.open();
             Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = st.executeQuery(query)) {
                Cols cols = new Cols(rs, mapping);
                BehaviorEvent ev = new BehaviorEvent();
                while (rs.next()) {
                    rows++;
                    String problem = cols.fill(rs, ev, dictionary);
                    if (problem != null) {
                        bad.report(rows, problem);
                        continue;
                    }
                    handler.onEvent(ev);
                    events++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("query failed: " + e.getMessage(), e);
        }
        return bad.report(rows, events);
    }

    /**
     * Aggregates in the database when possible (see the class comment), otherwise by streaming.
     *
     * @param spec what to compute
     * @return the result, identical to streaming the rows through an {@link Aggregator}
     */
    public AggregationResult aggregate(AggregationSpec spec) {
        Objects.requireNonNull(spec, "spec");
        String why = pushDownObstacle(spec);
        if (why != null) {
            LOG.debug("aggregating by streaming: {}", why);
            return Aggregator.aggregate(this, spec);
        }
        return pushDown(spec);
    }

    /**
     * Whether {@link #aggregate} would run in the database for this spec.
     *
     * @param spec the spec
     * @return true if pushed down
     */
    public boolean canPushDown(AggregationSpec spec) {
        return pushDownObstacle(spec) == null;
    }

    private String pushDownObstacle(AggregationSpec spec) {
        TimeFormat.Kind tk = mapping.timeFormat().kind();
        if (tk != TimeFormat.Kind.EPOCH_SECONDS && tk != TimeFormat.Kind.EPOCH_MILLIS) {
            return "time column is not numeric epoch time";
        }
        if (fixedOffset(spec.zone()) == null) {
            return "zone " + spec.zone() + " changes offset (daylight saving)";
        }
        if (spec.key().kind() == GroupKey.Kind.SEGMENT) {
            return "user segments are computed by a Java function";
        }
        if (spec.measure().kind() == Measure.Kind.CART_ABANDONMENT) {
            return "cart abandonment needs (user, item) pairs";
        }
        return null;
    }

    /** The zone's offset in seconds if it has not changed since FIXED_SINCE_YEAR, else null. */
    static Integer fixedOffset(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant since = LocalDateTime.of(FIXED_SINCE_YEAR, 1, 1, 0, 0).toInstant(java.time.ZoneOffset.UTC);
        if (rules.isFixedOffset() || rules.nextTransition(since) == null) {
            return rules.getOffset(since).getTotalSeconds();
        }
        return null;
    }

    private AggregationResult pushDown(AggregationSpec spec) {
        Measure m = spec.measure();
        int off = fixedOffset(spec.zone());
        PeriodClock clock = new PeriodClock(spec.frequency(), spec.zone(), spec.weekStart());
        long unit = clock.unit() == 0 ? PeriodClock.HOUR : clock.unit() == 1 ? PeriodClock.DAY : 7 * PeriodClock.DAY;
        long shift = clock.unit() == 2 ? clock.weekShift() * PeriodClock.DAY : 0;
        boolean millis = mapping.timeFormat().kind() == TimeFormat.Kind.EPOCH_MILLIS;
        String t = mapping.time();
        // "* 1.0" instead of CAST(... AS DOUBLE): portable across H2, DuckDB, PostgreSQL and MySQL
        String seconds = millis ? "FLOOR(" + t + " / 1000.0)" : "(" + t + " * 1.0)";
        String local = "(" + seconds + " + " + off + ")";
        String period = "FLOOR((" + local + " - " + shift + ") / " + unit + ")";
        String typeExpr = mapping.type() == null ? "'" + mapping.fixedType().name() + "'"
                : "LOWER(" + mapping.type() + ")";
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        where.add(t + " IS NOT NULL");
        String a;
        String b = "0";
        String n = "COUNT(*)";
        switch (m.kind()) {
            case COUNT:
                a = "COUNT(*)";
                break;
            case REVENUE:
                Checks.requireArgument(mapping.price() != null, "revenue needs a price column in the mapping");
                a = "SUM(" + qty() + " * " + mapping.price() + ")";
                n = "COUNT(" + mapping.price() + ")";
                b = "COUNT(*) - COUNT(" + mapping.price() + ")";
                break;
            case QUANTITY:
                a = "SUM(" + qty() + ")";
                break;
            case DISTINCT_USERS:
            case APPROX_DISTINCT_USERS:
                Checks.requireArgument(mapping.user() != null, "distinct users need a user column in the mapping");
                a = "COUNT(DISTINCT " + mapping.user() + ")";
                where.add(mapping.user() + " IS NOT NULL");
                break;
            case CONVERSION_RATE:
                a = "SUM(CASE WHEN " + typeExpr + " IN (" + marks(BehaviorType.BUY, params) + ") THEN 1 ELSE 0 END)";
                b = "SUM(CASE WHEN " + typeExpr + " IN (" + marks(BehaviorType.PV, params) + ") THEN 1 ELSE 0 END)";
                break;
            default:
                throw new IllegalStateException("no push-down for " + m);
        }
        if (m.kind() == Measure.Kind.CONVERSION_RATE) {
            where.add(typeExpr + " IN (" + marks(BehaviorType.BUY, params) + ", "
                    + marks(BehaviorType.PV, params) + ")");
        } else if (m.type() != null) {
            where.add(typeExpr + " IN (" + marks(m.type(), params) + ")");
        }
        if (spec.from() != null) {
            where.add(local + " >= ?");
            params.add(PeriodClock.localSeconds(spec.from()));
            where.add(local + " < ?");
            params.add(PeriodClock.localSeconds(spec.to()));
        }
        String key;
        switch (spec.key().kind()) {
            case ALL:
                key = "'all'";
                break;
            case CATEGORY:
                key = requireColumn(mapping.category(), "category");
                break;
            case ITEM:
                key = requireColumn(mapping.item(), "item");
                break;
            default:
                key = requireColumn(mapping.channel(), "channel");
                break;
        }
        String sql = "SELECT " + key + " AS K_, " + period + " AS P_, " + n + " AS N_, " + a + " AS A_, " + b
                + " AS B_, MIN(" + local + ") AS LO_, MAX(" + local + ") AS HI_ FROM (" + query + ") Q_ WHERE "
                + String.join(" AND ", where) + " GROUP BY "
                + (spec.key().kind() == GroupKey.Kind.ALL ? "" : key + ", ") + period;
        LOG.debug("push-down: {}", sql);
        Aggregator agg = Aggregator.preAggregated(spec);
        try (Connection c = connector.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString(1);
                    long id = k == null ? BehaviorEvent.NO_ID : dictionary.idOf(k.trim());
                    double bv = rs.getDouble(5);
                    long events = rs.getLong(3);
                    if (m.kind() == Measure.Kind.REVENUE) {
                        agg.addWithoutValue((long) bv);
                        bv = 0;
                    }
                    if (events == 0) {
                        continue;
                    }
                    agg.addCell(id, k, rs.getLong(2), rs.getDouble(4), bv, events,
                            (long) Math.floor(rs.getDouble(6)), (long) Math.floor(rs.getDouble(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("push-down query failed: " + e.getMessage() + " (SQL: " + sql + ")",
                    e);
        }
        return agg.result();
    }

    private String qty() {
        return mapping.quantity() == null ? "1" : "COALESCE(" + mapping.quantity() + ", 1)";
    }

    private static String requireColumn(String column, String what) {
        Checks.requireArgument(column != null, "grouping by %s needs a %s column in the mapping", what, what);
        return column;
    }

    /** Placeholders for the lower-case texts that resolve to a type (its name plus aliases). */
    private String marks(BehaviorType type, List<Object> params) {
        List<String> texts = new ArrayList<>();
        texts.add(type.name());
        for (Map.Entry<String, BehaviorType> e : mapping.aliases().entrySet()) {
            if (e.getValue() == type && !texts.contains(e.getKey())) {
                texts.add(e.getKey());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : texts) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('?');
            params.add(s);
        }
        return sb.toString();
    }

    /** Column positions and time handling resolved once from the result-set metadata. */
    private static final class Cols extends ColumnMapping.Positions {
        final int timeSqlType;

        Cols(ResultSet rs, ColumnMapping m) throws SQLException {
            super(m, column -> find(rs, column));
            ResultSetMetaData md = rs.getMetaData();
            timeSqlType = md.getColumnType(time);
        }

        /** The position of a mapped column in the query result (JDBC counts from 1). */
        static int find(ResultSet rs, String column) {
            try {
                return rs.findColumn(column);
            } catch (SQLException e) {
                throw new IllegalArgumentException("query result has no column '" + column + "'", e);
            }
        }

        String fill(ResultSet rs, BehaviorEvent ev, IdDictionary dict) throws SQLException {
            long t;
            try {
                t = time(rs);
            } catch (IllegalArgumentException e) {
                return "column " + time + " (" + m.time() + "): " + e.getMessage();
            }
            BehaviorType bt = m.fixedType();
            if (type > 0) {
                String s = rs.getString(type);
                bt = s == null ? null : m.resolveType(s);
                if (bt == null) {
                    return "column " + type + " (" + m.type() + "): expected an event type name, got '" + s + "'";
                }
            }
            ev.set(id(rs, user, dict), id(rs, item, dict), id(rs, category, dict), bt, t);
            if (quantity > 0) {
                double q = rs.getDouble(quantity);
                ev.quantity(rs.wasNull() ? Double.NaN : q);
            }
            if (price > 0) {
                double p = rs.getDouble(price);
                ev.price(rs.wasNull() ? Double.NaN : p);
            }
            if (channel > 0) {
                ev.channel(rs.getString(channel));
            }
            if (session > 0) {
                ev.session(rs.getString(session));
            }
            return null;
        }

        private long time(ResultSet rs) throws SQLException {
            switch (timeSqlType) {
                case Types.TIMESTAMP: {
                    LocalDateTime ldt = rs.getObject(time, LocalDateTime.class);
                    Checks.requireArgument(ldt != null, "expected a timestamp, got NULL");
                    ZoneId z = m.timeFormat().zone();
                    Checks.requireArgument(z != null, "a SQL TIMESTAMP column needs TimeFormat.local(pattern, zone) "
                            + "to say which zone it is local to");
                    return ldt.atZone(z).toEpochSecond();
                }
                case Types.TIMESTAMP_WITH_TIMEZONE: {
                    OffsetDateTime odt = rs.getObject(time, OffsetDateTime.class);
                    Checks.requireArgument(odt != null, "expected a timestamp, got NULL");
                    return odt.toEpochSecond();
                }
                default: {
                    String s = rs.getString(time);
                    Checks.requireArgument(s != null, "expected %s, got NULL", m.timeFormat());
                    return m.timeFormat().parse(s);
                }
            }
        }

        private static long id(ResultSet rs, int col, IdDictionary dict) throws SQLException {
            if (col < 0) {
                return BehaviorEvent.NO_ID;
            }
            String s = rs.getString(col);
            return s == null ? BehaviorEvent.NO_ID : dict.idOf(s.trim());
        }
    }

    @Override
    public String toString() {
        return "JdbcEventSource[" + query.toLowerCase(Locale.ROOT) + "]";
    }
}
