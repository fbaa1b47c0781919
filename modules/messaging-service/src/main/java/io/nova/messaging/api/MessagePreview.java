package io.nova.messaging.api;

import java.time.Instant;

/**
 * The newest message of a conversation, as its list entry shows it: text cut to 140 characters, how many media,
 * and {@code deleted} with no text for a tombstone.
 */
public record MessagePreview(String id, long seq, String senderId, String text, int mediaCount, Instant createdAt,
                             boolean deleted) {
}
