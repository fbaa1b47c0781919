package io.nova.messaging.core;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The users conversations are made of (user-service's, reached through an implementation in clients). */
public interface People {

    /** Those of {@code ids} that are no user. */
    Set<UUID> unknown(Collection<UUID> ids);

    /** Those of {@code others} who block {@code user} or whom {@code user} blocks; a block takes effect at once. */
    Set<UUID> blockedEitherWay(UUID user, Collection<UUID> others);

    /**
     * {@link #blockedEitherWay} is about to be asked, one other at a time, for each user's others here: asking
     * ahead, all at once, lets those answers come from a cache. Best effort; the default asks nothing ahead.
     */
    default void lookAhead(Map<UUID, Set<UUID>> othersByUser) {
    }
}
