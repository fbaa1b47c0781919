package io.nova.user.db;

import java.util.Optional;
import java.util.UUID;

/**
 * What a profile edit changes: a null field is left as it is. {@code avatarMediaId} is an {@link Optional} inside
 * that: empty removes the avatar.
 */
public record ProfileChange(String displayName, String bio, Optional<UUID> avatarMediaId, Boolean privateAccount) {

    public boolean isEmpty() {
        return displayName == null && bio == null && avatarMediaId == null && privateAccount == null;
    }
}
