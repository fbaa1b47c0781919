package io.nova.messaging.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notification as stored, with its latest actors (newest first, at most {@link NotificationStore#LATEST_ACTORS}). */
public record NotificationRow(UUID id, UUID owner, String kind, String targetJson, int count, Instant createdAt,
                              Instant latestAt, List<UUID> latestActors, boolean unread) {
}
