package io.nova.user.api;

import java.time.Instant;

/** {@code user.updated}: the public profile after the change (never the email). */
public record UserUpdated(String id, String username, String displayName, String bio, String avatarMediaId,
                          boolean privateAccount, Instant updatedAt) {
}
