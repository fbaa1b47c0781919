package io.nova.content.core;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** How users relate (follows and blocks, kept by user-service): what visibility depends on. */
public interface Relations {

    /**
     * How {@code other} relates to {@code viewer}, asked now and answered when called: the caller does its own
     * work (a query) while the answer travels.
     */
    Supplier<Relation> relationLater(UUID viewer, UUID other);

    /** The viewer's relation to each of {@code others}. */
    Map<UUID, Relation> relations(UUID viewer, Collection<UUID> others);

    default Relation relation(UUID viewer, UUID other) {
        return relationLater(viewer, other).get();
    }
}
