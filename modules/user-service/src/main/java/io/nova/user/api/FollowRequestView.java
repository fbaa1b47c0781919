package io.nova.user.api;

import java.time.Instant;

/** An item of the follow requests waiting for the caller: who asked, and when. */
public record FollowRequestView(UserProfile user, Instant requestedAt) {
}
