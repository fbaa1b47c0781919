package io.nova.kernel.api;

import io.nova.kernel.errors.DomainException;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ids in paths, parameters, bodies and cursors. Every Nova id is a UUID in its canonical 36-character spelling;
 * {@code UUID.fromString} alone would also take shortened forms ("1-1-1-1-1") that name nothing we issued.
 */
public final class Ids {

    /** The canonical spelling, for bean validation of ids in request bodies. */
    public static final String PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private Ids() {
    }

    /**
     * The order PostgreSQL sorts {@code uuid} values in (bytes, unsigned) — not {@link UUID#compareTo}, which compares
     * signed halves and so reverses every pair whose first hex digits straddle 8. Code that locks rows one by one
     * must use this order when SQL elsewhere locks the same rows {@code ORDER BY id}, or the two deadlock.
     */
    public static final Comparator<UUID> DATABASE_ORDER = (one, other) -> {
        int high = Long.compareUnsigned(one.getMostSignificantBits(), other.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(one.getLeastSignificantBits(), other.getLeastSignificantBits());
    };

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

    /**
     * An id in a path: one that is not an id names nothing that could exist, so it is the same 404 as an unknown
     * id ({@code "<what> <text> does not exist"}).
     */
    public static UUID inPath(String what, String text) {
        return parse(text).orElseThrow(() -> DomainException.notFound(what, text));
    }

    /** An id in a query parameter or a body field: a malformed one is a 400 {@code invalid_id} naming it. */
    public static UUID param(String name, String text) {
        return parse(text).orElseThrow(() -> DomainException.invalid("invalid_id",
                name + " must be an id such as 0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10, not '" + text + "'",
                Map.of("field", name)));
    }
}
