package io.nova.user.api;

import java.time.Instant;

/** Payloads of the social-graph events on {@code nova.user.events}; the record key is the acting user's id. */
public final class GraphEvents {

    private GraphEvents() {
    }

    /** {@code user.followed}. */
    public record Followed(String followerId, String followeeId, Instant followedAt) {
    }

    /** {@code user.unfollowed}; also sent for each edge a block removes. */
    public record Unfollowed(String followerId, String followeeId) {
    }

    /** {@code user.blocked}. */
    public record Blocked(String blockerId, String blockedId) {
    }

    /** {@code user.unblocked}. */
    public record Unblocked(String blockerId, String blockedId) {
    }
}
