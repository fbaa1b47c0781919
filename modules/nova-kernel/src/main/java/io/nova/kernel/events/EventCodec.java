package io.nova.kernel.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** The JSON form of an {@link EventEnvelope} on the wire: one object, snake_case keys. */
public final class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] encode(EventEnvelope event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("event_id", event.eventId().toString());
        node.put("type", event.type());
        node.put("occurred_at", event.occurredAt().toString());
        node.put("aggregate_id", event.aggregateId());
        node.set("payload", event.payload());
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload stored as JSON text (the outbox keeps it as jsonb). */
    JsonNode payload(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("outbox payload is not JSON", e);
        }
    }

    /** Throws {@link IllegalArgumentException} for a record that is not an envelope. */
    public EventEnvelope decode(byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            return new EventEnvelope(
                    UUID.fromString(node.get("event_id").asText()),
                    node.get("type").asText(),
                    Instant.parse(node.get("occurred_at").asText()),
                    node.get("aggregate_id").asText(),
                    node.get("payload"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a Nova event envelope", e);
        }
    }
}
