package io.nova.clients;

import com.google.common.collect.Lists;
import com.google.common.util.concurrent.ListenableFuture;
import io.nova.contracts.RelationshipVersions;
import io.nova.contracts.UserServiceLimits;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.kernel.grpc.GrpcErrors;
import io.nova.proto.user.v1.GetRelationshipRequest;
import io.nova.proto.user.v1.GetRelationshipsRequest;
import io.nova.proto.user.v1.GetRelationshipsResponse;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How users relate (follows, blocks), from user-service's {@code GetRelationship} (one pair) and
 * {@code GetRelationships} (many), for every service that decides by it. Answers are cached only while both users'
 * relationship versions are unchanged, so a block takes effect at once ({@link RelationshipCache}); many pairs cost
 * one Redis round trip and at most one call. A service's clients package adapts the answers to the types its core
 * owns.
 */
public final class Relationships {

    private static final Logger LOG = LoggerFactory.getLogger(Relationships.class);

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
     * How each viewer relates to each of their others, looked up together for a batch of work: see {@link #of}.
     * The answers are the ones a request starting now would get. Best effort: pairs whose call failed are left
     * out, and their caller asks again with {@link #later}.
     */
    public Map<UUID, Map<UUID, Relationship>> glance(Map<UUID, ? extends Collection<UUID>> othersByViewer) {
        return lookUp(othersByViewer, false);
    }

    /**
     * The viewer's relation to each of {@code others}: every user's version read in one Redis round trip, the
     * pairs cached under those versions taken from the cache, the rest asked in one {@code GetRelationships}
     * call (and cached). A peer that fails is a 503.
     */
    public Map<UUID, Relationship> of(UUID viewer, Collection<UUID> others) {
        return lookUp(Map.of(viewer, others), true).getOrDefault(viewer, Map.of());
    }

    private Map<UUID, Map<UUID, Relationship>> lookUp(Map<UUID, ? extends Collection<UUID>> othersByViewer,
                                                      boolean strict) {
        if (othersByViewer.values().stream().allMatch(Collection::isEmpty)) {
            return Map.of(); // no pair: nothing to read, not even the versions
        }
        Set<UUID> everyone = new HashSet<>(othersByViewer.keySet());
        othersByViewer.values().forEach(everyone::addAll);
        Optional<Map<UUID, String>> versions = cache.versions(everyone);
        Map<UUID, Map<UUID, Relationship>> found = new HashMap<>();
        List<GetRelationshipRequest> missing = new ArrayList<>();
        othersByViewer.forEach((viewer, others) -> new LinkedHashSet<>(others).forEach(other -> {
            Optional<Relationship> cached = versions.flatMap(all -> cache.get(viewer, other, pair(all, viewer, other)));
            if (cached.isPresent()) {
                found.computeIfAbsent(viewer, v -> new HashMap<>()).put(other, cached.get());
            } else {
                missing.add(request(viewer, other));
            }
        }));
        // All chunks in flight at once; a chunk's answers are kept under the versions read before it was asked.
        List<List<GetRelationshipRequest>> chunks = Lists.partition(missing, UserServiceLimits.MAX_RELATIONSHIP_PAIRS);
        List<ListenableFuture<GetRelationshipsResponse>> calls = chunks.stream()
                .map(chunk -> users.getRelationships(GetRelationshipsRequest.newBuilder().addAllPairs(chunk).build()))
                .toList();
        for (int i = 0; i < chunks.size(); i++) {
            List<Relationship> answers;
            try {
                answers = GrpcCalls.await(SERVICE, calls.get(i)).getRelationshipsList();
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
                continue; // left out: the caller's own ask meets the failure and reports it where it matters
            }
            List<GetRelationshipRequest> asked = chunks.get(i);
            if (answers.size() != asked.size()) {
                // A peer that breaks the contract is a peer that failed: 503 for the caller, the cause in the log.
                LOG.error("{} answered {} relationships for {} pairs", SERVICE, answers.size(), asked.size());
                if (strict) {
                    throw GrpcErrors.unavailable(SERVICE);
                }
                continue;
            }
            for (int j = 0; j < asked.size(); j++) {
                UUID viewer = UUID.fromString(asked.get(j).getUserId());
                UUID other = UUID.fromString(asked.get(j).getOtherUserId());
                Relationship relationship = answers.get(j);
                versions.ifPresent(all -> cache.put(viewer, other, pair(all, viewer, other), relationship));
                found.computeIfAbsent(viewer, v -> new HashMap<>()).put(other, relationship);
            }
        }
        return found;
    }

    private static List<String> pair(Map<UUID, String> versions, UUID viewer, UUID other) {
        return List.of(versions.get(viewer), versions.get(other));
    }

    private static GetRelationshipRequest request(UUID viewer, UUID other) {
        return GetRelationshipRequest.newBuilder().setUserId(viewer.toString()).setOtherUserId(other.toString())
                .build();
    }
}
