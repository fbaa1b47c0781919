package io.nova.media.api;

import java.time.Instant;
import java.util.List;

/**
 * A video. {@code status} is its media's (processing, ready, failed); {@code published} turns true once it is
 * ready, and only then do others see it. {@code renditions} are the files that exist, with presigned URLs.
 */
public record VideoView(String id, String creatorId, String title, String description, String visibility,
                        String status, boolean published, Long durationMs, Integer width, Integer height,
                        List<RenditionView> renditions, Instant urlsExpireAt, String processingNote,
                        String failureReason, Instant createdAt, Instant updatedAt) {
}
