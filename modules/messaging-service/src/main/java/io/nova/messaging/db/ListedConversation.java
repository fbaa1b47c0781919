package io.nova.messaging.db;

import java.time.Instant;

/**
 * One entry of a user's conversation list: the conversation, the user's read position, when it was last active
 * for them, how many messages of others are unread, and its newest message (null before the first).
 */
public record ListedConversation(ConversationRow conversation, long readSeq, Instant activityAt, long unread,
                                 MessageRow last) {
}
