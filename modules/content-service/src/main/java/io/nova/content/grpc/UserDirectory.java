package io.nova.content.grpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.StatusRuntimeException;
import io.nova.content.api.AuthorView;
import io.nova.content.core.Relation;
import io.nova.contracts.RelationshipVersions;
import io.nova.proto.user.v1.GetRelationshipRequest;
import io.nova.proto.user.v1.GetUserSummariesRequest;
import io.nova.proto.user.v1.GetUsersByUsernameRequest;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserServiceGrpc;
import io.nova.proto.user.v1.UserSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * What content-service asks user-service (gRPC): author summaries, batched and cached briefly in-process (names
 * change rarely and every page needs them; a switch to a private account therefore applies within the cache's
 * time to live), relationships (cached only while both users' relationship versions are unchanged, so a block
 * takes effect at once: {@link CachedRelations}), and usernames for @mentions.
 */
public final class UserDirectory {

    static final String SERVICE = "user-service";
    private static final int BATCH = 100;

    private final UserServiceGrpc.UserServiceBlockingStub users;
    private final UserServiceGrpc.UserServiceFutureStub usersAsync;
    private final Cache<UUID, Optional<Author>> authors;
    private final CachedRelations relations;

    public UserDirectory(UserServiceGrpc.UserServiceBlockingStub users, UserServiceGrpc.UserServiceFutureStub usersAsync,
                         Duration cacheTtl, long cacheSize, RelationshipVersions versions, long relationCacheSize) {
        this.users = users;
        this.usersAsync = usersAsync;
        this.authors = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheSize).build();
        this.relations = new CachedRelations(versions, relationCacheSize);
    }

    /** Summaries of those users user-service knows; unknown ids are absent. One call per 100 uncached ids. */
    public Map<UUID, Author> summaries(Collection<UUID> ids) {
        Map<UUID, Author> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Optional<Author> cached = authors.getIfPresent(id);
            if (cached == null) {
                missing.add(id);
            } else {
                cached.ifPresent(author -> found.put(id, author));
            }
        }
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<UUID> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            Map<UUID, Author> answered = new HashMap<>();
            call(() -> users.getUserSummaries(GetUserSummariesRequest.newBuilder()
                    .addAllUserIds(batch.stream().map(UUID::toString).toList()).build()))
                    .getUsersList().forEach(user -> answered.put(UUID.fromString(user.getId()),
                            new Author(view(user), user.getPrivateAccount())));
            for (UUID id : batch) {
                Author author = answered.get(id);
                authors.put(id, Optional.ofNullable(author));
                if (author != null) {
                    found.put(id, author);
                }
            }
        }
        return found;
    }

    /** What posts show of those users user-service knows. */
    public Map<UUID, AuthorView> authors(Collection<UUID> ids) {
        Map<UUID, AuthorView> views = new HashMap<>();
        summaries(ids).forEach((id, author) -> views.put(id, author.view()));
        return views;
    }

    public Optional<Author> author(UUID id) {
        return Optional.ofNullable(summaries(List.of(id)).get(id));
    }

    /** How {@code other} relates to {@code viewer}. */
    public Relation relation(UUID viewer, UUID other) {
        return relationLater(viewer, other).get();
    }

    /**
     * The relation, from the cache when it is still current, else asked now and answered when called: the caller
     * does its own work (a query) while the answer travels.
     */
    public Supplier<Relation> relationLater(UUID viewer, UUID other) {
        // Read before asking: an answer is kept under the versions that were current when it was asked for.
        Optional<List<String>> versions = relations.versions(viewer, other);
        Optional<Relation> cached = versions.flatMap(current -> relations.get(viewer, other, current));
        if (cached.isPresent()) {
            Relation relation = cached.get();
            return () -> relation;
        }
        ListenableFuture<Relationship> pending = usersAsync.getRelationship(request(viewer, other));
        return () -> {
            Relation relation = relation(await(pending));
            versions.ifPresent(askedUnder -> relations.put(viewer, other, askedUnder, relation));
            return relation;
        };
    }

    /** The viewer's relation to each of {@code others}, asked in parallel. */
    public Map<UUID, Relation> relations(UUID viewer, Collection<UUID> others) {
        Map<UUID, ListenableFuture<Relationship>> pending = new LinkedHashMap<>();
        for (UUID other : others) {
            pending.put(other, usersAsync.getRelationship(request(viewer, other)));
        }
        Map<UUID, Relation> relations = new HashMap<>();
        for (Map.Entry<UUID, ListenableFuture<Relationship>> entry : pending.entrySet()) {
            relations.put(entry.getKey(), relation(await(entry.getValue())));
        }
        return relations;
    }

    /** Users by username (case-insensitive): lower-cased name → (id, username as registered). */
    public Map<String, AuthorView> byUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, AuthorView> found = new HashMap<>();
        call(() -> users.getUsersByUsername(GetUsersByUsernameRequest.newBuilder().addAllUsernames(usernames).build()))
                .getUsersList()
                .forEach(user -> found.put(user.getUsername().toLowerCase(Locale.ROOT), view(user)));
        return found;
    }

    private static GetRelationshipRequest request(UUID viewer, UUID other) {
        return GetRelationshipRequest.newBuilder().setUserId(viewer.toString()).setOtherUserId(other.toString())
                .build();
    }

    private static Relation relation(Relationship relationship) {
        return new Relation(relationship.getFollowing(), relationship.getBlocking(), relationship.getBlockedBy());
    }

    private static AuthorView view(UserSummary user) {
        return new AuthorView(user.getId(), user.getUsername(), user.getDisplayName(),
                user.getAvatarUrl().isEmpty() ? null : user.getAvatarUrl());
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw Unavailable.of(SERVICE, e);
        }
    }

    private static <T> T await(ListenableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw Unavailable.of(SERVICE, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Unavailable.of(SERVICE, e);
        }
    }
}
