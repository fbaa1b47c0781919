package io.nova.user.db;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}. */
public record UserRow(UUID id, String email, String username, String passwordHash, Instant createdAt) {

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + "]";
    }
}
