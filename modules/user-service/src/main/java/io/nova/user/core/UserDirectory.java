package io.nova.user.core;

import io.nova.contracts.UserServiceLimits;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.user.api.RelationshipView;
import io.nova.user.api.UserProfile;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileRow;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the other services ask user-service about users (served over gRPC): who they are, how two relate, who
 * follows someone (for fan-out), whether an id is a user. Service-to-service: no viewer, so no visibility rules.
 */
public final class UserDirectory {

    public static final int MAX_SUMMARIES = 100;
    /** Pairs per {@link #relationships} call (the limit user-service's callers split by). */
    public static final int MAX_PAIRS = UserServiceLimits.MAX_RELATIONSHIP_PAIRS;
    static final int DEFAULT_FOLLOWERS = 500;
    static final int MAX_FOLLOWERS = 1000;

    private final Jdbi jdbi;
    private final ProfileStore profiles;
    private final GraphStore graph;
    private final ProfileService views;

    public UserDirectory(Jdbi jdbi, ProfileStore profiles, GraphStore graph, ProfileService views) {
        this.jdbi = jdbi;
        this.profiles = profiles;
        this.graph = graph;
        this.views = views;
    }

    /** The profiles of those ids that are users (anything else, malformed ids too, is simply absent). */
    public List<UserProfile> byIds(Collection<String> ids) {
        requireAtMost(ids.size(), "too_many_ids", "user ids");
        Set<UUID> parsed = new LinkedHashSet<>();
        ids.forEach(id -> Ids.parse(id).ifPresent(parsed::add));
        return views.views(jdbi.withHandle(handle -> profiles.findAll(handle, parsed)));
    }

    /** The profiles of those usernames that exist (case-insensitive), each once. */
    public List<UserProfile> byUsernames(Collection<String> usernames) {
        requireAtMost(usernames.size(), "too_many_usernames", "usernames");
        Set<String> names = new LinkedHashSet<>();
        usernames.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        List<ProfileRow> rows = jdbi.withHandle(handle -> names.stream()
                .map(name -> profiles.findByUsername(handle, name))
                .flatMap(Optional::stream)
                .toList());
        return views.views(rows);
    }

    /** How {@code userId} relates to {@code otherUserId}, from the first one's side. */
    public RelationshipView relationship(String userId, String otherUserId) {
        UUID user = requiredId(userId, "user_id");
        UUID other = requiredId(otherUserId, "other_user_id");
        return ProfileViews.relationship(jdbi.withHandle(handle -> graph.relation(handle, user, other)));
    }

    /**
     * How each pair's first user relates to its second, in the order given. Every id must be one (a malformed id
     * is the caller's bug, named with its position); at most {@link #MAX_PAIRS}.
     */
    public List<RelationshipView> relationships(List<Map.Entry<String, String>> pairs) {
        if (pairs.size() > MAX_PAIRS) {
            throw DomainException.invalid("too_many_pairs", "at most " + MAX_PAIRS + " pairs per call, got "
                    + pairs.size());
        }
        List<UUID> users = new ArrayList<>(pairs.size());
        List<UUID> others = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            users.add(requiredId(pairs.get(i).getKey(), "pairs[" + i + "].user_id"));
            others.add(requiredId(pairs.get(i).getValue(), "pairs[" + i + "].other_user_id"));
        }
        return jdbi.withHandle(handle -> graph.relationsOfPairs(handle, users, others)).stream()
                .map(ProfileViews::relationship)
                .toList();
    }

    /**
     * A page of who follows {@code userId}, newest first: each follower as its position (id and since when).
     * {@code limit} ≤ 0 means the default; {@code cursor} is empty for the first page.
     */
    public Page<Keyset> followers(String userId, int limit, String cursor) {
        UUID user = requiredId(userId, "user_id");
        int size = limit <= 0 ? DEFAULT_FOLLOWERS : Math.min(limit, MAX_FOLLOWERS);
        Optional<Keyset> after = cursor.isEmpty() ? Optional.empty() : Optional.of(Keyset.of(Cursor.decode(cursor)));
        List<Keyset> edges = jdbi.withHandle(handle -> {
            if (!profiles.exists(handle, user)) {
                throw DomainException.notFound("User", user);
            }
            return graph.followers(handle, user, after, size + 1);
        });
        if (edges.size() <= size) {
            return new Page<>(edges, null);
        }
        return new Page<>(edges.subList(0, size), edges.get(size - 1).cursor().encode());
    }

    /** Whether {@code userId} names a user; anything that is not an id names none. */
    public boolean exists(String userId) {
        Optional<UUID> id = Ids.parse(userId);
        return id.isPresent() && jdbi.withHandle(handle -> profiles.exists(handle, id.get()));
    }

    private static void requireAtMost(int count, String code, String what) {
        if (count > MAX_SUMMARIES) {
            throw DomainException.invalid(code, "at most " + MAX_SUMMARIES + " " + what + " per call, got " + count);
        }
    }

    private static UUID requiredId(String text, String field) {
        return Ids.parse(text).orElseThrow(() -> DomainException.invalid("invalid_id",
                field + " must be a user id, got '" + text + "'", Map.of("field", field)));
    }
}
