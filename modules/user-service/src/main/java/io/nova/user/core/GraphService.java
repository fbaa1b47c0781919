package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.contracts.RelationshipVersions;
import io.nova.user.api.FollowView;
import io.nova.user.api.GraphEvents;
import io.nova.user.api.RelationshipView;
import io.nova.user.api.UserProfile;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.nova.user.api.Timestamps.rfc3339;

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

    public GraphService(Jdbi jdbi, ProfileStore profiles, GraphStore graph, Outbox outbox, Avatars avatars,
                        RelationshipVersions versions) {
        this.jdbi = jdbi;
        this.profiles = profiles;
        this.graph = graph;
        this.outbox = outbox;
        this.avatars = avatars;
        this.versions = versions;
    }

    public RelationshipView follow(UUID caller, String id) {
        UUID target = other(caller, id, "cannot_follow_self", "You cannot follow yourself");
        return changed(caller, target, jdbi.inTransaction(handle -> {
            GraphStore.Relation relation = lockExisting(handle, caller, target, id);
            if (relation.blocking()) {
                throw DomainException.unprocessable("blocking_user", "You block this user; unblock them to follow");
            }
            if (relation.blockedBy()) {
                throw DomainException.forbidden("This user does not accept you as a follower");
            }
            if (graph.follow(handle, caller, target)) {
                Instant at = graph.followedAt(handle, caller, target).orElseThrow();
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_FOLLOWED, caller.toString(),
                        new GraphEvents.Followed(caller.toString(), target.toString(), rfc3339(at)));
            }
            return RelationshipView.of(graph.relation(handle, caller, target));
        }));
    }

    public RelationshipView unfollow(UUID caller, String id) {
        UUID target = other(caller, id, "cannot_follow_self", "You cannot unfollow yourself");
        return changed(caller, target, jdbi.inTransaction(handle -> {
            lockExisting(handle, caller, target, id);
            removeEdge(handle, caller, target);
            return RelationshipView.of(graph.relation(handle, caller, target));
        }));
    }

    /** Blocks, and removes the follows between the two in both directions (each with its user.unfollowed). */
    public RelationshipView block(UUID caller, String id) {
        UUID target = other(caller, id, "cannot_block_self", "You cannot block yourself");
        return changed(caller, target, jdbi.inTransaction(handle -> {
            lockExisting(handle, caller, target, id);
            if (graph.block(handle, caller, target)) {
                removeEdge(handle, caller, target);
                removeEdge(handle, target, caller);
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_BLOCKED, caller.toString(),
                        new GraphEvents.Blocked(caller.toString(), target.toString()));
            }
            return RelationshipView.of(graph.relation(handle, caller, target));
        }));
    }

    public RelationshipView unblock(UUID caller, String id) {
        UUID target = other(caller, id, "cannot_block_self", "You cannot unblock yourself");
        return changed(caller, target, jdbi.inTransaction(handle -> {
            lockExisting(handle, caller, target, id);
            if (graph.unblock(handle, caller, target)) {
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_UNBLOCKED, caller.toString(),
                        new GraphEvents.Unblocked(caller.toString(), target.toString()));
            }
            return RelationshipView.of(graph.relation(handle, caller, target));
        }));
    }

    /**
     * Tells the services that cache relations that the pair's may have changed — after the commit, before the
     * caller hears of it — also when nothing changed, so that a retry after a failure here heals.
     */
    private RelationshipView changed(UUID caller, UUID target, RelationshipView now) {
        try {
            versions.changed(caller, target);
        } catch (RedisException e) {
            throw DomainException.unavailable("relationship_caches_not_updated",
                    "The change is saved, but other services could not be told about it yet; repeat the request");
        }
        return now;
    }

    /** {@code GET /relationships?ids=a,b}: the caller's relation to each listed id, in the order given. */
    public List<RelationshipView> relationships(UUID caller, String ids) {
        if (ids == null || ids.isBlank()) {
            throw DomainException.invalid("missing_parameter", "Query parameter ids is required (comma-separated)");
        }
        Set<UUID> parsed = new LinkedHashSet<>();
        for (String part : ids.split(",", -1)) {
            String text = part.strip();
            parsed.add(UserIds.parse(text).orElseThrow(() -> DomainException.invalid("invalid_id",
                    "'" + abbreviate(text) + "' in ids is not a user id")));
        }
        if (parsed.size() > MAX_IDS) {
            throw DomainException.invalid("too_many_ids", "ids may list at most " + MAX_IDS + " users");
        }
        Map<UUID, GraphStore.Relation> relations = jdbi.withHandle(handle -> graph.relations(handle, caller, parsed));
        return parsed.stream().map(id -> RelationshipView.of(relations.get(id))).toList();
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
        List<GraphStore.Edge> list(Handle handle, UUID user, Optional<GraphStore.Edge> after, int limit);
    }

    /**
     * A private account's lists are visible to itself and its followers only; someone who blocks the caller has
     * no lists for them.
     */
    private Page<FollowView> list(UUID caller, String id, PageRequest page, EdgeLister lister) {
        UUID target = UserIds.existingOrNotFound(id);
        Optional<GraphStore.Edge> after = page.cursor().map(EdgeCursors::after);
        record Fetched(Page<GraphStore.Edge> edges, Map<UUID, ProfileRow> users) {
        }
        Fetched fetched = jdbi.withHandle(handle -> {
            ProfileRow owner = profiles.find(handle, target).orElseThrow(() -> DomainException.notFound("User", id));
            if (!target.equals(caller)) {
                GraphStore.Relation relation = graph.relation(handle, caller, target);
                if (relation.blockedBy()) {
                    throw DomainException.notFound("User", id);
                }
                if (owner.privateAccount() && !relation.following()) {
                    throw DomainException.forbidden("This account is private: only its followers see whom it "
                            + "follows and who follows it");
                }
            }
            List<GraphStore.Edge> edges = lister.list(handle, target, after, page.fetchSize());
            Map<UUID, ProfileRow> users = profiles.findAll(handle, edges.stream().map(GraphStore.Edge::userId)
                    .toList()).stream().collect(Collectors.toMap(ProfileRow::id, Function.identity()));
            return new Fetched(Page.from(edges, page, EdgeCursors::of), users);
        });
        // Avatar URLs after the database connection is back in the pool: a slow media-service holds no connection.
        Map<UUID, String> avatarUrls = avatars.urls(fetched.users().values().stream()
                .map(ProfileRow::avatarMediaId).toList());
        List<FollowView> items = new ArrayList<>();
        for (GraphStore.Edge edge : fetched.edges().items()) {
            ProfileRow user = fetched.users().get(edge.userId());
            if (user != null) {
                items.add(new FollowView(UserProfile.of(user, avatarUrls.get(user.avatarMediaId())),
                        rfc3339(edge.createdAt())));
            }
        }
        return new Page<>(items, fetched.edges().nextCursor());
    }

    /** Deletes the edge, and when there was one, tells the world. */
    private void removeEdge(Handle handle, UUID follower, UUID followee) {
        if (graph.unfollow(handle, follower, followee)) {
            outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_UNFOLLOWED, follower.toString(),
                    new GraphEvents.Unfollowed(follower.toString(), followee.toString()));
        }
    }

    /** Locks the pair and returns the caller's relation as it is under the lock; 404 for an unknown target. */
    private GraphStore.Relation lockExisting(Handle handle, UUID caller, UUID target, String asked) {
        if (!profiles.exists(handle, target)) {
            throw DomainException.notFound("User", asked);
        }
        graph.lockPair(handle, caller, target);
        return graph.relation(handle, caller, target);
    }

    private static UUID other(UUID caller, String id, String code, String message) {
        UUID target = UserIds.existingOrNotFound(id);
        if (target.equals(caller)) {
            throw DomainException.unprocessable(code, message);
        }
        return target;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
