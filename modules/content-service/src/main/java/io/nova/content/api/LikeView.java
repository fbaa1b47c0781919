package io.nova.content.api;

/** Someone who liked a post, and when. */
public record LikeView(AuthorView user, String likedAt) {
}
