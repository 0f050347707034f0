package org.forecast4j.core.events;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import org.forecast4j.core.Checks;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;

/**
 * Aggregates a stream of events into a {@link Panel} following an {@link AggregationSpec}. An
 * {@link EventHandler}: pass it to any {@link EventSource} (or the simulator), then call {@link #result()}.
 *
 * <pre>{@code
 * Aggregator agg = Aggregator.of(spec);
 * TaobaoReader.of(file).read(agg);
 * Panel panel = agg.result().panel();
 * }</pre>
 *
 * <p><b>Algorithm.</b> Per event: type filter (a {@code boolean[]} by type code), local-time period number
 * (cached zone offset, one {@code floorDiv}), key slot (open-addressing {@code long → int} map with a
 * last-key cache) and one update of that key's per-period accumulator, a {@code double[]} that grows in both
 * directions. Nothing is allocated per event for counts and sums, so aggregation runs at more than 10 million
 * events per second on one core (docs/benchmarks.md). Memory is O(keys × periods) for counts and sums,
 * O(distinct users) per (key, period) for exact distinct counts and {@code 2^p} bytes per (key, period) for
 * HyperLogLog — never O(events).
 *
 * <p>Panel keys: {@code all}; category / item ids named by {@link AggregationSpec#keyNames()} in ascending id
 * order (text ids, which are negative, after numeric ones in order of appearance; absent ids as
 * {@code unknown} last); channel and segment names in alphabetical order.
 *
 * <p>Not thread-safe; one aggregator per stream. {@link #result()} may be called more than once.
 *
 * @since 0.1.0
 */
public final class Aggregator implements EventHandler {

    private static final int INITIAL_KEYS = 16;
    private static final int INITIAL_PERIODS = 16;
    private static final String UNKNOWN = "unknown";

    private final AggregationSpec spec;
    private final PeriodClock clock;
    private final Measure.Kind measure;
    private final GroupKey.Kind keyKind;
    private final LongFunction<String> segmentOf;
    private final boolean[] accept = new boolean[BehaviorType.MAX_TYPES];
    private final boolean hasRange;
    private final long fromLocal;
    private final long toLocal;
    private final int maxPeriods;

    // key slots
    private final LongIntMap idSlots = new LongIntMap();
    private final Map<String, Integer> nameSlots = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long lastId = Long.MIN_VALUE + 7;
    private int lastSlot = -1;
    private int keys;

    // accumulators per key: values indexed by period - origin
    private double[][] sumA = new double[INITIAL_KEYS][];
    private double[][] sumB = new double[INITIAL_KEYS][];
    private Object[][] setA = new Object[INITIAL_KEYS][];
    private Object[][] setB = new Object[INITIAL_KEYS][];
    private long[] originA = new long[INITIAL_KEYS];
    private long[] originB = new long[INITIAL_KEYS];
    private long[] originSetA = new long[INITIAL_KEYS];
    private long[] originSetB = new long[INITIAL_KEYS];

    // events per period over all keys (for partial-period bookkeeping)
    private long[] perPeriod;
    private long perPeriodOrigin;

    private final boolean preAggregated;
    private long seen;
    private long outOfRange;
    private long withoutValue;
    private long minLocal = Long.MAX_VALUE;
    private long maxLocal = Long.MIN_VALUE;

    private Aggregator(AggregationSpec spec, boolean preAggregated) {
        this.spec = spec;
        this.preAggregated = preAggregated;
        this.clock = new PeriodClock(spec.frequency(), spec.zone(), spec.weekStart());
        this.measure = spec.measure().kind();
        this.keyKind = spec.key().kind();
        this.segmentOf = spec.key().segmentOf();
        this.maxPeriods = spec.maxPeriods();
        this.hasRange = spec.from() != null;
        this.fromLocal = hasRange ? PeriodClock.localSeconds(spec.from()) : Long.MIN_VALUE;
        this.toLocal = hasRange ? PeriodClock.localSeconds(spec.to()) : Long.MAX_VALUE;
        BehaviorType t = spec.measure().type();
        switch (measure) {
            case CONVERSION_RATE:
                accept[BehaviorType.PV.code()] = true;
                accept[BehaviorType.BUY.code()] = true;
                break;
            case CART_ABANDONMENT:
                accept[BehaviorType.CART.code()] = true;
                accept[BehaviorType.BUY.code()] = true;
                break;
            default:
                if (t == null) {
                    Arrays.fill(accept, true);
                } else {
                    accept[t.code()] = true;
                }
                break;
        }
    }

