package io.nova.messaging.core.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.EventEnvelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the events notifications are made from (docs/api-notifications.md, "Sources") into {@link Contribution}s.
 * Pure. Any other event, or one missing an id it needs, gives nothing: an event that cannot be read now never
 * becomes readable, so it is not worth retrying.
 */
public final class NotificationSources {

    /**
     * The calls signaling's end of a call (its constant lives with the calls); {@code outcome: "missed"} makes a
     * missed-call notification for each callee.
     */
    public static final String CALL_ENDED = "call.ended";

    /** Every event type {@link #of} reads; keep it beside the switch below. */
    private static final Set<String> READ = Set.of(EventTypes.USER_FOLLOWED, EventTypes.USER_UNFOLLOWED,
            EventTypes.USER_FOLLOW_REQUESTED, EventTypes.USER_FOLLOW_REQUEST_REMOVED,
            EventTypes.POST_LIKED, EventTypes.POST_UNLIKED, EventTypes.COMMENT_CREATED, EventTypes.COMMENT_DELETED,
            EventTypes.MENTION, EventTypes.MESSAGE_CREATED, CALL_ENDED);

    private NotificationSources() {
    }

    /** Whether {@link #of} can make anything of an event of this type; for any other type it gives nothing. */
    public static boolean reads(String type) {
        return READ.contains(type);
    }

    public static List<Contribution> of(EventEnvelope event) {
        JsonNode p = event.payload();
        if (p == null || !p.isObject()) {
            return List.of();
        }
        Optional<List<Contribution>> read = switch (event.type()) {
            case EventTypes.USER_FOLLOWED -> followed(p, event);
            // One entry per requester (its subject), taken back whatever ended the request.
            case EventTypes.USER_FOLLOW_REQUESTED -> both(id(p, "target_id"), id(p, "requester_id"), (owner, actor) ->
                    Contribution.add(NotificationKind.FOLLOW_REQUEST, owner, actor, actor.toString(), Map.of(),
                            event.occurredAt()));
            case EventTypes.USER_FOLLOW_REQUEST_REMOVED -> both(id(p, "target_id"), id(p, "requester_id"),
                    (owner, actor) -> Contribution.remove(NotificationKind.FOLLOW_REQUEST, owner, actor,
                            actor.toString()));
            case EventTypes.USER_UNFOLLOWED -> both(id(p, "followee_id"), id(p, "follower_id"), (owner, actor) ->
                    Contribution.remove(NotificationKind.FOLLOW, owner, actor, ""));
            case EventTypes.POST_LIKED -> text(p, "post_id").flatMap(post -> both(id(p, "author_id"),
                    id(p, "user_id"), (owner, actor) -> Contribution.add(NotificationKind.LIKE, owner, actor, post,
                            Map.of("post_id", post), event.occurredAt())));
            case EventTypes.POST_UNLIKED -> text(p, "post_id").flatMap(post -> both(id(p, "author_id"),
                    id(p, "user_id"), (owner, actor) ->
                            Contribution.remove(NotificationKind.LIKE, owner, actor, post)));
            case EventTypes.COMMENT_CREATED -> text(p, "comment_id").flatMap(comment -> text(p, "post_id")
                    .flatMap(post -> both(id(p, "post_author_id"), id(p, "author_id"), (owner, actor) ->
                            Contribution.add(NotificationKind.COMMENT, owner, actor, comment,
                                    Map.of("post_id", post, "comment_id", comment), event.occurredAt()))));
            // The event does not name the post's author; the comment id alone finds the entry.
            case EventTypes.COMMENT_DELETED -> text(p, "comment_id").flatMap(comment -> id(p, "author_id")
                    .map(actor -> List.of(Contribution.remove(NotificationKind.COMMENT, null, actor, comment))));
            case EventTypes.MENTION -> text(p, "post_id").flatMap(post -> both(id(p, "mentioned_user_id"),
                    id(p, "author_id"), (owner, actor) -> Contribution.add(NotificationKind.MENTION, owner, actor,
                            post, Map.of("post_id", post), event.occurredAt())));
            case EventTypes.MESSAGE_CREATED -> Optional.of(message(p, event));
            case CALL_ENDED -> Optional.of(missedCall(p, event));
            default -> Optional.empty();
        };
        return read.orElse(List.of());
    }

