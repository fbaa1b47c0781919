package io.nova.user.api;

/**
 * How the caller relates to {@code user_id}: {@code following} means the caller follows them; {@code requested}
 * that the caller asked to follow them (a private account) and they have not answered; {@code requested_by} that
 * they are waiting for the caller's answer.
 */
public record RelationshipView(String userId, boolean following, boolean followedBy, boolean blocking,
                               boolean blockedBy, boolean requested, boolean requestedBy) {
}
