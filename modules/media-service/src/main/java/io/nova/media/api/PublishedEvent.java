package io.nova.media.api;

import java.time.Instant;

/** The payload of video.published and reel.published: what was published, by whom, from which media. */
public record PublishedEvent(String id, String creatorId, String mediaId, String visibility,
                             Instant publishedAt) {
}
