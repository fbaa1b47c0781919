package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;

import java.util.Locale;
import java.util.Map;

/** A member's role in a group: one owner, any number of admins, the rest members. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** A role a client sent; anything else is a 400 naming the field. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return role;
            }
        }
        String problem = "must be owner, admin or member";
        throw DomainException.invalid("validation_failed", "role " + problem, Map.of("fields", Map.of("role", problem)));
    }

    /** Owners and admins run the group: its name and who is in it. */
    public boolean manages() {
        return this != MEMBER;
    }
}
