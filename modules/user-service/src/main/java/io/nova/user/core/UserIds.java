package io.nova.user.core;

import io.nova.kernel.errors.DomainException;

import java.util.Optional;
import java.util.UUID;

/** User ids are UUIDs in their canonical 36-character form; anything else names no user. */
public final class UserIds {

    private UserIds() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A path id: one that cannot exist is simply not found. */
    public static UUID existingOrNotFound(String text) {
        return parse(text).orElseThrow(() -> DomainException.notFound("User", text));
    }
}
