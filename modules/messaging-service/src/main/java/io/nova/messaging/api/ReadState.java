package io.nova.messaging.api;

/** The caller's read position in a conversation and what is still unread after it. */
public record ReadState(String conversationId, long lastReadSeq, long unreadCount) {
}
