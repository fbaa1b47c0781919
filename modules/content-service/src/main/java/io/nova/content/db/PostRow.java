package io.nova.content.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post as stored, with the viewer's own like and bookmark. */
public record PostRow(UUID id, UUID authorId, String text, List<UUID> mediaIds, String visibility, UUID replyTo,
                      List<String> hashtags, List<String> mentions, long likeCount, long commentCount,
                      boolean likedByMe, boolean bookmarkedByMe, Instant createdAt, Instant editedAt) {
}
