package io.nova.clients.posts;

import java.time.Instant;
import java.util.List;

/**
 * A post as the caller sees it — the one shape of a post, written once: content-service's HTTP API answers it and
 * user-service's home feed renders the same record from content-service's gRPC {@code Post} ({@link PostProtos}).
 * A post as the caller sees it: author and media hydrated, counts, and whether the caller liked or bookmarked it.
 * {@code edited_at} is null until the author edits it; {@code mentions} are the usernames that resolved to users.
 */
public record PostView(String id, AuthorView author, String text, List<MediaView> media, String visibility,
                       String replyTo, List<String> hashtags, List<String> mentions, long likeCount,
                       long commentCount, boolean likedByMe, boolean bookmarkedByMe, Instant createdAt,
                       Instant editedAt) {
}
