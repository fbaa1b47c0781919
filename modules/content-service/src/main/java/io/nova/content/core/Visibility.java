package io.nova.content.core;

import io.nova.kernel.errors.DomainException;

import java.util.Locale;
import java.util.Map;

/** Who may see a post besides its author: everyone, or the author's followers. */
public enum Visibility {
    PUBLIC, FOLLOWERS;

    /** The name in JSON and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** A client's value; null means public. */
    public static Visibility parse(String value) {
        if (value == null) {
            return PUBLIC;
        }
        return switch (value) {
            case "public" -> PUBLIC;
            case "followers" -> FOLLOWERS;
            default -> throw DomainException.invalid("validation_failed",
                    "visibility must be public or followers",
                    Map.of("fields", Map.of("visibility", "must be public or followers")));
        };
    }
}
