package io.nova.clients;

import com.google.common.util.concurrent.ListenableFuture;
import io.nova.contracts.RelationshipVersions;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.proto.user.v1.GetRelationshipRequest;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserServiceGrpc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How users relate (follows, blocks), from user-service's {@code GetRelationship}, for every service that decides
 * by it. Single answers are cached only while both users' relationship versions are unchanged, so a block takes
 * effect at once ({@link RelationshipCache}). A service's clients package adapts the answers to the types its
 * core owns.
 */
public final class Relationships {

    /** The peer's name in errors and logs ({@code GrpcCalls}). */
    public static final String SERVICE = "user-service";

    private final UserServiceGrpc.UserServiceFutureStub users;
    private final RelationshipCache cache;

    public Relationships(UserServiceGrpc.UserServiceFutureStub users, RelationshipVersions versions, long cacheSize) {
        this.users = users;
        this.cache = new RelationshipCache(versions, cacheSize);
    }

    /**
     * How {@code other} relates to {@code viewer}, asked now and answered when called: the caller does its own
     * work (a query) while the answer travels. A peer that fails is a 503 when the answer is taken.
     */
    public Supplier<Relationship> later(UUID viewer, UUID other) {
        // Read before asking: an answer is kept under the versions that were current when it was asked for.
        Optional<List<String>> versions = cache.versions(viewer, other);
        Optional<Relationship> cached = versions.flatMap(current -> cache.get(viewer, other, current));
        if (cached.isPresent()) {
            Relationship relationship = cached.get();
            return () -> relationship;
        }
        ListenableFuture<Relationship> pending = users.getRelationship(request(viewer, other));
        return () -> {
            Relationship relationship = GrpcCalls.await(SERVICE, pending);
            versions.ifPresent(askedUnder -> cache.put(viewer, other, askedUnder, relationship));
            return relationship;
        };
    }

    /**
     * How each viewer relates to each of their others, looked up together for a batch of work: every user's
     * version read in one Redis round trip, the pairs cached under those versions taken from the cache, the rest
     * asked of user-service all at once (and cached). The answers are the ones a request starting now would get.
     * Best effort: a pair whose call failed is left out, and its caller asks again with {@link #later}.
     */
    public Map<UUID, Map<UUID, Relationship>> glance(Map<UUID, ? extends Collection<UUID>> othersByViewer) {
        Set<UUID> everyone = new HashSet<>(othersByViewer.keySet());
        othersByViewer.values().forEach(everyone::addAll);
        Optional<Map<UUID, String>> versions = cache.versions(everyone);
        Map<UUID, Map<UUID, Relationship>> found = new HashMap<>();
        Map<UUID, Map<UUID, ListenableFuture<Relationship>>> asked = new HashMap<>();
        othersByViewer.forEach((viewer, others) -> others.forEach(other -> {
            Optional<List<String>> pair = versions.map(all -> List.of(all.get(viewer), all.get(other)));
            Optional<Relationship> cached = pair.flatMap(current -> cache.get(viewer, other, current));
            if (cached.isPresent()) {
                found.computeIfAbsent(viewer, v -> new HashMap<>()).put(other, cached.get());
            } else {
                asked.computeIfAbsent(viewer, v -> new HashMap<>())
                        .put(other, users.getRelationship(request(viewer, other)));
            }
        }));
        asked.forEach((viewer, pending) -> pending.forEach((other, answer) -> {
            try {
                Relationship relationship = GrpcCalls.await(SERVICE, answer);
                versions.ifPresent(all -> cache.put(viewer, other, List.of(all.get(viewer), all.get(other)),
                        relationship));
                found.computeIfAbsent(viewer, v -> new HashMap<>()).put(other, relationship);
            } catch (RuntimeException e) {
                // Left out: the caller's own ask meets the failure itself and reports it where it matters.
            }
        }));
        return found;
    }

    /** The viewer's relation to each of {@code others}, asked in parallel, one call per other user. */
    public Map<UUID, Relationship> of(UUID viewer, Collection<UUID> others) {
        Map<UUID, ListenableFuture<Relationship>> pending = new LinkedHashMap<>();
        for (UUID other : others) {
            pending.put(other, users.getRelationship(request(viewer, other)));
        }
        Map<UUID, Relationship> relationships = new HashMap<>();
        for (Map.Entry<UUID, ListenableFuture<Relationship>> entry : pending.entrySet()) {
            relationships.put(entry.getKey(), GrpcCalls.await(SERVICE, entry.getValue()));
        }
        return relationships;
    }

    private static GetRelationshipRequest request(UUID viewer, UUID other) {
        return GetRelationshipRequest.newBuilder().setUserId(viewer.toString()).setOtherUserId(other.toString())
                .build();
    }
}
