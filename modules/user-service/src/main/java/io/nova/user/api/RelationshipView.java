package io.nova.user.api;

import io.nova.user.db.GraphStore;

/** How the caller relates to {@code user_id}: {@code following} means the caller follows them. */
public record RelationshipView(String userId, boolean following, boolean followedBy, boolean blocking,
                               boolean blockedBy) {

    public static RelationshipView of(GraphStore.Relation relation) {
        return new RelationshipView(relation.userId().toString(), relation.following(), relation.followedBy(),
                relation.blocking(), relation.blockedBy());
    }
}
