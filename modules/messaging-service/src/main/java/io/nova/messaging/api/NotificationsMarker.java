package io.nova.messaging.api;

import java.time.Instant;

/**
 * The caller's read marker ({@code null} before the first read) and how many entries are after it; the answer of
 * {@code GET /notifications/unread-count} and {@code POST /notifications/read}.
 */
public record NotificationsMarker(Instant readUpTo, long unreadCount) {
}
