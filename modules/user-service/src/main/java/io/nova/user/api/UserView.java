package io.nova.user.api;

import java.time.Instant;

/** The account as its owner sees it; never the password hash. {@code created_at} is RFC 3339 UTC. */
public record UserView(String id, String username, String email, Instant createdAt) {
}
