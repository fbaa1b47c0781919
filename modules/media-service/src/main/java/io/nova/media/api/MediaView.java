package io.nova.media.api;

import java.time.Instant;
import java.util.List;

/**
 * A media item as its owner sees it ({@code GET /api/v1/uploads/{id}}); {@code id} is the upload id.
 * {@code renditions} lists only files that exist (the original first) and only once the upload is verified;
 * {@code processing_note} says what processing could not do, e.g. that no ffmpeg is configured.
 */
public record MediaView(String id, String type, String status, String filename, String contentType,
                        long sizeBytes, Integer width, Integer height, Long durationMs,
                        List<RenditionView> renditions, Instant urlsExpireAt, String processingNote,
                        String failureReason, Instant pendingUntil, Instant createdAt) {
}
