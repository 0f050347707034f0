package org.forecast4j.core.arima.select;

import java.util.List;
import java.util.Objects;

/**
 * A chosen number of (seasonal) differences together with the tests that led to it, in the order they ran.
 * A decision that needed no test (constant series, too short for a seasonal test) has an empty step list
 * and says why in {@link #reason()}.
 *
 * @since 0.1.0
 */
public final class DifferencingDecision {

    private final int order;
    private final String test;
    private final List<DifferencingStep> steps;
    private final String reason;

    DifferencingDecision(int order, String test, List<DifferencingStep> steps, String reason) {
        this.order = order;
        this.test = Objects.requireNonNull(test, "test");
        this.steps = List.copyOf(steps);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The number of differences (d, or D for seasonal differences).
     *
     * @return order &ge; 0
     */
    public int order() {
        return order;
    }

    /**
     * Name of the test: {@code "kpss"}, {@code "seas"} or {@code "ocsb"}.
     *
     * @return the test
     */
    public String test() {
        return test;
    }

    /**
     * The tests that were run.
     *
     * @return unmodifiable list
     */
    public List<DifferencingStep> steps() {
        return steps;
    }

    /**
     * Why the search stopped, e.g. {@code "test did not ask for another difference"} or
     * {@code "series is constant"}.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "DifferencingDecision[" + test + ", order=" + order + ", " + reason + ", steps=" + steps + "]";
    }
}
