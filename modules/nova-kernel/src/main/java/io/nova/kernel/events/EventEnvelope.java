package io.nova.kernel.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on Kafka: a unique event id (consumers deduplicate by it), the type, when it happened, the
 * aggregate it is about (also the record key) and the type-specific payload.
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, String aggregateId, JsonNode payload) {
}
