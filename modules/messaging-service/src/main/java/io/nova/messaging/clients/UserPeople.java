package io.nova.messaging.clients;

import com.google.common.util.concurrent.ListenableFuture;
import io.nova.clients.Relationships;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.messaging.core.People;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserExistsRequest;
import io.nova.proto.user.v1.UserExistsResponse;
import io.nova.proto.user.v1.UserServiceGrpc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link People} from user-service (gRPC): {@code UserExists} for each id, asked in parallel, and blocks from its
 * relationships, cached under relationship versions ({@link Relationships}): checking a direct conversation before
 * every message costs a Redis round trip, not a call, and a batch's blocks are looked up together.
 */
public final class UserPeople implements People {

    private final UserServiceGrpc.UserServiceFutureStub users;
    private final Relationships relationships;

    public UserPeople(UserServiceGrpc.UserServiceFutureStub users, Relationships relationships) {
        this.users = users;
        this.relationships = relationships;
    }

    @Override
    public Set<UUID> unknown(Collection<UUID> ids) {
        Map<UUID, ListenableFuture<UserExistsResponse>> pending = new LinkedHashMap<>();
        for (UUID id : ids) {
            pending.put(id, users.userExists(UserExistsRequest.newBuilder().setUserId(id.toString()).build()));
        }
        Set<UUID> unknown = new LinkedHashSet<>();
        pending.forEach((id, answer) -> {
            if (!GrpcCalls.await(Relationships.SERVICE, answer).getExists()) {
                unknown.add(id);
            }
        });
        return unknown;
    }

    @Override
    public Blocks lookAhead(Map<UUID, Set<UUID>> othersByUser) {
        Map<UUID, Map<UUID, Relationship>> found = relationships.glance(othersByUser);
        return (user, other) -> Optional.ofNullable(found.getOrDefault(user, Map.of()).get(other))
                .map(relationship -> relationship.getBlocking() || relationship.getBlockedBy());
    }

    @Override
    public Set<UUID> blockedEitherWay(UUID user, Collection<UUID> others) {
        Map<UUID, Relationship> found = relationships.of(user, others);
        Set<UUID> blocked = new LinkedHashSet<>();
        found.forEach((other, relationship) -> {
            if (relationship.getBlocking() || relationship.getBlockedBy()) {
                blocked.add(other);
            }
        });
        return blocked;
    }
}
