package io.nova.messaging.api;

import java.time.Instant;
import java.util.List;

/**
 * A message: its seq in the conversation, sender, text, media, the message it replies to, reactions per emoji,
 * and times. A deleted message is a tombstone: {@code deleted} true, {@code text} null, no media, no reactions —
 * its seq, sender and times stay.
 */
public record MessageView(String id, String conversationId, long seq, String senderId, String text,
                          List<MediaView> media, String replyTo, List<ReactionCount> reactions, Instant createdAt,
                          Instant editedAt, boolean deleted) {
}
