package io.nova.user.core.discovery;

import io.nova.contracts.EventTypes;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.IdempotentEventHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies content-service's like and comment events to the analytics store, a poll of a partition (up to 200
 * events) per insert. The store deduplicates by event id, so a batch retried after a failure, or the whole topic
 * replayed, counts each event once. While the store is away the consumer retries the batch and falls behind; the
 * rest of discovery does not depend on it.
 */
public final class EngagementSink implements IdempotentEventHandler {

    /** The events copied, with what each adds: +1 for a like or comment, −1 for taking it back. */
    static final Map<String, Integer> DELTAS = Map.of(
            EventTypes.POST_LIKED, 1, EventTypes.POST_UNLIKED, -1,
            EventTypes.COMMENT_CREATED, 1, EventTypes.COMMENT_DELETED, -1);

    private final EngagementAnalytics analytics;

    public EngagementSink(EngagementAnalytics analytics) {
        this.analytics = analytics;
    }

    @Override
    public void handle(List<EventEnvelope> events) throws Exception {
        List<EngagementAnalytics.Engagement> batch = rows(events);
        if (!batch.isEmpty()) {
            analytics.record(batch);
        }
    }

    /** The rows of a batch of events: those of other types are left out. */
    static List<EngagementAnalytics.Engagement> rows(List<EventEnvelope> events) {
        List<EngagementAnalytics.Engagement> rows = new ArrayList<>();
        for (EventEnvelope event : events) {
            Integer delta = DELTAS.get(event.type());
            if (delta == null) {
                continue;
            }
            boolean like = event.type().startsWith("post.");
            String actor = event.payload().path(like ? "user_id" : "author_id").asText("");
            String postAuthor = event.payload().path(like ? "author_id" : "post_author_id").asText("");
            rows.add(new EngagementAnalytics.Engagement(event.eventId().toString(), event.type(),
                    event.payload().path("post_id").asText(""), actor, postAuthor, delta, event.occurredAt()));
        }
        return rows;
    }
}
