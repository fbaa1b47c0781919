package io.nova.kernel.events;

import org.jdbi.v3.core.Handle;

/**
 * Reacts to one event. It runs inside the database transaction that also records the event as processed, so its
 * changes and the "done" mark commit together: a redelivered event is skipped, a failed one is retried.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(Handle handle, EventEnvelope event) throws Exception;
}
