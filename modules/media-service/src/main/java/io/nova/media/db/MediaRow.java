package io.nova.media.db;


import java.time.Instant;
import java.util.UUID;

/** One media item as stored; width, height, duration and the texts are null while unknown. */
public record MediaRow(UUID id, String ownerId, MediaPurpose purpose, String filename, String contentType,
                       long sizeBytes, String objectKey, MediaStatus status, String failureReason, Integer width,
                       Integer height, Long durationMs, String processingNote, String claimedBy,
                       Instant pendingUntil, Instant createdAt) {

    public boolean ownedBy(String userId) {
        return ownerId.equals(userId);
    }
}
