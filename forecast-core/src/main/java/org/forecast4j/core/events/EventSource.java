package org.forecast4j.core.events;

/**
 * A stream of behaviour events that can be read (once or many times, depending on the source) into a handler.
 * Readers hold constant memory in the size of the input: one reused {@link BehaviorEvent} and a read buffer.
 *
 * @since 0.1.0
 */
public interface EventSource {

    /**
     * Reads every event into {@code handler}.
     *
     * @param handler receives each event. Not kept after the call.
     * @return counts of rows, events and bad rows
     * @throws EventParseException under {@link BadRowPolicy#FAIL} at the first bad row
     * @throws java.io.UncheckedIOException if the input cannot be read
     */
    ReadReport read(EventHandler handler);

    /**
     * A description for messages (file name, query).
     *
     * @return description
     */
    String description();
}
