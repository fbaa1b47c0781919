package io.nova.messaging.db;

import io.nova.kernel.db.SettledIds;

/** Message ids settled for good: a message, or given up in {@code abandoned_messages} (V4). */
public final class MessageIdStore {

    /** The advisory-lock key space of message ids. */
    private static final int LOCK_SPACE = 0x4d736749;

    private MessageIdStore() {
    }

    public static SettledIds create() {
        return new SettledIds("messages", "abandoned_messages", LOCK_SPACE);
    }
}
