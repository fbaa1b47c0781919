package io.nova.messaging.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code GET /notifications}, and the data of the {@code notification.created|updated} frames.
 * {@code type}: follow, like, comment, mention, message, missed_call. {@code count}: how many actors (grouped
 * kinds; 1 otherwise); {@code actor_ids}: the latest of them, newest first, at most 8. {@code target}: the ids
 * to open it with (post_id, comment_id, conversation_id, message_id, call_id — those that apply).
 * {@code unread}: {@code latest_at} is after the owner's read marker.
 */
public record NotificationView(String id, String type, int count, List<String> actorIds,
                               Map<String, String> target, Instant createdAt, Instant latestAt, boolean unread) {
}
