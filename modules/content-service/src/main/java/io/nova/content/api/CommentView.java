package io.nova.content.api;

import io.nova.clients.posts.AuthorView;

import java.time.Instant;

/** One comment under a post. */
public record CommentView(String id, String postId, AuthorView author, String text, String replyToComment,
                          Instant createdAt) {
}
