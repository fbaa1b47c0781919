package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.IdempotentEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves committed events into their recipients' replay logs: the Kafka consumer of the messaging events (every
 * replica runs one in the same group). Any event whose payload is {@code {"recipients": [user ids], "data":
 * {...}}} is delivered, as {@code {"type": <event type>, "data": <data>}}; this class knows nothing else of it.
 *
 * <p>The kernel's consumer hands it each poll's events at once ({@link IdempotentEventHandler}: no database) and
 * commits offsets after it; a retry after a crash appends nothing twice (the log deduplicates by event id). The
 * replicas are told after the log has the events ({@link WakeMessage}), so a wake-up never announces what is not
 * there yet; a retry wakes the recipients of events already appended, in case the first announcement was lost.
 */
public final class FanOut implements IdempotentEventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final ReplayLog log;
    private final RealtimeSignals signals;
    private final RealtimeMetrics metrics;

    public FanOut(ReplayLog log, RealtimeSignals signals, RealtimeMetrics metrics) {
        this.log = log;
        this.signals = signals;
        this.metrics = metrics;
    }

    @Override
    public void handle(List<EventEnvelope> events) {
        List<ReplayLog.Entry> entries = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            Optional<Addressed> addressed = Addressed.of(event);
            if (addressed.isEmpty()) {
                LOG.debug("Event {} ({}) is not addressed to sockets", event.eventId(), event.type());
                continue;
            }
            entries.add(new ReplayLog.Entry(addressed.get().recipients(), event.eventId(), event.type(),
                    addressed.get().data().toString()));
        }
        if (entries.isEmpty()) {
            return;
        }
        signals.announce(WakeMessage.of(log.append(entries)));
        Instant now = Instant.now();
        for (EventEnvelope event : events) {
            metrics.fanOutLag.update(Duration.between(event.occurredAt(), now));
        }
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
