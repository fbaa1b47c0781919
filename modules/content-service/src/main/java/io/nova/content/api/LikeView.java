package io.nova.content.api;

import io.nova.clients.posts.AuthorView;

import java.time.Instant;

/** Someone who liked a post, and when. */
public record LikeView(AuthorView user, Instant likedAt) {
}
