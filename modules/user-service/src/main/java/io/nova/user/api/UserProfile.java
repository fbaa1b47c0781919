package io.nova.user.api;

import java.time.Instant;

/**
 * A user as anyone signed in sees them: never the email address. {@code avatar_media_id} names the media-service
 * item of the avatar (null without one), {@code avatar_url} is where to download it for now (a presigned URL), null
 * without an avatar or while media-service is away.
 */
public record UserProfile(String id, String username, String displayName, String bio, String avatarMediaId,
                          String avatarUrl, boolean privateAccount, long followersCount, long followingCount,
                          Instant createdAt) {
}