    /**
     * An empty aggregator for a spec.
     *
     * @param spec what to compute
     * @return the aggregator
     */
    public static Aggregator of(AggregationSpec spec) {
        return new Aggregator(Objects.requireNonNull(spec, "spec"), false);
    }

    /**
     * An aggregator fed with per-(key, period) values computed elsewhere (SQL GROUP BY push-down) through
     * {@link #addCell}; it only assembles the panel.
     */
    static Aggregator preAggregated(AggregationSpec spec) {
        Checks.requireArgument(spec.measure().kind() != Measure.Kind.CART_ABANDONMENT,
                "cart abandonment cannot be pre-aggregated");
        return new Aggregator(spec, true);
    }

    /**
     * Adds one pre-aggregated cell: {@code a} (the value, or the numerator of a ratio), {@code b} (the
     * denominator of a ratio), {@code events} rows behind it, and the local-time range of those rows.
     *
     * @param id       key id for category / item keys, ignored otherwise
     * @param name     key name for channel keys, ignored otherwise
     * @param period   local period number
     * @param a        value or numerator
     * @param b        denominator (conversion rate) or 0
     * @param events   number of events in the cell
     * @param minLocal smallest local epoch second in the cell
     * @param maxLocal largest local epoch second in the cell
     */
    void addCell(long id, String name, long period, double a, double b, long events, long minLocal,
                 long maxLocal) {
        Checks.requireState(preAggregated, "addCell is for pre-aggregated input");
        int k;
        switch (keyKind) {
            case ALL:
                if (keys == 0) {
                    newSlot();
                }
                k = 0;
                break;
            case CATEGORY:
            case ITEM:
                k = idSlot(id);
                break;
            default:
                k = nameSlot(name == null ? UNKNOWN : name);
                break;
        }
        sumA[k] = add(sumA[k], originA, k, period, a);
        sumB[k] = add(sumB[k], originB, k, period, b);
        seen += events;
        countPeriod(period);
        perPeriod[(int) (period - perPeriodOrigin)] += events - 1;
        this.minLocal = Math.min(this.minLocal, minLocal);
        this.maxLocal = Math.max(this.maxLocal, maxLocal);
    }

    /** Adds to the count of events that lacked the measure's value (push-down bookkeeping). */
    void addWithoutValue(long n) {
        withoutValue += n;
        seen += n;
    }

    /**
     * Reads a source into a new aggregator and returns its result.
     *
     * @param source the events
     * @param spec   what to compute
     * @return the result
     */
    public static AggregationResult aggregate(EventSource source, AggregationSpec spec) {
        Objects.requireNonNull(source, "source");
        Aggregator a = of(spec);
        source.read(a);
        return a.result();
    }

    @Override
    public void onEvent(BehaviorEvent e) {
        seen++;
        BehaviorType type = e.type();
        int code = type.code();
        if (!accept[code]) {
            return;
        }
        long local = clock.local(e.epochSecond());
        if (local < fromLocal || local >= toLocal) {
            outOfRange++;
            return;
        }
        long p = clock.periodOfLocal(local);
        int k = slot(e);
        switch (measure) {
            case COUNT:
                sumA[k] = add(sumA[k], originA, k, p, 1.0);
                break;
            case REVENUE: {
                double r = e.revenue();
                if (Double.isNaN(r)) {
                    withoutValue++;
                    return;
                }
                sumA[k] = add(sumA[k], originA, k, p, r);
                break;
            }
            case QUANTITY: {
                double q = e.quantity();
                sumA[k] = add(sumA[k], originA, k, p, Double.isNaN(q) ? 1.0 : q);
                break;
            }
            case CONVERSION_RATE:
                if (type == BehaviorType.BUY) {
                    sumA[k] = add(sumA[k], originA, k, p, 1.0);
                } else {
                    sumB[k] = add(sumB[k], originB, k, p, 1.0);
                }
                break;
            case DISTINCT_USERS:
                if (e.userId() == BehaviorEvent.NO_ID) {
                    withoutValue++;
                    return;
                }
                ((LongHashSet) cell(setA, originSetA, k, p, false)).add(e.userId());
                break;
            case APPROX_DISTINCT_USERS:
                if (e.userId() == BehaviorEvent.NO_ID) {
                    withoutValue++;
                    return;
                }
                ((HyperLogLog) cell(setA, originSetA, k, p, true)).add(e.userId());
                break;
            case CART_ABANDONMENT: {
                long pair = pairKey(e.userId(), e.itemId());
                if (type == BehaviorType.CART) {
                    ((LongHashSet) cell(setA, originSetA, k, p, false)).add(pair);
                } else {
                    ((LongHashSet) cell(setB, originSetB, k, p, false)).add(pair);
                }
                break;
            }
            default:
                throw new IllegalStateException("unhandled measure " + measure);
        }
        countPeriod(p);
        if (local < minLocal) {
            minLocal = local;
        }
        if (local > maxLocal) {
            maxLocal = local;
        }
    }

