package io.nova.content.db;

import java.time.Instant;
import java.util.UUID;

/** Where a keyset page ends: the last item's time and id (the tie-breaker). */
public record Position(Instant at, UUID id) {
}
