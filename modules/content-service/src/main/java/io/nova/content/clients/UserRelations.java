package io.nova.content.clients;

import io.nova.clients.Relationships;
import io.nova.content.core.Relation;
import io.nova.content.core.Relations;
import io.nova.proto.user.v1.Relationship;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link Relations} from user-service's relationships ({@link Relationships}: cached only while both users'
 * relationship versions are unchanged, so a block takes effect at once).
 */
public final class UserRelations implements Relations {

    private final Relationships relationships;

    public UserRelations(Relationships relationships) {
        this.relationships = relationships;
    }

    @Override
    public Supplier<Relation> relationLater(UUID viewer, UUID other) {
        Supplier<Relationship> pending = relationships.later(viewer, other);
        return () -> relation(pending.get());
    }

    @Override
    public Map<UUID, Relation> relations(UUID viewer, Collection<UUID> others) {
        Map<UUID, Relation> relations = new HashMap<>();
        relationships.of(viewer, others).forEach((other, relationship) -> relations.put(other, relation(relationship)));
        return relations;
    }

    private static Relation relation(Relationship relationship) {
        return new Relation(relationship.getFollowing(), relationship.getBlocking(), relationship.getBlockedBy());
    }
}
