package io.nova.content.api;

/** One comment under a post. */
public record CommentView(String id, String postId, AuthorView author, String text, String replyToComment,
                          String createdAt) {
}
