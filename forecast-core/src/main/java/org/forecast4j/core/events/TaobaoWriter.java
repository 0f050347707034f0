package org.forecast4j.core.events;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes events in the Taobao "UserBehavior" layout ({@code user,item,category,type,epochSeconds}, no header),
 * the format {@link TaobaoReader} reads. An {@link EventHandler}, so a simulator or reader can stream straight
 * into it; formats numbers into one reused byte buffer (no per-event allocation). Only the five Taobao fields are
 * written, and a type other than pv/fav/cart/buy is written by its name (readable back only by the generic CSV
 * reader). Absent ids ({@link BehaviorEvent#NO_ID}) are written as empty fields.
 *
 * <p>Not thread-safe. Close it to flush.
 *
 * @since 0.1.0
 */
public final class TaobaoWriter implements EventHandler, Closeable {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_LINE = 128;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int len;
    private long written;

    /**
     * A writer to a stream (closed by {@link #close()}).
     *
     * @param out destination
     */
    public TaobaoWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * A writer to a file, gzip-compressed when the name ends in {@code .gz}.
     *
     * @param file destination, replaced if it exists
     * @return the writer
     * @throws UncheckedIOException if the file cannot be created
     */
    public static TaobaoWriter to(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
            if (file.getFileName().toString().endsWith(".gz")) {
                o = new GZIPOutputStream(o, BUFFER);
            }
            return new TaobaoWriter(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEvent(BehaviorEvent e) {
        String typeName = e.type().name();
        if (len + MAX_LINE + typeName.length() > buf.length) {
            flushBuffer();
        }
        putId(e.userId());
        buf[len++] = ',';
        putId(e.itemId());
        buf[len++] = ',';
        putId(e.categoryId());
        buf[len++] = ',';
        for (int i = 0; i < typeName.length(); i++) {
            buf[len++] = (byte) typeName.charAt(i);
        }
        buf[len++] = ',';
        putLong(e.epochSecond());
        buf[len++] = '\n';
        written++;
    }

    /**
     * Number of events written so far.
     *
     * @return count
     */
    public long written() {
        return written;
    }

    private void putId(long v) {
        if (v != BehaviorEvent.NO_ID) {
            putLong(v);
        }
    }

    private void putLong(long v) {
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        // reverse the digits in place
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void flushBuffer() {
        try {
            out.write(buf, 0, len);
            len = 0;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write events: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        flushBuffer();
        try {
            out.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot close events output: " + ex.getMessage(), ex);
        }
    }
}
