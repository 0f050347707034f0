package org.forecast4j.core.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps identifiers to {@code long}s for {@link BehaviorEvent}. A text that is a plain integer ({@code "17850"},
 * also {@code "17850.0"} as spreadsheets write it) maps to that number; any other text ({@code "85123A"},
 * {@code "POST"}) gets a negative id -1, -2, … in order of first appearance, which {@link #name(long)} maps
 * back. Numeric ids are expected to be non-negative, so the two ranges never collide.
 *
 * <p>Memory grows with the number of distinct <em>non-numeric</em> identifiers, not with the number of rows.
 * Not thread-safe.
 *
 * @since 0.1.0
 */
public final class IdDictionary {

    private final Map<String, Long> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** An empty dictionary. */
    public IdDictionary() {
        // empty
    }

    /**
     * The id of a text identifier.
     *
     * @param text identifier text, trimmed by the caller; empty means absent
     * @return the number it spells, a negative dictionary id, or {@link BehaviorEvent#NO_ID} for empty text
     */
    public long idOf(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return BehaviorEvent.NO_ID;
        }
        long v = parseWholeNumber(text);
        if (v >= 0) {
            return v;
        }
        Long id = ids.get(text);
        if (id == null) {
            names.add(text);
            id = (long) -names.size();
            ids.put(text, id);
        }
        return id;
    }

    /**
     * The text of an id: the dictionary entry for a negative id, the decimal number otherwise.
     *
     * @param id an id from {@link #idOf(String)}
     * @return its text; {@code ""} for {@link BehaviorEvent#NO_ID}
     * @throws IllegalArgumentException for a negative id this dictionary did not issue
     */
    public String name(long id) {
        if (id == BehaviorEvent.NO_ID) {
            return "";
        }
        if (id >= 0) {
            return Long.toString(id);
        }
        int i = (int) (-id - 1);
        if (id < -Integer.MAX_VALUE || i >= names.size()) {
            throw new IllegalArgumentException("id " + id + " was not issued by this dictionary");
        }
        return names.get(i);
    }

    /**
     * Number of non-numeric identifiers seen.
     *
     * @return dictionary size
     */
    public int size() {
        return names.size();
    }

    /** Parses "123" or "123.0" (only zero decimals) to a non-negative long; -1 if the text is anything else. */
    static long parseWholeNumber(String s) {
        int n = s.length();
        int end = n;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            for (int i = dot + 1; i < n; i++) {
                if (s.charAt(i) != '0') {
                    return -1;
                }
            }
            end = dot;
        }
        if (end == 0 || end > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
