package io.nova.user.core;

import io.nova.contracts.EventTypes;
import io.nova.contracts.RelationshipVersions;
import io.nova.contracts.Topics;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.events.Outbox;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.api.FollowView;
import io.nova.user.api.GraphEvents;
import io.nova.user.api.RelationshipView;
import io.nova.user.core.feed.WideAuthors;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileRow;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.redisson.client.RedisException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows and blocks. Every change between two users runs under their pair lock, so repeated and concurrent
 * requests leave one edge and exact counts, and a block never misses a follow racing with it. Blocks are visible
 * to both sides through {@code GET /relationships} (as {@code blocking} / {@code blocked_by}); content of someone
 * who blocks the caller is hidden elsewhere (404).
 */
public final class GraphService {

    public static final int MAX_IDS = 100;

    private final Jdbi jdbi;
    private final ProfileStore profiles;
    private final GraphStore graph;
    private final Outbox outbox;
    private final Avatars avatars;
    private final RelationshipVersions versions;
    private final WideAuthors wideAuthors;

    public GraphService(Jdbi jdbi, ProfileStore profiles, GraphStore graph, Outbox outbox, Avatars avatars,
                        RelationshipVersions versions, WideAuthors wideAuthors) {
        this.jdbi = jdbi;
        this.profiles = profiles;
        this.graph = graph;
        this.outbox = outbox;
        this.avatars = avatars;
        this.versions = versions;
        this.wideAuthors = wideAuthors;
    }

