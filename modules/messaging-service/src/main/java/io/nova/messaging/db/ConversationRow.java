package io.nova.messaging.db;

import java.time.Instant;
import java.util.UUID;

/** A conversation as stored; {@code directLow}/{@code directHigh} are null for a group. */
public record ConversationRow(UUID id, String kind, String name, UUID directLow, UUID directHigh, UUID createdBy,
                              Instant createdAt, long lastSeq, Instant lastActivityAt, int memberCount) {

    public boolean direct() {
        return "direct".equals(kind);
    }
}
