package io.nova.user.api;

import java.time.Instant;

/** Payloads of the social-graph events on {@code nova.user.events}; the record key is the acting user's id. */
public final class GraphEvents {

    private GraphEvents() {
    }

    /** {@code user.followed}; {@code approvedRequest} when the edge is a follow request the followee approved. */
    public record Followed(String followerId, String followeeId, Instant followedAt, boolean approvedRequest) {
    }

    /** {@code user.follow_requested}: a new request to follow a private account. */
    public record FollowRequested(String requesterId, String targetId, Instant requestedAt) {
    }

    /**
     * {@code user.follow_request_removed}: a pending request is gone — {@code reason} is {@code approved},
     * {@code declined}, {@code withdrawn} (the requester unfollowed) or {@code blocked}.
     */
    public record FollowRequestRemoved(String requesterId, String targetId, String reason) {
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
