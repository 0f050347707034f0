package org.forecast4j.core.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.forecast4j.core.Checks;

/**
 * The kind of a behaviour event. The four Taobao kinds are built in ({@link #PV} page view, {@link #FAV}
 * favourite, {@link #CART} add-to-cart, {@link #BUY} purchase); further kinds ("share", "return", …) are made
 * with {@link #of(String)}, which interns by lower-case name so that equal names give the same instance.
 *
 * <p>Each type has a small dense {@link #code()} (0–3 for the built-ins, 4, 5, … for custom types in order of
 * first use) so that hot loops can compare and index by {@code int}. Codes of custom types are process-wide and
 * depend on the order in which names are first seen; persist names, never codes.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class BehaviorType {

    /** Largest number of distinct types (built-in plus custom) one process may create. */
    public static final int MAX_TYPES = 1024;

    private static final ConcurrentHashMap<String, BehaviorType> BY_NAME = new ConcurrentHashMap<>();
    private static final List<BehaviorType> BY_CODE = new ArrayList<>();

    /** Page view (Taobao {@code pv}). */
    public static final BehaviorType PV = register("pv");
    /** Added to favourites (Taobao {@code fav}). */
    public static final BehaviorType FAV = register("fav");
    /** Added to cart (Taobao {@code cart}). */
    public static final BehaviorType CART = register("cart");
    /** Purchase (Taobao {@code buy}). */
    public static final BehaviorType BUY = register("buy");

    private final String name;
    private final int code;

    private BehaviorType(String name, int code) {
        this.name = name;
        this.code = code;
    }

    private static synchronized BehaviorType register(String lower) {
        BehaviorType t = BY_NAME.get(lower);
        if (t != null) {
            return t;
        }
        Checks.requireState(BY_CODE.size() < MAX_TYPES, "at most %d behaviour types, cannot add '%s'", MAX_TYPES,
                lower);
        t = new BehaviorType(lower, BY_CODE.size());
        BY_CODE.add(t);
        BY_NAME.put(lower, t);
        return t;
    }

    /**
     * The type with this name (case-insensitive), creating a custom type on first use. The names {@code pv},
     * {@code fav}, {@code cart} and {@code buy} give the built-ins.
     *
     * @param name non-blank name of letters, digits, '_' or '-'
     * @return the interned type
     * @throws IllegalArgumentException if the name is blank or has other characters
     */
    public static BehaviorType of(String name) {
        Objects.requireNonNull(name, "name");
        String lower = name.trim().toLowerCase(Locale.ROOT);
        BehaviorType t = BY_NAME.get(lower);
        if (t != null) {
            return t;
        }
        Checks.requireArgument(!lower.isEmpty() && lower.matches("[a-z0-9_\\-]+"),
                "behaviour type name must be non-blank letters, digits, '_' or '-', got '%s'", name);
        return register(lower);
    }

    /**
     * The built-in type with this name, or {@code null} when the name is not one of pv, fav, cart, buy
     * (case-sensitive, lower case). Used by readers of the strict Taobao layout; never creates a type.
     *
     * @param lower the name
     * @return the built-in type or null
     */
    static BehaviorType builtIn(String lower) {
        BehaviorType t = BY_NAME.get(lower);
        return t != null && t.code < 4 ? t : null;
    }

    /**
     * The type with a given code.
     *
     * @param code a code returned by {@link #code()}
     * @return the type
     * @throws IllegalArgumentException if no type has this code
     */
    public static synchronized BehaviorType fromCode(int code) {
        Checks.requireArgument(code >= 0 && code < BY_CODE.size(), "behaviour type code must be in [0, %d), got %d",
                BY_CODE.size(), code);
        return BY_CODE.get(code);
    }

    /**
     * Returns the lower-case name.
     *
     * @return name, e.g. {@code "pv"}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the dense code: 0 PV, 1 FAV, 2 CART, 3 BUY, then custom types.
     *
     * @return code in [0, {@link #MAX_TYPES})
     */
    public int code() {
        return code;
    }

    /**
     * Whether this is one of the four built-in types.
     *
     * @return true for PV, FAV, CART, BUY
     */
    public boolean isBuiltIn() {
        return code < 4;
    }

    @Override
    public String toString() {
        return name;
    }
}
