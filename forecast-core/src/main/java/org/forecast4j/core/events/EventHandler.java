package org.forecast4j.core.events;

/**
 * Receives events one at a time from an {@link EventSource} or the simulator. The event object is reused for
 * the next row: a handler that keeps it must {@link BehaviorEvent#copy() copy} it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Called once per event, in source order.
     *
     * @param event the current event; reused after the call returns. Not modified by well-behaved handlers.
     */
    void onEvent(BehaviorEvent event);

    /**
     * A handler that passes each event to this handler, then to {@code next}.
     *
     * @param next the second handler
     * @return the combined handler
     */
    default EventHandler andThen(EventHandler next) {
        java.util.Objects.requireNonNull(next, "next");
        return e -> {
            onEvent(e);
            next.onEvent(e);
        };
    }
}
