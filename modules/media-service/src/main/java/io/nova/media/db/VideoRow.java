package io.nova.media.db;

import java.time.Instant;
import java.util.UUID;

public record VideoRow(UUID id, UUID mediaId, String creatorId, String title, String description,
                       String visibility, Instant publishedAt, Instant createdAt, Instant updatedAt) {
}
