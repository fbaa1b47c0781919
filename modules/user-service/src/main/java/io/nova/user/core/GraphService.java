package io.nova.user.core;

import io.nova.contracts.EventTypes;
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
import io.nova.user.db.FollowRequestStore;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileRow;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Follows and blocks. Every change between two users runs under their pair lock, so repeated and concurrent
 * requests leave one edge and exact counts, and a block never misses a follow racing with it. Blocks are visible
 * to both sides through {@code GET /relationships} (as {@code blocking} / {@code blocked_by}); content of someone
 * who blocks the caller is hidden elsewhere (404). Following a private account asks first ({@link FollowRequestService}).
 */
public final class GraphService {

    public static final int MAX_IDS = 100;

    private final Jdbi jdbi;
    private final ProfileStore profiles;
    private final GraphStore graph;
    private final FollowRequestStore requests;
    private final Outbox outbox;
    private final GraphWrites writes;
    private final EdgePages pages;

    GraphService(Jdbi jdbi, ProfileStore profiles, GraphStore graph, FollowRequestStore requests, Outbox outbox,
                 GraphWrites writes, EdgePages pages) {
        this.jdbi = jdbi;
        this.profiles = profiles;
        this.graph = graph;
        this.requests = requests;
        this.outbox = outbox;
        this.writes = writes;
        this.pages = pages;
    }

    /**
     * Follows — or, when the target's account is private and the caller does not follow it yet, asks to
     * ({@link FollowRequestService} answers). The privacy lock comes before the pair's, the order a profile turning
     * public takes them in, so a request is never left pending on an account that has just turned public.
     */
    public RelationshipView follow(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.FOLLOW);
        return writes.changed(caller, target, jdbi.inTransaction(handle -> {
            requests.lockPrivacy(handle, target, false);
            // Read after the privacy lock, so it is the flag as it stays until this commits; also the 404 check.
            boolean privateAccount = profiles.privateAccount(handle, target)
                    .orElseThrow(() -> DomainException.notFound("User", id));
            GraphStore.Relation relation = writes.lockPair(handle, caller, target);
            GraphRules.requireMayFollow(relation);
            boolean crossed = false;
            if (GraphRules.needsApproval(relation, privateAccount)) {
                writes.addRequest(handle, caller, target);
            } else {
                crossed = writes.addEdge(handle, caller, target, false);
            }
            return new GraphWrites.Outcome(writes.view(handle, caller, target), crossed);
        }));
    }

    /** Unfollows, and withdraws a request not answered yet. */
    public RelationshipView unfollow(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.UNFOLLOW);
        return writes.changed(caller, target, jdbi.inTransaction(handle -> {
            writes.lockExisting(handle, caller, target, id);
            // The request first: if the account is turning public right now, this waits for that commit and the
            // edge it made is then removed below (see FollowRequestService.approveAll).
            writes.removeRequest(handle, caller, target, GraphWrites.RequestEnd.WITHDRAWN);
            boolean crossed = writes.removeEdge(handle, caller, target);
            return new GraphWrites.Outcome(writes.view(handle, caller, target), crossed);
        }));
    }

    /**
     * Blocks, and removes what connects the two in both directions: the follows (each with its user.unfollowed) and
     * the pending follow requests.
     */
    public RelationshipView block(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.BLOCK);
        return writes.changed(caller, target, jdbi.inTransaction(handle -> {
            writes.lockExisting(handle, caller, target, id);
            boolean crossed = false;
            if (graph.block(handle, caller, target)) {
                // Requests before follows, as in unfollow.
                writes.removeRequest(handle, caller, target, GraphWrites.RequestEnd.BLOCKED);
                writes.removeRequest(handle, target, caller, GraphWrites.RequestEnd.BLOCKED);
                crossed = writes.removeEdge(handle, caller, target);
                crossed |= writes.removeEdge(handle, target, caller);
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_BLOCKED, caller.toString(),
                        new GraphEvents.Blocked(caller.toString(), target.toString()));
            }
            return new GraphWrites.Outcome(writes.view(handle, caller, target), crossed);
        }));
    }

    public RelationshipView unblock(UUID caller, String id) {
        UUID target = other(caller, id, GraphRules.Change.UNBLOCK);
        return writes.changed(caller, target, jdbi.inTransaction(handle -> {
            writes.lockExisting(handle, caller, target, id);
            if (graph.unblock(handle, caller, target)) {
                outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_UNBLOCKED, caller.toString(),
                        new GraphEvents.Unblocked(caller.toString(), target.toString()));
            }
            return new GraphWrites.Outcome(writes.view(handle, caller, target), false);
        }));
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
        record Both(Map<UUID, GraphStore.Relation> relations, Map<UUID, FollowRequestStore.Pending> pending) {
        }
        Both both = jdbi.withHandle(handle -> new Both(graph.relations(handle, caller, parsed),
                requests.pending(handle, caller, parsed)));
        return parsed.stream().map(id -> ProfileViews.relationship(both.relations().get(id),
                both.pending().get(id))).toList();
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
        EdgePages.Fetched fetched = jdbi.withHandle(handle -> {
            ProfileRow owner = profiles.find(handle, target).orElseThrow(() -> DomainException.notFound("User", id));
            // One's own lists need no relation: spare the query.
            GraphStore.Relation relation = target.equals(caller)
                    ? GraphStore.Relation.none(target) : graph.relation(handle, caller, target);
            Audience.requireMaySeeLists(caller, target, owner.privateAccount(), relation, id);
            return pages.fetch(handle, lister.list(handle, target, after, page.fetchSize()), page);
        });
        return pages.items(fetched, FollowView::new);
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
