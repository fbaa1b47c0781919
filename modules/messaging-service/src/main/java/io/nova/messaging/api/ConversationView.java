package io.nova.messaging.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A conversation: {@code kind} {@code direct} or {@code group}, the group's name (null when unnamed, always null
 * for a direct one), the current members with their roles and read positions, the newest seq and message, and
 * when it was last active. {@code unread_count} is the caller's own; it is left out of events, which every member
 * receives alike.
 */
public record ConversationView(String id, String kind, String name, List<MemberView> members, int memberCount,
                               long lastSeq, MessagePreview lastMessage, Instant createdAt, Instant lastActivityAt,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long unreadCount) {

    /** The same conversation as every member sees it (no per-viewer field). */
    public ConversationView shared() {
        return new ConversationView(id, kind, name, members, memberCount, lastSeq, lastMessage, createdAt,
                lastActivityAt, null);
    }
}
