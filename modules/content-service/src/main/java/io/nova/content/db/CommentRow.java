package io.nova.content.db;

import java.time.Instant;
import java.util.UUID;

/** A live comment as stored. */
public record CommentRow(UUID id, UUID postId, UUID authorId, String text, UUID replyToComment, Instant createdAt) {
}
