package io.nova.messaging.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message as stored; a tombstone has {@code deletedAt} set, no text and no media. */
public record MessageRow(UUID id, UUID conversationId, long seq, UUID senderId, String text, List<UUID> mediaIds,
                         UUID replyTo, Instant createdAt, Instant editedAt, Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
