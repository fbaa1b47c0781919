package io.nova.content.api;

/** The answer to {@code PUT|DELETE /posts/{id}/like}: the state after the request, and the exact count. */
public record LikeState(String postId, boolean liked, long likeCount) {
}
