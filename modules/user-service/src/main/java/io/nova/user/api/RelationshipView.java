package io.nova.user.api;

/** How the caller relates to {@code user_id}: {@code following} means the caller follows them. */
public record RelationshipView(String userId, boolean following, boolean followedBy, boolean blocking,
                               boolean blockedBy) {
}
