package io.nova.user.api;

/**
 * An item of {@code GET /discover/users}: the account, and how many of the people the caller follows follow it
 * ({@code 0} for the most-followed accounts that fill the list after the friends of friends).
 */
public record SuggestedUser(UserProfile user, long mutualFollows) {
}
