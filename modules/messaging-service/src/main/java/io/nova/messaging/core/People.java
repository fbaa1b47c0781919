package io.nova.messaging.core;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** The users conversations are made of (user-service's, reached through an implementation in clients). */
public interface People {

    /** Those of {@code ids} that are no user. */
    Set<UUID> unknown(Collection<UUID> ids);

    /** Those of {@code others} who block {@code user} or whom {@code user} blocks; a block takes effect at once. */
    Set<UUID> blockedEitherWay(UUID user, Collection<UUID> others);
}