    /** A 64-bit key of a (user, item) pair; distinct pairs collide with probability about n²/2⁶⁵. */
    static long pairKey(long user, long item) {
        return LongHashSet.mix(user) * 31 + LongHashSet.mix(item ^ 0x9E3779B97F4A7C15L);
    }

    private int slot(BehaviorEvent e) {
        switch (keyKind) {
            case ALL:
                if (keys == 0) {
                    newSlot();
                }
                return 0;
            case CATEGORY:
                return idSlot(e.categoryId());
            case ITEM:
                return idSlot(e.itemId());
            case CHANNEL: {
                String c = e.channel();
                return nameSlot(c == null ? UNKNOWN : c);
            }
            case SEGMENT: {
                String s = segmentOf.apply(e.userId());
                Checks.requireArgument(s != null && !s.isEmpty(), "segment of user %d must be non-empty, got '%s'",
                        e.userId(), s);
                return nameSlot(s);
            }
            default:
                throw new IllegalStateException("unhandled key " + keyKind);
        }
    }

    private int idSlot(long id) {
        if (id == lastId && lastSlot >= 0) {
            return lastSlot;
        }
        int before = idSlots.size();
        int s = idSlots.indexOf(id);
        if (s == before) {
            newSlot();
        }
        lastId = id;
        lastSlot = s;
        return s;
    }

    private int nameSlot(String name) {
        Integer s = nameSlots.get(name);
        if (s == null) {
            s = keys;
            nameSlots.put(name, s);
            names.add(name);
            newSlot();
        }
        return s;
    }

    private void newSlot() {
        int k = keys++;
        if (k == sumA.length) {
            int n = k * 2;
            sumA = Arrays.copyOf(sumA, n);
            sumB = Arrays.copyOf(sumB, n);
            setA = Arrays.copyOf(setA, n);
            setB = Arrays.copyOf(setB, n);
            originA = Arrays.copyOf(originA, n);
            originB = Arrays.copyOf(originB, n);
            originSetA = Arrays.copyOf(originSetA, n);
            originSetB = Arrays.copyOf(originSetB, n);
        }
    }

    /** Adds v at period p of a key's array, growing it (towards p) when needed; returns the array. */
    private double[] add(double[] a, long[] origins, int k, long p, double v) {
        if (a != null) {
            long i = p - origins[k];
            if (i >= 0 && i < a.length) {
                a[(int) i] += v;
                return a;
            }
        }
        a = growDoubles(a, origins, k, p);
        a[(int) (p - origins[k])] += v;
        return a;
    }

    private double[] growDoubles(double[] a, long[] origins, int k, long p) {
        if (a == null) {
            origins[k] = p;
            return new double[INITIAL_PERIODS];
        }
        long[] span = newSpan(origins[k], a.length, p);
        double[] b = new double[(int) span[1]];
        System.arraycopy(a, 0, b, (int) (origins[k] - span[0]), a.length);
        origins[k] = span[0];
        return b;
    }

