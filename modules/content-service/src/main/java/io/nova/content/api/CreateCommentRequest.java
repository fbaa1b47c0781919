package io.nova.content.api;

/** {@code POST /posts/{id}/comments}: text of 1 to 1000 characters, optionally answering another comment. */
public record CreateCommentRequest(String text, String replyToComment) {
}
