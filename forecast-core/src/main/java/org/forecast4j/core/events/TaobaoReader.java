package org.forecast4j.core.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.forecast4j.core.io.Inputs;

/**
 * Streaming reader of the Taobao / Tianchi "UserBehavior" layout: no header, one event per line,
 * {@code user_id,item_id,category_id,behavior_type,timestamp} with behaviour type {@code pv|fav|cart|buy} and
 * the timestamp in Unix seconds, e.g. {@code 1,2268318,2520377,pv,1511544070}. Gzip-compressed files are
 * recognised by their magic bytes. Lines may end in LF or CRLF; blank lines are ignored.
 *
 * <p>The parser works on raw bytes with one 64 KiB buffer and one reused {@link BehaviorEvent}: memory is
 * constant in the file size and nothing is allocated per row, so parsing runs at several million rows per
 * second (see docs/benchmarks.md). A bad row (wrong field count, non-integer field, unknown type) is skipped and
 * counted or fails the read, by {@link BadRowPolicy}; messages name file, line and column.
 *
 * <pre>{@code
 * Aggregator agg = Aggregator.of(spec);
 * ReadReport r = TaobaoReader.of(Path.of("UserBehavior.csv")).read(agg);
 * }</pre>
 *
 * <p>Immutable; each {@link #read} opens the file again.
 *
 * @since 0.1.0
 */
public final class TaobaoReader implements EventSource {

    private static final int BUFFER = 1 << 16;
    private static final int FIELDS = 5;
    private static final String[] COLUMN_NAMES = {"user_id", "item_id", "category_id", "behavior_type", "timestamp"};

    private final Path file;
    private final BadRowPolicy policy;

    private TaobaoReader(Path file, BadRowPolicy policy) {
        this.file = file;
        this.policy = policy;
    }

    /**
     * A reader of {@code file} that fails on the first bad row.
     *
     * @param file a Taobao-layout CSV, optionally gzip-compressed
     * @return the reader
     */
    public static TaobaoReader of(Path file) {
        return new TaobaoReader(Objects.requireNonNull(file, "file"), BadRowPolicy.FAIL);
    }

    /**
     * Returns a reader with another bad-row policy.
     *
     * @param newPolicy SKIP or FAIL
     * @return the reader
     */
    public TaobaoReader withPolicy(BadRowPolicy newPolicy) {
        return new TaobaoReader(file, Objects.requireNonNull(newPolicy, "policy"));
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public ReadReport read(EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        try (InputStream in = Inputs.open(file)) {
            return read(in, file.getFileName().toString(), policy, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads Taobao-layout rows from a stream (not closed).
     *
     * @param in      the bytes (UTF-8 / ASCII), uncompressed
     * @param name    source name for messages
     * @param policy  bad-row policy
     * @param handler receives each event
     * @return the report
     * @throws IOException if the stream fails
     * @throws EventParseException under FAIL at the first bad row
     */
    public static ReadReport read(InputStream in, String name, BadRowPolicy policy, EventHandler handler)
            throws IOException {
        BadRows bad = new BadRows(name, policy);
        BehaviorEvent ev = new BehaviorEvent();
        long[] num = new long[FIELDS];
        byte[] buf = new byte[BUFFER];
        int len = 0;
        long line = 0;
        long rows = 0;
        long events = 0;
        boolean eof = false;
        int pos = 0;
        while (true) {
            // find the next newline in buf[pos, len)
            int nl = -1;
            for (int i = pos; i < len; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                if (eof) {
                    if (pos < len) {
                        line++;
                        int end = len;
                        if (end > pos && buf[end - 1] == '\r') {
                            end--;
                        }
                        if (end > pos) {
                            rows++;
                            if (parseLine(buf, pos, end, num, ev, bad, line)) {
                                handler.onEvent(ev);
                                events++;
                            }
                        }
                    }
                    return bad.report(rows, events);
                }
                // shift the partial line to the front and refill
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, len - pos);
                    len -= pos;
                    pos = 0;
                }
                if (len == buf.length) {
                    // a line longer than the buffer: grow (rare; only malformed input gets here)
                    byte[] bigger = new byte[buf.length * 2];
                    System.arraycopy(buf, 0, bigger, 0, len);
                    buf = bigger;
                }
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) {
                    eof = true;
                } else {
                    len += r;
                }
                continue;
            }
            line++;
            int end = nl;
            if (end > pos && buf[end - 1] == '\r') {
                end--;
            }
            if (end > pos) {
                rows++;
                if (parseLine(buf, pos, end, num, ev, bad, line)) {
                    handler.onEvent(ev);
                    events++;
                }
            }
            pos = nl + 1;
        }
    }

    /** Parses buf[from, to) into ev; false (after reporting) for a bad row. */
    private static boolean parseLine(byte[] buf, int from, int to, long[] num, BehaviorEvent ev, BadRows bad,
                                     long line) {
        int field = 0;
        int start = from;
        BehaviorType type = null;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == ',') {
                if (field >= FIELDS) {
                    bad.report(line, "expected 5 fields, got more");
                    return false;
                }
                if (field == 3) {
                    type = typeOf(buf, start, i);
                    if (type == null) {
                        bad.report(line, "column 4 (behavior_type): expected pv, fav, cart or buy, got '"
                                + text(buf, start, i) + "'");
                        return false;
                    }
                } else {
                    long v = parseLong(buf, start, i);
                    if (v == Long.MIN_VALUE) {
                        bad.report(line, "column " + (field + 1) + " (" + COLUMN_NAMES[field]
                                + "): expected an integer, got '" + text(buf, start, i) + "'");
                        return false;
                    }
                    num[field] = v;
                }
                field++;
                start = i + 1;
            }
        }
        if (field != FIELDS) {
            bad.report(line, "expected 5 fields, got " + field);
            return false;
        }
        ev.set(num[0], num[1], num[2], type, num[4]);
        return true;
    }

    /** Parses an optionally signed decimal integer of at most 18 digits; Long.MIN_VALUE if malformed. */
    private static long parseLong(byte[] b, int from, int to) {
        boolean neg = false;
        int i = from;
        if (i < to && b[i] == '-') {
            neg = true;
            i++;
        }
        int digits = to - i;
        if (digits <= 0 || digits > 18) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    private static BehaviorType typeOf(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 2 && b[from] == 'p' && b[from + 1] == 'v') {
            return BehaviorType.PV;
        }
        if (n == 3) {
            if (b[from] == 'b' && b[from + 1] == 'u' && b[from + 2] == 'y') {
                return BehaviorType.BUY;
            }
            if (b[from] == 'f' && b[from + 1] == 'a' && b[from + 2] == 'v') {
                return BehaviorType.FAV;
            }
        }
        if (n == 4 && b[from] == 'c' && b[from + 1] == 'a' && b[from + 2] == 'r' && b[from + 3] == 't') {
            return BehaviorType.CART;
        }
        return null;
    }

    private static String text(byte[] b, int from, int to) {
        int n = Math.min(to - from, 40);
        return new String(b, from, n, StandardCharsets.UTF_8) + (to - from > n ? "…" : "");
    }
}
