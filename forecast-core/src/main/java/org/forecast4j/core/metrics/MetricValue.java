package org.forecast4j.core.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The value of one accuracy {@link Metric}, or the reason it is undefined (for example
 * {@code "MAPE undefined: zero actual at step 3"}). Undefined values are never represented by NaN: callers ask
 * {@link #isDefined()} or use {@link #asOptional()} / {@link #orElse(double)}, and {@link #value()} throws with
 * the reason.
 *
 * <p>Immutable value class.
 *
 * @since 0.1.0
 */
public final class MetricValue {

    private final Metric metric;
    private final double value;
    private final String reason;

    private MetricValue(Metric metric, double value, String reason) {
        this.metric = metric;
        this.value = value;
        this.reason = reason;
    }

    /**
     * A defined value.
     *
     * @param metric the metric
     * @param value  its value, finite
     * @return the value
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static MetricValue of(Metric metric, double value) {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric.label() + " value must be finite, got " + value);
        }
        return new MetricValue(metric, value, null);
    }

    /**
     * A computed value: defined when finite, otherwise undefined because the computation overflowed (values
     * near {@code Double.MAX_VALUE}, or a scale near zero).
     *
     * @param metric the metric
     * @param value  the computed value
     * @return the value
     */
    static MetricValue computed(Metric metric, double value) {
        return Double.isFinite(value) ? new MetricValue(metric, value, null)
                : undefined(metric, "not representable as a finite double (overflow), got " + value);
    }

    /**
     * An undefined value with the reason.
     *
     * @param metric the metric
     * @param reason why it cannot be computed, e.g. {@code "zero actual at step 3"}
     * @return the undefined value
     */
    public static MetricValue undefined(Metric metric, String reason) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(reason, "reason");
        return new MetricValue(metric, Double.NaN, reason);
    }

    /**
     * The metric this value belongs to.
     *
     * @return the metric
     */
    public Metric metric() {
        return metric;
    }

    /**
     * Whether the metric could be computed.
     *
     * @return true if {@link #value()} returns a finite number
     */
    public boolean isDefined() {
        return reason == null;
    }

    /**
     * The value.
     *
     * @return the finite value
     * @throws IllegalStateException if undefined; the message gives the reason
     */
    public double value() {
        if (reason != null) {
            throw new IllegalStateException(metric.label() + " undefined: " + reason);
        }
        return value;
    }

    /**
     * The value, or {@code fallback} if undefined.
     *
     * @param fallback value to return when undefined
     * @return the value or the fallback
     */
    public double orElse(double fallback) {
        return reason == null ? value : fallback;
    }

    /**
     * The value as an optional (empty when undefined).
     *
     * @return the optional value
     */
    public OptionalDouble asOptional() {
        return reason == null ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /**
     * Why the metric is undefined.
     *
     * @return the reason, empty when defined
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricValue)) {
            return false;
        }
        MetricValue m = (MetricValue) o;
        return metric == m.metric && Double.compare(value, m.value) == 0 && Objects.equals(reason, m.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, value, reason);
    }

    /**
     * The value in Java's shortest decimal form, or {@code "undefined (reason)"}.
     *
     * @return text
     */
    @Override
    public String toString() {
        return reason == null ? Double.toString(value) : "undefined (" + reason + ")";
    }
}
