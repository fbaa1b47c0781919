package io.nova.messaging.core;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The users conversations are made of (user-service's, reached through an implementation in clients). */
public interface People {

    /** Those of {@code ids} that are no user. */
    Set<UUID> unknown(Collection<UUID> ids);

    /** Those of {@code others} who block {@code user} or whom {@code user} blocks; a block takes effect at once. */
    Set<UUID> blockedEitherWay(UUID user, Collection<UUID> others);

    /**
     * The blocks between each user and their others here, looked up all at once for a batch of work that would
     * otherwise ask {@link #blockedEitherWay} one pair at a time. Best effort: a pair it has no answer for is asked
     * for alone. The default looks nothing up.
     */
    default Blocks lookAhead(Map<UUID, Set<UUID>> othersByUser) {
        return Blocks.NONE;
    }

    /** Blocks found by {@link #lookAhead}, as they stood when it ran. */
    @FunctionalInterface
    interface Blocks {

        Blocks NONE = (user, other) -> Optional.empty();

        /** Whether either blocks the other; empty when this pair was not looked up (or its lookup failed). */
        Optional<Boolean> eitherWay(UUID user, UUID other);
    }
}
