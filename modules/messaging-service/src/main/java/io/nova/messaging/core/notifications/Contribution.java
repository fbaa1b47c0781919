package io.nova.messaging.core.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One actor's part in one owner's notification, as an event tells it: added (liked, followed, commented ...) or
 * taken back (unliked, unfollowed, comment deleted). {@code owner} is null on a removal whose event does not name
 * the owner (comment.deleted): the subject alone (a comment id) identifies it. {@code at} is when it happened by
 * the producer's clock: it only picks the grouping window, so a redelivered event lands in the same group.
 */
public record Contribution(Change change, NotificationKind kind, UUID owner, UUID actor, String subject,
                           Map<String, String> target, Instant at) {

    public enum Change { ADD, REMOVE }

    public static Contribution add(NotificationKind kind, UUID owner, UUID actor, String subject,
                                   Map<String, String> target, Instant at) {
        return new Contribution(Change.ADD, kind, owner, actor, subject, Map.copyOf(target), at);
    }

    public static Contribution remove(NotificationKind kind, UUID owner, UUID actor, String subject) {
        return new Contribution(Change.REMOVE, kind, owner, actor, subject, Map.of(), null);
    }
}
