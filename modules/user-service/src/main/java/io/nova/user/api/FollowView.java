package io.nova.user.api;

import java.time.Instant;

/** An item of a followers or following list: the user, and since when the edge exists. */
public record FollowView(UserProfile user, Instant followedAt) {
}