    private Object cell(Object[][] cells, long[] origins, int k, long p, boolean hll) {
        Object[] a = cells[k];
        long i = a == null ? -1 : p - origins[k];
        if (a == null || i < 0 || i >= a.length) {
            if (a == null) {
                origins[k] = p;
                a = new Object[INITIAL_PERIODS];
            } else {
                long[] span = newSpan(origins[k], a.length, p);
                Object[] b = new Object[(int) span[1]];
                System.arraycopy(a, 0, b, (int) (origins[k] - span[0]), a.length);
                origins[k] = span[0];
                a = b;
            }
            cells[k] = a;
            i = p - origins[k];
        }
        Object c = a[(int) i];
        if (c == null) {
            c = hll ? new HyperLogLog(spec.measure().precision()) : new LongHashSet();
            a[(int) i] = c;
        }
        return c;
    }

    private void countPeriod(long p) {
        long[] a = perPeriod;
        if (a != null) {
            long i = p - perPeriodOrigin;
            if (i >= 0 && i < a.length) {
                a[(int) i]++;
                return;
            }
        }
        if (a == null) {
            perPeriodOrigin = p;
            perPeriod = new long[INITIAL_PERIODS];
        } else {
            long[] span = newSpan(perPeriodOrigin, a.length, p);
            long[] b = new long[(int) span[1]];
            System.arraycopy(a, 0, b, (int) (perPeriodOrigin - span[0]), a.length);
            perPeriodOrigin = span[0];
            perPeriod = b;
        }
        perPeriod[(int) (p - perPeriodOrigin)]++;
    }

