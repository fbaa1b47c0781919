package io.nova.user.api;

import io.nova.user.db.ProfileRow;

import static io.nova.user.api.Timestamps.rfc3339;

/**
 * A user as anyone signed in sees them: never the email address. {@code avatar_media_id} names the media-service
 * item of the avatar (null without one).
 */
public record UserProfile(String id, String username, String displayName, String bio, String avatarMediaId,
                          boolean privateAccount, long followersCount, long followingCount, String createdAt) {

    public static UserProfile of(ProfileRow row) {
        return new UserProfile(row.id().toString(), row.username(), row.displayName(), row.bio(),
                row.avatarMediaId() == null ? null : row.avatarMediaId().toString(), row.privateAccount(),
                row.followersCount(), row.followingCount(), rfc3339(row.createdAt()));
    }
}
