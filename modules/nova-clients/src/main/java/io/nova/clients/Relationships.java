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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * Asks, all at once, about each pair whose answer is not cached, and caches the answers: a batch of work that
     * will take {@link #later} for these pairs one after another then waits for one round of calls, not one per
     * pair. Best effort: a pair whose call fails is simply asked again by {@code later}.
     */
    public void warm(Map<UUID, ? extends Collection<UUID>> othersByViewer) {
        List<Runnable> keep = new ArrayList<>();
        othersByViewer.forEach((viewer, others) -> others.forEach(other -> {
            Optional<List<String>> versions = cache.versions(viewer, other);
            if (versions.isEmpty() || cache.get(viewer, other, versions.get()).isPresent()) {
                return;
            }
            ListenableFuture<Relationship> pending = users.getRelationship(request(viewer, other));
            keep.add(() -> cache.put(viewer, other, versions.get(), GrpcCalls.await(SERVICE, pending)));
        }));
        for (Runnable answer : keep) {
            try {
                answer.run();
            } catch (RuntimeException e) {
                // Not kept: the later single ask meets the failure itself and reports it where it matters.
            }
        }
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
