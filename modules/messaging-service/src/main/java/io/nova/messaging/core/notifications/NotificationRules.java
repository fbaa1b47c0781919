package io.nova.messaging.core.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The pure rules of notifications: which entry a contribution belongs to, and who may be notified of what. The
 * grouping windows are fixed slices of time counted from the epoch: the group key is a function of the event alone,
 * so concurrent and redelivered events agree on it without reading anything first, and one unique index makes the
 * upsert exact.
 */
public final class NotificationRules {

    private NotificationRules() {
    }

    /**
     * {@code kind:subject} for one-off kinds; grouped kinds add the number of the window {@code at} falls in
     * ({@code like:<post>:<n>}, {@code follow::<n>}).
     */
    public static String groupKey(NotificationKind kind, String subject, Instant at, Duration window) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the grouping window must be positive, got " + window);
        }
        String key = kind.wire() + ":" + subject;
        if (!kind.grouped()) {
            return key;
        }
        return key + ":" + Math.floorDiv(at.toEpochMilli(), window.toMillis());
    }

    /** Nobody is notified of their own doing. */
    public static boolean isSelf(UUID owner, UUID actor) {
        return owner.equals(actor);
    }

    /**
     * Whether {@code owner} hears of {@code actor}'s doing: never of their own, never across a block in either
     * direction ({@code blockedEitherWay} as user-service answers it now).
     */
    public static boolean mayNotify(UUID owner, UUID actor, boolean blockedEitherWay) {
        return !isSelf(owner, actor) && !blockedEitherWay;
    }
}