    /**
     * A follow for the followee; when it is an approved request, also word to the follower that it was accepted (by
     * the followee, the entry's actor and subject).
     */
    private static Optional<List<Contribution>> followed(JsonNode payload, EventEnvelope event) {
        Optional<UUID> followee = id(payload, "followee_id");
        Optional<UUID> follower = id(payload, "follower_id");
        if (followee.isEmpty() || follower.isEmpty()) {
            return Optional.empty();
        }
        List<Contribution> out = new ArrayList<>();
        out.add(Contribution.add(NotificationKind.FOLLOW, followee.get(), follower.get(), "", Map.of(),
                event.occurredAt()));
        if (payload.path("approved_request").asBoolean(false)) {
            out.add(Contribution.add(NotificationKind.FOLLOW_ACCEPTED, follower.get(), followee.get(),
                    followee.get().toString(), Map.of(), event.occurredAt()));
        }
        return Optional.of(out);
    }

    /** One per recipient but the sender; whether it is stored depends on the recipient being connected. */
    private static List<Contribution> message(JsonNode payload, EventEnvelope event) {
        JsonNode data = payload.path("data");
        Optional<UUID> sender = id(data, "sender_id");
        Optional<String> message = text(data, "id");
        Optional<String> conversation = text(data, "conversation_id");
        if (sender.isEmpty() || message.isEmpty() || conversation.isEmpty()) {
            return List.of();
        }
        Map<String, String> target = Map.of("conversation_id", conversation.get(), "message_id", message.get());
        List<Contribution> out = new ArrayList<>();
        for (UUID recipient : ids(payload.path("recipients"))) {
            out.add(Contribution.add(NotificationKind.MESSAGE, recipient, sender.get(), message.get(), target,
                    event.occurredAt()));
        }
        return out;
    }

    /**
     * {@code call.ended} with {@code outcome: "missed"}: its fields are read from {@code data} when the payload is
     * addressed to sockets ({@code {"recipients", "data"}}), else from the payload itself. The call's id is
     * {@code call_id} (or {@code id}); without one, the event's id stands for it.
     */
    private static List<Contribution> missedCall(JsonNode payload, EventEnvelope event) {
        JsonNode call = payload.path("data").isObject() ? payload.path("data") : payload;
        Optional<UUID> caller = id(call, "caller_id");
        if (!"missed".equals(call.path("outcome").asText()) || caller.isEmpty()) {
            return List.of();
        }
        String callId = text(call, "call_id").or(() -> text(call, "id")).orElse(event.eventId().toString());
        Map<String, String> target = new LinkedHashMap<>();
        target.put("call_id", callId);
        text(call, "conversation_id").ifPresent(conversation -> target.put("conversation_id", conversation));
        List<Contribution> out = new ArrayList<>();
        for (UUID callee : ids(call.path("callee_ids"))) {
            out.add(Contribution.add(NotificationKind.MISSED_CALL, callee, caller.get(), callId, target,
                    event.occurredAt()));
        }
        return out;
    }

    private interface Pair {
        Contribution of(UUID owner, UUID actor);
    }

    private static Optional<List<Contribution>> both(Optional<UUID> owner, Optional<UUID> actor, Pair pair) {
        return owner.isPresent() && actor.isPresent()
                ? Optional.of(List.of(pair.of(owner.get(), actor.get()))) : Optional.empty();
    }

    private static Optional<UUID> id(JsonNode node, String field) {
        return Ids.parse(node.path(field).asText(null));
    }

    /** An id as text, checked to be a UUID (so no odd string becomes part of a key). */
    private static Optional<String> text(JsonNode node, String field) {
        return id(node, field).map(UUID::toString);
    }

    private static List<UUID> ids(JsonNode array) {
        List<UUID> out = new ArrayList<>();
        array.forEach(item -> Ids.parse(item.asText(null)).ifPresent(out::add));
        return out;
    }
}
