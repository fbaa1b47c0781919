package io.nova.kernel.db;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A service's answer to media-service's claim sweep (ConfirmPosts, ConfirmMessages): which of the rows media is
 * claimed for exist. Final both ways ({@link SettledIds}): an id answered exists, and an id left out is recorded
 * so that no write can still create it.
 */
public final class ClaimOwnerIds {

    public static final int MAX_IDS = 100;

    private final Jdbi jdbi;
    private final SettledIds ids;
    private final String field;

    /** @param field the request's field, named when too many ids are asked */
    public ClaimOwnerIds(Jdbi jdbi, SettledIds ids, String field) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.field = field;
    }

    /** The ids among {@code asked} that exist, as they were asked; malformed ids name nothing. */
    public List<String> confirm(List<String> asked) {
        if (asked.size() > MAX_IDS) {
            throw DomainException.invalid("too_many_ids", "at most " + MAX_IDS + " ids per call, got "
                    + asked.size(), Map.of("field", field));
        }
        List<UUID> parsed = asked.stream().map(Ids::parse).flatMap(Optional::stream).toList();
        if (parsed.isEmpty()) {
            return List.of();
        }
        Set<UUID> existing = jdbi.inTransaction(handle -> ids.settle(handle, parsed));
        // Answered in the caller's spelling: it matches them against the claimants it holds.
        return asked.stream().filter(id -> Ids.parse(id).filter(existing::contains).isPresent()).toList();
    }
}
