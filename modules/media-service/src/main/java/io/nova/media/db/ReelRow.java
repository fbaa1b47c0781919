package io.nova.media.db;

import java.time.Instant;
import java.util.UUID;

public record ReelRow(UUID id, UUID mediaId, String creatorId, String caption, String audio, Instant publishedAt,
                      Instant createdAt) {
}
