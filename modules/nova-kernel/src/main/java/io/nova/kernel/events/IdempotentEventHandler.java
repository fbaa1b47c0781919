package io.nova.kernel.events;

import java.util.List;

/**
 * Reacts to the events of one poll of one partition, in order, and is safe to run again on any of them: it
 * deduplicates by event id itself (an append to a log keyed by event id), so the kernel records nothing for it and
 * opens no database transaction. A failure retries the whole list, the events it already handled included.
 */
@FunctionalInterface
public interface IdempotentEventHandler {

    void handle(List<EventEnvelope> events) throws Exception;
}
