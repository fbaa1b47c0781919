package io.nova.kernel.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;

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

    /** Returns the new event's id. Call inside the transaction that makes the change. */
    public UUID append(Handle handle, String topic, String type, String aggregateId, Object payload) {
        UUID eventId = UUID.randomUUID();
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + type + " is not serializable", e);
        }
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
}
