package io.nova.user.api;

import io.nova.user.db.ProfileRow;

import static io.nova.user.api.Timestamps.rfc3339;

/**
 * A user as anyone signed in sees them: never the email address. {@code avatar_media_id} names the media-service
 * item of the avatar (null without one), {@code avatar_url} is where to download it for now (a presigned URL).
 */
public record UserProfile(String id, String username, String displayName, String bio, String avatarMediaId,
                          String avatarUrl, boolean privateAccount, long followersCount, long followingCount,
                          String createdAt) {

    /** {@code avatarUrl}: the avatar's presigned thumbnail URL, null without an avatar or while media-service is away. */
    public static UserProfile of(ProfileRow row, String avatarUrl) {
        return new UserProfile(row.id().toString(), row.username(), row.displayName(), row.bio(),
                row.avatarMediaId() == null ? null : row.avatarMediaId().toString(), avatarUrl, row.privateAccount(),
                row.followersCount(), row.followingCount(), rfc3339(row.createdAt()));
    }
}