    public RelationshipView follow(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.FOLLOW);
        return changed(caller, target, jdbi.inTransaction(handle -> {
            GraphRules.requireMayFollow(lockExisting(handle, caller, target, id));
            OptionalLong followers = graph.follow(handle, caller, target);
            if (followers.isPresent()) {
                Instant at = graph.followedAt(handle, caller, target).orElseThrow();
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_FOLLOWED, caller.toString(),
                        new GraphEvents.Followed(caller.toString(), target.toString(), at));
            }
            return new Outcome(ProfileViews.relationship(graph.relation(handle, caller, target)),
                    followers.isPresent() && wideAuthors.crosses(followers.getAsLong(), 1));
        }));
    }

    public RelationshipView unfollow(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.UNFOLLOW);
        return changed(caller, target, jdbi.inTransaction(handle -> {
            lockExisting(handle, caller, target, id);
            boolean crossed = removeEdge(handle, caller, target);
            return new Outcome(ProfileViews.relationship(graph.relation(handle, caller, target)), crossed);
        }));
    }

    /** Blocks, and removes the follows between the two in both directions (each with its user.unfollowed). */
    public RelationshipView block(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.BLOCK);
        return changed(caller, target, jdbi.inTransaction(handle -> {
            lockExisting(handle, caller, target, id);
            boolean crossed = false;
            if (graph.block(handle, caller, target)) {
                crossed = removeEdge(handle, caller, target);
                crossed |= removeEdge(handle, target, caller);
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_BLOCKED, caller.toString(),
                        new GraphEvents.Blocked(caller.toString(), target.toString()));
            }
            return new Outcome(ProfileViews.relationship(graph.relation(handle, caller, target)), crossed);
        }));
    }

    public RelationshipView unblock(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.UNBLOCK);
        return changed(caller, target, jdbi.inTransaction(handle -> {
            lockExisting(handle, caller, target, id);
            if (graph.unblock(handle, caller, target)) {
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_UNBLOCKED, caller.toString(),
                        new GraphEvents.Unblocked(caller.toString(), target.toString()));
            }
            return new Outcome(ProfileViews.relationship(graph.relation(handle, caller, target)), false);
        }));
    }

    /** A committed change: the relation it left, and whether it moved someone across the feed's fan-out threshold. */
    private record Outcome(RelationshipView relation, boolean crossedFanOut) {
    }

    /**
     * Tells the services that cache relations that the pair's may have changed — after the commit, before the
     * caller hears of it — also when nothing changed, so that a retry after a failure here heals; and the home feeds,
     * when a follower count crossed the fan-out threshold ({@link WideAuthors}).
     */
    private RelationshipView changed(UUID caller, UUID target, Outcome outcome) {
        try {
            versions.changed(caller, target);
            if (outcome.crossedFanOut()) {
                wideAuthors.crossed();
            }
        } catch (RedisException e) {
            throw DomainException.unavailable("relationship_caches_not_updated",
                    "The change is saved, but other services could not be told about it yet; repeat the request");
        }
        return outcome.relation();
    }

    /** {@code GET /relationships?ids=a,b}: the caller's relation to each listed id, in the order given. */
    public List<RelationshipView> relationships(UUID caller, String ids) {
        if (ids == null || ids.isBlank()) {
            throw DomainException.invalid("missing_parameter", "Query parameter ids is required (comma-separated)");
        }
        Set<UUID> parsed = new LinkedHashSet<>();
        for (String part : ids.split(",", -1)) {
            String text = part.strip();
            parsed.add(Ids.parse(text).orElseThrow(() -> DomainException.invalid("invalid_id",
                    "'" + abbreviate(text) + "' in ids is not a user id")));
        }
        if (parsed.size() > MAX_IDS) {
            throw DomainException.invalid("too_many_ids", "ids may list at most " + MAX_IDS + " users");
        }
        Map<UUID, GraphStore.Relation> relations = jdbi.withHandle(handle -> graph.relations(handle, caller, parsed));
        return parsed.stream().map(id -> ProfileViews.relationship(relations.get(id))).toList();
    }

    public Page<FollowView> followers(UUID caller, String id, PageRequest page) {
        return list(caller, id, page, graph::followers);
    }

    public Page<FollowView> following(UUID caller, String id, PageRequest page) {
        return list(caller, id, page, graph::following);
    }

    /** A lister of edges: (handle, user, after, limit) → edges. */
    @FunctionalInterface
    private interface EdgeLister {
        List<Keyset> list(Handle handle, UUID user, Optional<Keyset> after, int limit);
    }

    /** A user's list as the caller may see it ({@link Audience#requireMaySeeLists}). */
    private Page<FollowView> list(UUID caller, String id, PageRequest page, EdgeLister lister) {
        UUID target = Ids.inPath("User", id);
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        record Fetched(Page<Keyset> edges, Map<UUID, ProfileRow> users) {
        }
        Fetched fetched = jdbi.withHandle(handle -> {
            ProfileRow owner = profiles.find(handle, target).orElseThrow(() -> DomainException.notFound("User", id));
            // One's own lists need no relation: spare the query.
            GraphStore.Relation relation = target.equals(caller)
                    ? GraphStore.Relation.none(target) : graph.relation(handle, caller, target);
            Audience.requireMaySeeLists(caller, target, owner.privateAccount(), relation, id);
            List<Keyset> edges = lister.list(handle, target, after, page.fetchSize());
            Map<UUID, ProfileRow> users = profiles.findAll(handle, edges.stream().map(Keyset::id).toList())
                    .stream().collect(Collectors.toMap(ProfileRow::id, Function.identity()));
            return new Fetched(Page.from(edges, page, Keyset::cursor), users);
        });
        // Avatar URLs after the database connection is back in the pool: a slow media-service holds no connection.
        Map<UUID, String> avatarUrls = avatars.urls(fetched.users().values().stream()
                .map(ProfileRow::avatarMediaId).toList());
        List<FollowView> items = new ArrayList<>();
        for (Keyset edge : fetched.edges().items()) {
            ProfileRow user = fetched.users().get(edge.id());
            if (user != null) {
                items.add(new FollowView(ProfileViews.profile(user, avatarUrls.get(user.avatarMediaId())),
                        edge.at()));
            }
        }
        return new Page<>(items, fetched.edges().nextCursor());
    }

    /** Deletes the edge, and when there was one, tells the world; true when that crossed the fan-out threshold. */
    private boolean removeEdge(Handle handle, UUID follower, UUID followee) {
        OptionalLong followers = graph.unfollow(handle, follower, followee);
        if (followers.isEmpty()) {
            return false;
        }
        outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_UNFOLLOWED, follower.toString(),
                new GraphEvents.Unfollowed(follower.toString(), followee.toString()));
        return wideAuthors.crosses(followers.getAsLong(), -1);
    }

    /** Locks the pair and returns the caller's relation as it is under the lock; 404 for an unknown target. */
    private GraphStore.Relation lockExisting(Handle handle, UUID caller, UUID target, String asked) {
        if (!profiles.exists(handle, target)) {
            throw DomainException.notFound("User", asked);
        }
        graph.lockPair(handle, caller, target);
        return graph.relation(handle, caller, target);
    }

    private static UUID other(UUID caller, String id, GraphRules.Change change) {
        UUID target = Ids.inPath("User", id);
        GraphRules.requireOther(caller, target, change);
        return target;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
