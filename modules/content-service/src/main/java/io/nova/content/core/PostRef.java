package io.nova.content.core;

import java.time.Instant;
import java.util.UUID;

/** A post's id, time and visibility: what another service's feed backfill needs of it. */
public record PostRef(UUID id, Instant createdAt, Visibility visibility) {
}
