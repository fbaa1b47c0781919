package io.nova.kernel.events;

import com.codahale.metrics.Meter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers a partition's polled events to an {@link EventHandler}, each in the transaction that records it as
 * processed: a duplicate is skipped, a failure stops the partition at that event. Up to the handler's
 * {@link EventHandler#batchSize()} events share one transaction; a batch that fails is rolled back as a whole and
 * done again one event at a time, so what commits is always exactly the events before the failing one. Events the
 * handler does not {@link EventHandler#wants want} are passed over without a transaction.
 */
final class RecordedDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedDelivery.class);

    private final String consumer;
    private final Jdbi jdbi;
    private final EventHandler handler;
    private final Meter handled;
    private final Meter duplicates;

    RecordedDelivery(String consumer, Jdbi jdbi, EventHandler handler, Meter handled, Meter duplicates) {
        this.consumer = consumer;
        this.jdbi = jdbi;
        this.handler = handler;
        this.handled = handled;
        this.duplicates = duplicates;
    }

    /**
     * Handles {@code events} in order; returns how many of the first are done. {@code failed} hears of the event
     * that stopped it.
     */
    int deliver(List<EventEnvelope> events, Failures failed) {
        int size = Math.max(1, handler.batchSize());
        int done = 0;
        while (done < events.size()) {
            // The next batch: up to size wanted events, with the unwanted ones among them passed over.
            int end = done;
            List<EventEnvelope> batch = new ArrayList<>(Math.min(size, events.size() - done));
            while (end < events.size() && batch.size() < size) {
                EventEnvelope event = events.get(end++);
                if (handler.wants(event)) {
                    batch.add(event);
                }
            }
            if (batch.size() > 1 && together(batch)) {
                done = end;
                continue;
            }
            for (; done < end; done++) {
                EventEnvelope event = events.get(done);
                try {
                    if (handler.wants(event)) {
                        alone(event);
                    }
                } catch (Exception e) {
                    failed.failed(event, e);
                    return done;
                }
            }
        }
        return done;
    }

    /** The batch in one transaction; false (and nothing committed) when any of it failed. */
    private boolean together(List<EventEnvelope> batch) {
        EventHandler batchHandler = prepared(batch);
        try {
            int firstTime = jdbi.inTransaction(handle -> {
                Set<UUID> fresh = mark(handle, batch);
                int count = 0;
                for (EventEnvelope event : batch) {
                    // A poll can hold the same event twice (the outbox republished it): only its first copy counts.
                    if (fresh.remove(event.eventId())) {
                        batchHandler.handle(handle, event);
                        count++;
                    }
                }
                return count;
            });
            handled.mark(firstTime);
            duplicates.mark(batch.size() - firstTime);
            return true;
        } catch (Exception e) {
            LOG.info("{}: a batch of {} events failed ({}); handling them one at a time", consumer, batch.size(),
                    e.toString());
            return false;
        }
    }

    /** The handler for the batch's transaction, with what it looked up ahead; the plain one if that failed. */
    private EventHandler prepared(List<EventEnvelope> batch) {
        try {
            return handler.prepare(batch);
        } catch (RuntimeException e) {
            LOG.debug("{}: preparing a batch failed; its events will ask again", consumer, e);
            return handler;
        }
    }

    private void alone(EventEnvelope event) throws Exception {
        boolean first = jdbi.inTransaction(handle -> {
            boolean fresh = !mark(handle, List.of(event)).isEmpty();
            if (fresh) {
                handler.handle(handle, event);
            }
            return fresh;
        });
        (first ? handled : duplicates).mark();
    }

    /** Records the events as processed; the ids that were not recorded before. */
    private Set<UUID> mark(Handle handle, List<EventEnvelope> events) {
        UUID[] ids = events.stream().map(EventEnvelope::eventId).distinct().toArray(UUID[]::new);
        return new HashSet<>(handle.createQuery("""
                        INSERT INTO nova_processed_events (consumer, event_id)
                        SELECT :consumer, id FROM unnest(CAST(:ids AS uuid[])) AS id
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .bind("consumer", consumer)
                .bind("ids", ids)
                .mapTo(UUID.class).list());
    }

    /** Where the event that stopped a partition is reported. */
    interface Failures {
        void failed(EventEnvelope event, Exception e);
    }
}
