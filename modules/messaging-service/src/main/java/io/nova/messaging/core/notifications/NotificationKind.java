package io.nova.messaging.core.notifications;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about, as clients see it in {@code type}. Likes and follows are grouped (one entry per
 * post, or for follows one entry, per window); everything else is one entry per thing that happened (a follow
 * request: one per requester, gone once it is answered or withdrawn).
 */
public enum NotificationKind {
    FOLLOW("follow", true),
    FOLLOW_REQUEST("follow_request", false),
    FOLLOW_ACCEPTED("follow_accepted", false),
    LIKE("like", true),
    COMMENT("comment", false),
    MENTION("mention", false),
    MESSAGE("message", false),
    MISSED_CALL("missed_call", false);

    private final String wire;
    private final boolean grouped;

    NotificationKind(String wire, boolean grouped) {
        this.wire = wire;
        this.grouped = grouped;
    }

    public String wire() {
        return wire;
    }

    public boolean grouped() {
        return grouped;
    }

    public static Optional<NotificationKind> ofWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire.equals(wire)).findFirst();
    }
}
