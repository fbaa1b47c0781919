package io.nova.user.core.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.IdempotentEventHandler;
import io.nova.user.db.DiscoveryStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Discovery's consumer of content-service's events: posts (visibility, hashtags, deletion) and the likes and
 * comments trending is made of. Each poll of a partition is applied in one transaction; every write is idempotent
 * by the event's id or by the natural key of what it describes ({@link DiscoveryStore}), so a redelivered or replayed
 * event changes nothing and the kernel needs to record nothing. Likes and comments of a post's own author do not
 * count. Times are the events' {@code occurred_at}, never the time of processing: a replay computes the same scores.
 */
public final class DiscoveryConsumer implements IdempotentEventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryConsumer.class);

    private final Jdbi jdbi;
    private final DiscoveryStore store;

    public DiscoveryConsumer(Jdbi jdbi, DiscoveryStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    @Override
    public void handle(List<EventEnvelope> events) {
        jdbi.useTransaction(handle -> {
            for (EventEnvelope event : events) {
                apply(handle, event);
            }
        });
    }

    private void apply(Handle handle, EventEnvelope event) {
        JsonNode payload = event.payload();
        Optional<UUID> post = id(payload, "post_id");
        if (post.isEmpty()) {
            return;
        }
        Instant at = event.occurredAt();
        switch (event.type()) {
            case EventTypes.POST_CREATED -> id(payload, "author_id").ifPresent(author -> {
                if (store.addPost(handle, post.get(), author, payload.path("visibility").asText("public"), at)) {
                    store.replaceTags(handle, post.get(), tags(payload));
                }
            });
            case EventTypes.POST_UPDATED -> {
                if (store.updatePost(handle, post.get(), payload.path("visibility").asText("public"), at)) {
                    store.replaceTags(handle, post.get(), tags(payload));
                }
            }
            case EventTypes.POST_DELETED -> id(payload, "author_id")
                    .ifPresent(author -> store.deletePost(handle, post.get(), author, at));
            case EventTypes.POST_LIKED -> byOther(payload, "user_id", "author_id").ifPresent(user ->
                    store.addEngagement(handle, event.eventId(), post.get(), TrendingRules.Kind.LIKE.column(), user,
                            at));
            case EventTypes.POST_UNLIKED -> id(payload, "user_id").ifPresent(user ->
                    store.removeEngagement(handle, post.get(), TrendingRules.Kind.LIKE.column(), user, at));
            case EventTypes.COMMENT_CREATED -> byOther(payload, "author_id", "post_author_id")
                    .flatMap(author -> id(payload, "comment_id"))
                    .ifPresent(comment -> store.addEngagement(handle, event.eventId(), post.get(),
                            TrendingRules.Kind.COMMENT.column(), comment, at));
            case EventTypes.COMMENT_DELETED -> id(payload, "comment_id").ifPresent(comment ->
                    store.removeEngagement(handle, post.get(), TrendingRules.Kind.COMMENT.column(), comment, at));
            default -> {
                // mention and whatever content-service adds later: not discovery's business.
            }
        }
    }

    /** The actor in {@code actorField}, unless it is the post's author (whose own likes and comments don't count). */
    private static Optional<UUID> byOther(JsonNode payload, String actorField, String authorField) {
        Optional<UUID> actor = id(payload, actorField);
        return actor.filter(a -> !a.equals(id(payload, authorField).orElse(null)));
    }

    private static Optional<UUID> id(JsonNode payload, String field) {
        Optional<UUID> id = Ids.parse(payload.path(field).asText(null));
        if (id.isEmpty() && payload.has(field)) {
            LOG.warn("Ignoring an event whose {} is not an id", field);
        }
        return id;
    }

    private static List<String> tags(JsonNode payload) {
        List<String> tags = new ArrayList<>();
        payload.path("hashtags").forEach(tag -> {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(tag.asText());
            }
        });
        return tags;
    }
}
