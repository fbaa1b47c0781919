package io.nova.messaging.db;

import java.time.Instant;
import java.util.UUID;

/** A member, or a former one ({@code leftSeq} set: the newest message they may still read). */
public record MemberRow(UUID conversationId, UUID userId, String role, Instant joinedAt, long readSeq, Long leftSeq) {

    public boolean active() {
        return leftSeq == null;
    }
}
