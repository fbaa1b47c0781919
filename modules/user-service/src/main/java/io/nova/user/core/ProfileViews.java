package io.nova.user.core;

import io.nova.user.api.OwnProfile;
import io.nova.user.api.RelationshipView;
import io.nova.user.api.UserProfile;
import io.nova.user.api.UserUpdated;
import io.nova.user.db.FollowRequestStore;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileRow;

import java.util.UUID;

/** Stored rows as the API shapes: here, so that the shapes in {@code api} know nothing of the database. */
public final class ProfileViews {

    private ProfileViews() {
    }

    /** {@code avatarUrl}: the avatar's presigned URL, null without an avatar or while media-service is away. */
    public static UserProfile profile(ProfileRow row, String avatarUrl) {
        return new UserProfile(row.id().toString(), row.username(), row.displayName(), row.bio(),
                text(row.avatarMediaId()), avatarUrl, row.privateAccount(), row.followersCount(),
                row.followingCount(), row.createdAt());
    }

    public static OwnProfile own(ProfileRow row, String avatarUrl) {
        return new OwnProfile(row.id().toString(), row.username(), row.email(), row.displayName(), row.bio(),
                text(row.avatarMediaId()), avatarUrl, row.privateAccount(), row.followersCount(),
                row.followingCount(), row.createdAt(), row.updatedAt());
    }

    /** The {@code user.updated} event of the row as it is after an edit. */
    public static UserUpdated updated(ProfileRow row) {
        return new UserUpdated(row.id().toString(), row.username(), row.displayName(), row.bio(),
                text(row.avatarMediaId()), row.privateAccount(), row.updatedAt());
    }

    /** The relation alone, for callers that do not show follow requests (gRPC's {@code Relationship} has no field for them). */
    public static RelationshipView relationship(GraphStore.Relation relation) {
        return relationship(relation, FollowRequestStore.Pending.NONE);
    }

    public static RelationshipView relationship(GraphStore.Relation relation, FollowRequestStore.Pending pending) {
        return new RelationshipView(relation.userId().toString(), relation.following(), relation.followedBy(),
                relation.blocking(), relation.blockedBy(), pending.requested(), pending.requestedBy());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