    /** New {origin, length} covering [origin, origin+len) and p, at least doubling, leaving slack towards p. */
    private long[] newSpan(long origin, int len, long p) {
        long lo = Math.min(origin, p);
        long hi = Math.max(origin + len, p + 1);
        long needed = hi - lo;
        if (needed > maxPeriods) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "events span %d %s periods (from %s to %s), more than maxPeriods %d; set a range or check "
                            + "the timestamp unit (seconds expected)", needed, spec.frequency(),
                    clock.start(lo), clock.start(hi - 1), maxPeriods));
        }
        long newLen = Math.min(Math.max(needed, 2L * len), (long) maxPeriods);
        long newOrigin = p < origin ? hi - newLen : lo;
        return new long[] {newOrigin, newLen};
    }

    /**
     * The panel and bookkeeping for the events seen so far.
     *
     * @return the result
     */
    public AggregationResult result() {
        long first;
        long last;
        boolean firstPartial;
        boolean lastPartial;
        if (hasRange) {
            first = clock.periodOfLocal(fromLocal);
            last = clock.periodOfLocal(toLocal - 1);
            firstPartial = clock.startOfLocal(first) != fromLocal;
            lastPartial = clock.startOfLocal(last + 1) != toLocal;
        } else if (minLocal <= maxLocal) {
            first = clock.periodOfLocal(minLocal);
            last = clock.periodOfLocal(maxLocal);
            // data coverage is taken to whole hours: [hour of first event, end of hour of last event)
            long covStart = Math.floorDiv(minLocal, PeriodClock.HOUR) * PeriodClock.HOUR;
            long covEnd = Math.floorDiv(maxLocal, PeriodClock.HOUR) * PeriodClock.HOUR + PeriodClock.HOUR;
            firstPartial = covStart > clock.startOfLocal(first);
            lastPartial = covEnd < clock.startOfLocal(last + 1);
        } else {
            return new AggregationResult(Panel.of(new LinkedHashMap<>()), spec, null, 0, false, false, seen, 0,
                    outOfRange, withoutValue, 0);
        }
        long keepFirst = first;
        long keepLast = last;
        if (spec.partialPeriods() == PartialPeriods.DROP) {
            if (firstPartial) {
                keepFirst++;
            }
            if (lastPartial && last >= keepFirst) {
                keepLast--;
            }
        }
        long n = Math.max(0, keepLast - keepFirst + 1);
        Checks.requireArgument(n <= maxPeriods, "range holds %d periods, more than maxPeriods %d", n, maxPeriods);
        int len = (int) n;
        long aggregated = 0;
        long dropped = 0;
        if (perPeriod != null) {
            for (int i = 0; i < perPeriod.length; i++) {
                long p = perPeriodOrigin + i;
                if (p >= keepFirst && p <= keepLast) {
                    aggregated += perPeriod[i];
                } else {
                    dropped += perPeriod[i];
                }
            }
        }
        LocalDateTime start = clock.start(keepFirst);
        long undefined = 0;
        LinkedHashMap<String, TimeSeries> out = new LinkedHashMap<>();
        int[] order = keyOrder();
        if (keyKind == GroupKey.Kind.ALL && keys == 0) {
            // no matching event but an explicit range: one all-zero (or undefined) series
            newSlot();
            order = new int[] {0};
        }
        for (int k : order) {
            double[] v = new double[len];
            for (int i = 0; i < len; i++) {
                long p = keepFirst + i;
                v[i] = value(k, p);
                if (Double.isNaN(v[i])) {
                    undefined++;
                }
            }
            out.put(keyName(k), TimeSeries.builder(v).start(start).frequency(spec.frequency()).build());
        }
        return new AggregationResult(Panel.of(out), spec, start, len, firstPartial, lastPartial, seen, aggregated,
                outOfRange + dropped, withoutValue, undefined);
    }

    private double value(int k, long p) {
        if (preAggregated) {
            if (measure == Measure.Kind.CONVERSION_RATE) {
                double views = at(sumB[k], originB[k], p);
                return views == 0 ? Double.NaN : at(sumA[k], originA[k], p) / views;
            }
            return at(sumA[k], originA[k], p);
        }
        switch (measure) {
            case COUNT:
            case REVENUE:
            case QUANTITY:
                return at(sumA[k], originA[k], p);
            case CONVERSION_RATE: {
                double views = at(sumB[k], originB[k], p);
                return views == 0 ? Double.NaN : at(sumA[k], originA[k], p) / views;
            }
            case DISTINCT_USERS: {
                Object c = cellAt(setA[k], originSetA[k], p);
                return c == null ? 0 : ((LongHashSet) c).size();
            }
            case APPROX_DISTINCT_USERS: {
                Object c = cellAt(setA[k], originSetA[k], p);
                return c == null ? 0 : ((HyperLogLog) c).estimate();
            }
            case CART_ABANDONMENT: {
                LongHashSet carted = (LongHashSet) cellAt(setA[k], originSetA[k], p);
                if (carted == null || carted.size() == 0) {
                    return Double.NaN;
                }
                LongHashSet bought = (LongHashSet) cellAt(setB[k], originSetB[k], p);
                long[] abandoned = {0};
                carted.forEach(pair -> {
                    if (bought == null || !bought.contains(pair)) {
                        abandoned[0]++;
                    }
                });
                return abandoned[0] / (double) carted.size();
            }
            default:
                throw new IllegalStateException("unhandled measure " + measure);
        }
    }

    private static double at(double[] a, long origin, long p) {
        if (a == null) {
            return 0;
        }
        long i = p - origin;
        return i >= 0 && i < a.length ? a[(int) i] : 0;
    }

    private static Object cellAt(Object[] a, long origin, long p) {
        if (a == null) {
            return null;
        }
        long i = p - origin;
        return i >= 0 && i < a.length ? a[(int) i] : null;
    }

    private int[] keyOrder() {
        Integer[] idx = new Integer[keys];
        for (int i = 0; i < keys; i++) {
            idx[i] = i;
        }
        if (keyKind == GroupKey.Kind.CATEGORY || keyKind == GroupKey.Kind.ITEM) {
            Arrays.sort(idx, (a, b) -> compareIds(idSlots.keyAt(a), idSlots.keyAt(b)));
        } else if (keyKind == GroupKey.Kind.CHANNEL || keyKind == GroupKey.Kind.SEGMENT) {
            Arrays.sort(idx, (a, b) -> names.get(a).compareTo(names.get(b)));
        }
        int[] out = new int[keys];
        for (int i = 0; i < keys; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** Non-negative ids ascending, then text ids (-1, -2, … in order of appearance), then NO_ID. */
    private static int compareIds(long a, long b) {
        return Long.compare(rank(a), rank(b));
    }

    private static long rank(long id) {
        if (id == BehaviorEvent.NO_ID) {
            return Long.MAX_VALUE;
        }
        return id >= 0 ? id - Long.MAX_VALUE : -id;
    }

    private String keyName(int k) {
        switch (keyKind) {
            case ALL:
                return "all";
            case CATEGORY:
            case ITEM: {
                long id = idSlots.keyAt(k);
                return id == BehaviorEvent.NO_ID ? UNKNOWN : spec.keyNames().apply(id);
            }
            default:
                return names.get(k);
        }
    }
}
