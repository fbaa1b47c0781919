package io.nova.media.resources;

import io.nova.kernel.errors.DomainException;

import java.util.UUID;

/** Path ids are UUIDs; anything else names nothing that could exist, so it is a 404 like an unknown id. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String what, String value) {
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts shortened forms ("1-1-1-1-1"); only the canonical spelling names a resource.
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw DomainException.notFound(what, value);
    }
}
