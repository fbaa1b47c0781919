package io.nova.messaging.api;

/** {@code POST /conversations/{id}/read}: every message up to this seq counts as read. */
public record ReadRequest(Long upToSeq) {
}
