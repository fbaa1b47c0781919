package io.nova.user.api;

import io.nova.user.db.ProfileRow;

import static io.nova.user.api.Timestamps.rfc3339;

/** {@code GET|PATCH /api/v1/users/me}: the public profile plus what only its owner sees. */
public record OwnProfile(String id, String username, String email, String displayName, String bio,
                         String avatarMediaId, String avatarUrl, boolean privateAccount, long followersCount,
                         long followingCount, String createdAt, String updatedAt) {

    public static OwnProfile of(ProfileRow row, String avatarUrl) {
        return new OwnProfile(row.id().toString(), row.username(), row.email(), row.displayName(), row.bio(),
                row.avatarMediaId() == null ? null : row.avatarMediaId().toString(), avatarUrl, row.privateAccount(),
                row.followersCount(), row.followingCount(), rfc3339(row.createdAt()), rfc3339(row.updatedAt()));
    }
}
