package io.nova.messaging.core.realtime;

import java.util.Collection;
import java.util.UUID;

/**
 * Where messages a user's sockets were handed but never sent go when the user's last socket is gone: stored as
 * notifications (the notifications core implements it). It must be durable when it returns — {@link Presence}
 * forgets the entries right after — and idempotent, since an entry may be handed over twice.
 */
@FunctionalInterface
public interface MissedMessages {

    /** @param entries as {@link Presence#claim} was given them */
    void store(UUID user, Collection<String> entries);
}
