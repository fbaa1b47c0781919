package io.nova.content.api;

import java.time.Instant;
import java.util.List;

/** Payloads of the events on {@code nova.content.events}; the record key is the post's id. */
public final class ContentEvents {

    private ContentEvents() {
    }

    /** {@code post.created}: what the feed needs to fan a post out without calling back. */
    public record PostCreated(String postId, String authorId, String visibility, String replyTo,
                              List<String> mediaIds, List<String> hashtags, List<String> mentionedUserIds,
                              Instant createdAt) {
    }

    /** {@code post.updated}. */
    public record PostUpdated(String postId, String authorId, String visibility, List<String> hashtags,
                              Instant editedAt) {
    }

    /** {@code post.deleted}. */
    public record PostDeleted(String postId, String authorId, Instant deletedAt) {
    }

    /** {@code post.liked}. */
    public record PostLiked(String postId, String authorId, String userId, Instant likedAt) {
    }

    /** {@code post.unliked}. */
    public record PostUnliked(String postId, String authorId, String userId) {
    }

    /** {@code comment.created}. */
    public record CommentCreated(String commentId, String postId, String postAuthorId, String authorId,
                                 String replyToComment, Instant createdAt) {
    }

    /** {@code comment.deleted}. */
    public record CommentDeleted(String commentId, String postId, String authorId, String deletedBy) {
    }

    /** {@code mention}: {@code mentioned_user_id} was named in a post, once per post and user. */
    public record Mentioned(String postId, String authorId, String mentionedUserId) {
    }
}
