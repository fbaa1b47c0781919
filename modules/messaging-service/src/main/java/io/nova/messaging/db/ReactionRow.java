package io.nova.messaging.db;

import java.util.UUID;

/** How many reacted to a message with an emoji, and whether the viewer is among them. */
public record ReactionRow(UUID messageId, String emoji, long count, boolean mine) {
}
