package io.nova.user.api;

/** The account as its owner sees it; never the password hash. {@code created_at} is RFC 3339 UTC. */
public record UserView(String id, String username, String email, String createdAt) {
}
