package io.nova.kernel.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.UUID;

/**
 * Records an event in the service's outbox table through the caller's handle, so it commits or rolls back with
 * the change it describes. {@link OutboxRelay} publishes it afterwards.
 */
public final class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** An event to append: its topic, type, the aggregate that keys it (and orders it), and its payload. */
    public record Event(String topic, String type, String aggregateId, Object payload) {
    }

    /** Returns the new event's id. Call inside the transaction that makes the change. */
    public UUID append(Handle handle, String topic, String type, String aggregateId, Object payload) {
        UUID eventId = UUID.randomUUID();
        String json = json(type, payload);
        handle.createUpdate("""
                        INSERT INTO nova_outbox (event_id, topic, event_type, aggregate_id, payload)
                        VALUES (:eventId, :topic, :type, :aggregateId, CAST(:payload AS jsonb))""")
                .bind("eventId", eventId)
                .bind("topic", topic)
                .bind("type", type)
                .bind("aggregateId", aggregateId)
                .bind("payload", json)
                .execute();
        return eventId;
    }

    /**
     * Appends {@code events} with one statement, in their order (the relay publishes by row id, so an aggregate's
     * events keep it). For a batch of writes in one transaction. Returns the new events' ids, in order.
     */
    public List<UUID> appendAll(Handle handle, List<Event> events) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] types = new String[n];
        String[] aggregates = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Event event = events.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = event.topic();
            types[i] = event.type();
            aggregates[i] = event.aggregateId();
            payloads[i] = json(event.type(), event.payload());
        }
        // WITH ORDINALITY and ORDER BY: the rows take their ids from the sequence in the events' order.
        handle.createUpdate("""
                        INSERT INTO nova_outbox (event_id, topic, event_type, aggregate_id, payload)
                        SELECT e.event_id, e.topic, e.event_type, e.aggregate_id, CAST(e.payload AS jsonb)
                          FROM unnest(:ids, :topics, :types, :aggregates, :payloads)
                               WITH ORDINALITY AS e(event_id, topic, event_type, aggregate_id, payload, n)
                         ORDER BY e.n""")
                .bindArray("ids", UUID.class, (Object[]) ids)
                .bindArray("topics", String.class, (Object[]) topics)
                .bindArray("types", String.class, (Object[]) types)
                .bindArray("aggregates", String.class, (Object[]) aggregates)
                .bindArray("payloads", String.class, (Object[]) payloads)
                .execute();
        return List.of(ids);
    }

    private String json(String type, Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + type + " is not serializable", e);
        }
    }
}
