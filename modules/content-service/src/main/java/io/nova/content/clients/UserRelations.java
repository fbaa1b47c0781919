package io.nova.content.clients;

import com.google.common.util.concurrent.ListenableFuture;
import io.nova.content.core.Relation;
import io.nova.content.core.Relations;
import io.nova.contracts.RelationshipVersions;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.proto.user.v1.GetRelationshipRequest;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserServiceGrpc;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link Relations} from user-service (gRPC), cached only while both users' relationship versions are unchanged,
 * so a block takes effect at once ({@link CachedRelations}).
 */
public final class UserRelations implements Relations {

    private final UserServiceGrpc.UserServiceFutureStub users;
    private final CachedRelations cache;

    public UserRelations(UserServiceGrpc.UserServiceFutureStub users, RelationshipVersions versions, long cacheSize) {
        this.users = users;
        this.cache = new CachedRelations(versions, cacheSize);
    }

    @Override
    public Supplier<Relation> relationLater(UUID viewer, UUID other) {
        // Read before asking: an answer is kept under the versions that were current when it was asked for.
        Optional<List<String>> versions = cache.versions(viewer, other);
        Optional<Relation> cached = versions.flatMap(current -> cache.get(viewer, other, current));
        if (cached.isPresent()) {
            Relation relation = cached.get();
            return () -> relation;
        }
        ListenableFuture<Relationship> pending = users.getRelationship(request(viewer, other));
        return () -> {
            Relation relation = relation(GrpcCalls.await(UserDirectory.SERVICE, pending));
            versions.ifPresent(askedUnder -> cache.put(viewer, other, askedUnder, relation));
            return relation;
        };
    }

    /** Asked in parallel, one call per other user. */
    @Override
    public Map<UUID, Relation> relations(UUID viewer, Collection<UUID> others) {
        Map<UUID, ListenableFuture<Relationship>> pending = new LinkedHashMap<>();
        for (UUID other : others) {
            pending.put(other, users.getRelationship(request(viewer, other)));
        }
        Map<UUID, Relation> relations = new HashMap<>();
        for (Map.Entry<UUID, ListenableFuture<Relationship>> entry : pending.entrySet()) {
            relations.put(entry.getKey(), relation(GrpcCalls.await(UserDirectory.SERVICE, entry.getValue())));
        }
        return relations;
    }

    private static GetRelationshipRequest request(UUID viewer, UUID other) {
        return GetRelationshipRequest.newBuilder().setUserId(viewer.toString()).setOtherUserId(other.toString())
                .build();
    }

    private static Relation relation(Relationship relationship) {
        return new Relation(relationship.getFollowing(), relationship.getBlocking(), relationship.getBlockedBy());
    }
}
