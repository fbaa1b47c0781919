package io.nova.content.core;

import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;

import java.util.Optional;
import java.util.UUID;

/** Ids from paths, bodies and tokens. Every Nova id is a UUID in its canonical text form. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A path id: one that cannot exist is simply not found. */
    public static UUID existingOrNotFound(String what, String text) {
        return parse(text).orElseThrow(() -> DomainException.notFound(what, text));
    }

    /** The caller's user id; a token whose subject is not one (never issued by user-service) is refused. */
    public static UUID caller(NovaPrincipal caller) {
        return parse(caller.userId()).orElseThrow(() -> DomainException.unauthenticated("A valid access token is required"));
    }
}
