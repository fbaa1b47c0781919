package io.nova.user.db;

import java.time.Instant;
import java.util.UUID;

/** A user's profile and exact follow counts, as stored; {@code avatarMediaId} is null without an avatar. */
public record ProfileRow(UUID id, String username, String email, String displayName, String bio, UUID avatarMediaId,
                         boolean privateAccount, long followersCount, long followingCount, Instant createdAt,
                         Instant updatedAt) {

    @Override
    public String toString() {
        return "ProfileRow[id=" + id + ", username=" + username + "]";
    }
}
