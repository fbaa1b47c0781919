package io.nova.kernel.events;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * Reacts to one event. It runs inside the database transaction that also records the event as processed, so its
 * changes and the "done" mark commit together: a redelivered event is skipped, a failed one is retried.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(Handle handle, EventEnvelope event) throws Exception;

    /**
     * At most how many events of one partition's poll may share a transaction. 1, the default, gives each event
     * its own: right for slow handlers (media processing), whose failure must not make others wait or run again.
     * A handler that only writes a few rows raises it, so a burst costs one commit per batch instead of one per
     * event. A batch that fails is rolled back and its events are handled again one at a time, so the failing
     * event is still found, retried alone, and never overtaken.
     */
    default int batchSize() {
        return 1;
    }

    /**
     * Whether this handler does anything with the event. One it does not want is passed over without a
     * transaction or a processed mark: a consumer of a busy topic that reads few of its event types (or that
     * shares a topic with the events it writes itself) then pays nothing for the rest. The default takes all.
     */
    default boolean wants(EventEnvelope event) {
        return true;
    }

    /**
     * Called with a batch before its transaction begins, outside it: the handler starts the remote lookups the
     * events will need (all at once), so a batch waits for one round of calls instead of one call per event, and no
     * database connection is held while they travel. It returns the handler for this batch's transaction — one
     * that carries the answers found here (the default: this handler, unchanged). Best effort: an event handled
     * alone (a batch of one, or a failed batch redone) is given to this handler without a look-ahead, and a failure
     * here only costs the lookups being asked again.
     */
    default EventHandler prepare(List<EventEnvelope> events) {
        return this;
    }
}
