package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.EventHandler;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves committed events into their recipients' replay logs: the Kafka consumer of the messaging events (every
 * replica runs one in the same group). Any event whose payload is {@code {"recipients": [user ids], "data":
 * {...}}} is delivered, as {@code {"type": <event type>, "data": <data>}}; this class knows nothing else of it.
 *
 * <p>The kernel's consumer runs it at least once per event and commits offsets after it; a retry after a crash
 * appends nothing twice (the log deduplicates by event id). The append also wakes the replicas, after the log has
 * the event, so a wake-up never announces what is not there yet.
 */
public final class FanOut implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final ReplayLog log;
    private final RealtimeMetrics metrics;

    public FanOut(ReplayLog log, RealtimeMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void handle(Handle handle, EventEnvelope event) {
        Optional<Addressed> addressed = Addressed.of(event);
        if (addressed.isEmpty()) {
            LOG.debug("Event {} ({}) is not addressed to sockets", event.eventId(), event.type());
            return;
        }
        Set<UUID> recipients = addressed.get().recipients();
        log.append(recipients, event.eventId(), event.type(), addressed.get().data().toString());
        metrics.fanOutLag.update(Duration.between(event.occurredAt(), Instant.now()));
    }

    /** The contract's shape; recipients that are not user ids are skipped (and said so), not retried forever. */
    record Addressed(Set<UUID> recipients, JsonNode data) {

        static Optional<Addressed> of(EventEnvelope event) {
            JsonNode payload = event.payload();
            if (payload == null || !payload.path("recipients").isArray() || !payload.path("data").isObject()) {
                return Optional.empty();
            }
            Set<UUID> recipients = new LinkedHashSet<>();
            for (JsonNode recipient : payload.get("recipients")) {
                Optional<UUID> id = Ids.parse(recipient.asText(null));
                if (id.isPresent()) {
                    recipients.add(id.get());
                } else {
                    LOG.warn("Event {} ({}) names a recipient that is not a user id: {}", event.eventId(),
                            event.type(), recipient);
                }
            }
            return Optional.of(new Addressed(recipients, payload.get("data")));
        }
    }
}
