package org.forecast4j.core.events;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * By what events are grouped into series: one series in all ({@link #all()}), one per category, item or
 * channel, or one per user segment given by a user → segment function. Immutable.
 *
 * @since 0.1.0
 */
public final class GroupKey {

    /** The kinds of key. */
    public enum Kind {
        /** A single series named {@code all}. */
        ALL,
        /** One series per category id. */
        CATEGORY,
        /** One series per item id. */
        ITEM,
        /** One series per channel name ({@code unknown} for events without one). */
        CHANNEL,
        /** One series per user segment. */
        SEGMENT
    }

    private final Kind kind;
    private final LongFunction<String> segmentOf;

    private GroupKey(Kind kind, LongFunction<String> segmentOf) {
        this.kind = kind;
        this.segmentOf = segmentOf;
    }

    /**
     * One series for all events, keyed {@code all}.
     *
     * @return the key
     */
    public static GroupKey all() {
        return new GroupKey(Kind.ALL, null);
    }

    /**
     * One series per category.
     *
     * @return the key
     */
    public static GroupKey category() {
        return new GroupKey(Kind.CATEGORY, null);
    }

    /**
     * One series per item.
     *
     * @return the key
     */
    public static GroupKey item() {
        return new GroupKey(Kind.ITEM, null);
    }

    /**
     * One series per channel.
     *
     * @return the key
     */
    public static GroupKey channel() {
        return new GroupKey(Kind.CHANNEL, null);
    }

    /**
     * One series per user segment. The function is called once per event; it should be fast (an array or map
     * lookup) and must return a non-empty name.
     *
     * @param segmentOf user id → segment name
     * @return the key
     */
    public static GroupKey userSegment(LongFunction<String> segmentOf) {
        return new GroupKey(Kind.SEGMENT, Objects.requireNonNull(segmentOf, "segmentOf"));
    }

    /**
     * Parses {@code all}, {@code category}, {@code item} or {@code channel} (segments need a function).
     *
     * @param text the name
     * @return the key
     * @throws IllegalArgumentException for another name
     */
    public static GroupKey parse(String text) {
        Objects.requireNonNull(text, "by");
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "all":
            case "total":
                return all();
            case "category":
                return category();
            case "item":
                return item();
            case "channel":
                return channel();
            default:
                throw new IllegalArgumentException("by must be all, category, item or channel, got '" + text + "'");
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
     * Returns the segment function.
     *
     * @return function for {@link Kind#SEGMENT}, null otherwise
     */
    public LongFunction<String> segmentOf() {
        return segmentOf;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
