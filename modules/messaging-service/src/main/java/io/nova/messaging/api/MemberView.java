package io.nova.messaging.api;

import java.time.Instant;

/** A member of a conversation, with their read position (read receipts: every member sees everyone's). */
public record MemberView(String userId, String role, Instant joinedAt, long lastReadSeq) {
}
