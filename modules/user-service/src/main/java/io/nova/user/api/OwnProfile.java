package io.nova.user.api;

import java.time.Instant;

/** {@code GET|PATCH /api/v1/users/me}: the public profile plus what only its owner sees. */
public record OwnProfile(String id, String username, String email, String displayName, String bio,
                         String avatarMediaId, String avatarUrl, boolean privateAccount, long followersCount,
                         long followingCount, Instant createdAt, Instant updatedAt) {
}
