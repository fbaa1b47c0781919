package io.nova.media.api;

import java.time.Instant;
import java.util.List;

/** A reel: like a video, public once its media is ready, with a caption and the audio it uses. */
public record ReelView(String id, String creatorId, String caption, String audio, String status, boolean published,
                       Long durationMs, Integer width, Integer height, List<RenditionView> renditions,
                       Instant urlsExpireAt, String processingNote, String failureReason, Instant createdAt) {
}
