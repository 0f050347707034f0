package org.forecast4j.core;

import java.util.Locale;

/**
 * Precondition helpers shared by every forecast4j module. Each check throws a JDK exception whose message
 * names the argument, states the rule and gives the actual value, e.g. {@code "horizon must be > 0, got 0"}.
 *
 * @since 0.1.0
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Throws {@link IllegalArgumentException} when {@code condition} is false.
     *
     * @param condition the rule that must hold
     * @param template  message, a {@link String#format} template (formatted with {@link Locale#ROOT})
     * @param args      template arguments
     * @throws IllegalArgumentException if {@code condition} is false
     */
    public static void requireArgument(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, template, args));
        }
    }

    /**
     * Throws {@link IllegalStateException} when {@code condition} is false.
     *
     * @param condition the rule that must hold
     * @param template  message template
     * @param args      template arguments
     * @throws IllegalStateException if {@code condition} is false
     */
    public static void requireState(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(Locale.ROOT, template, args));
        }
    }

    /**
     * Requires every element to be finite (neither NaN nor infinite).
     *
     * @param values array to check. Not modified.
     * @param name   argument name for the message
     * @return {@code values}
     * @throws IllegalArgumentException naming the first bad index and value
     */
    public static double[] requireFinite(double[] values, String name) {
        java.util.Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s[%d] must be finite, got %s", name, i, values[i]));
            }
        }
        return values;
    }

    /**
     * Requires a finite scalar.
     *
     * @param value the value
     * @param name  argument name
     * @return {@code value}
     * @throws IllegalArgumentException if NaN or infinite
     */
    public static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be finite, got %s", name, value));
        }
        return value;
    }

    /**
     * Requires {@code value > 0}.
     *
     * @param value the value
     * @param name  argument name
     * @return {@code value}
     * @throws IllegalArgumentException otherwise
     */
    public static int requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be > 0, got %d", name, value));
        }
        return value;
    }

    /**
     * Requires {@code value >= 0}.
     *
     * @param value the value
     * @param name  argument name
     * @return {@code value}
     * @throws IllegalArgumentException otherwise
     */
    public static int requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be >= 0, got %d", name, value));
        }
        return value;
    }
}
