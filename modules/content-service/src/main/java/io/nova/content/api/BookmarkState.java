package io.nova.content.api;

/** The answer to {@code PUT|DELETE /posts/{id}/bookmark}. */
public record BookmarkState(String postId, boolean bookmarked) {
}
