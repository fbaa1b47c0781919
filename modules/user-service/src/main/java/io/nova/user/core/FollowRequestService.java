package io.nova.user.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.user.api.FollowRequestView;
import io.nova.user.api.RelationshipView;
import io.nova.user.db.FollowRequestStore;
import io.nova.user.db.GraphStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Follow requests to a private account, from the account's side: the list waiting for an answer, approve (the
 * request becomes a follow, with the {@code user.followed} every follow has), decline; and all of them approved when
 * the account turns public. Asking, and withdrawing by unfollowing, are {@link GraphService}'s. Every answer runs
 * under the pair's lock, like every other change between two users, and removes the request before it touches a
 * follow (see {@link #approveAll}).
 */
public final class FollowRequestService {

    /** The requesters a profile turning public approved, and whether that crossed the fan-out threshold. */
    record Approved(List<UUID> requesters, boolean crossedFanOut) {
    }

    private final Jdbi jdbi;
    private final FollowRequestStore requests;
    private final GraphStore graph;
    private final GraphWrites writes;
    private final EdgePages pages;

    FollowRequestService(Jdbi jdbi, FollowRequestStore requests, GraphStore graph, GraphWrites writes,
                         EdgePages pages) {
        this.jdbi = jdbi;
        this.requests = requests;
        this.graph = graph;
        this.writes = writes;
        this.pages = pages;
    }

    /** The requests waiting for the caller's answer, newest first. */
    public Page<FollowRequestView> incoming(UUID caller, PageRequest page) {
        Optional<Keyset> after = page.cursor().map(Keyset::of);
        EdgePages.Fetched fetched = jdbi.withHandle(handle ->
                pages.fetch(handle, requests.incoming(handle, caller, after, page.fetchSize()), page));
        return pages.items(fetched, FollowRequestView::new);
    }

    /**
     * Makes the requester a follower. Idempotent: approving someone who already follows answers the relation as it
     * is; 404 {@code follow_request_not_found} when they neither asked nor follow.
     */
    public RelationshipView approve(UUID caller, String requesterId) {
        UUID requester = requester(caller, requesterId);
        return writes.changed(caller, requester, jdbi.inTransaction(handle -> {
            writes.lockExisting(handle, caller, requester, requesterId);
            boolean crossed = false;
            if (writes.removeRequest(handle, requester, caller, GraphWrites.RequestEnd.APPROVED)) {
                crossed = writes.addEdge(handle, requester, caller, true);
            } else if (!graph.relation(handle, caller, requester).followedBy()) {
                // Read after the removal: an account turning public may have approved it while this waited.
                throw DomainException.of(ErrorKind.NOT_FOUND, "follow_request_not_found",
                        "There is no follow request from user " + requesterId);
            }
            return new GraphWrites.Outcome(writes.view(handle, caller, requester), crossed);
        }));
    }

    /** Turns the request down (idempotent: declining what is not pending changes nothing). No follow is removed. */
    public RelationshipView decline(UUID caller, String requesterId) {
        UUID requester = requester(caller, requesterId);
        return writes.changed(caller, requester, jdbi.inTransaction(handle -> {
            writes.lockExisting(handle, caller, requester, requesterId);
            writes.removeRequest(handle, requester, caller, GraphWrites.RequestEnd.DECLINED);
            return new GraphWrites.Outcome(writes.view(handle, caller, requester), false);
        }));
    }

    /**
     * In the transaction of a profile edit that makes {@code user}'s account public, under its exclusive privacy lock
     * (no new request can start) and before the edit writes the account's row: every pending request becomes a
     * follow. No pair locks — an account may have thousands of requests, and each advisory lock takes a slot of
     * PostgreSQL's shared lock table. Instead the requests are deleted first (an answer, a withdrawal or a block of
     * one of them removes the request before it touches a follow, so it waits for this commit and then sees the new
     * edge), then the counters' rows are locked in id order, the order every follow takes its two in.
     */
    Approved approveAll(Handle handle, UUID user) {
        List<UUID> requesters = requests.removeAll(handle, user);
        if (requesters.isEmpty()) {
            return new Approved(List.of(), false);
        }
        List<UUID> rows = new ArrayList<>(requesters);
        rows.add(user);
        graph.lockUsers(handle, rows);
        boolean crossed = false;
        for (UUID requester : requesters) {
            writes.requestRemoved(handle, requester, user, GraphWrites.RequestEnd.APPROVED);
            crossed |= writes.addEdge(handle, requester, user, true);
        }
        return new Approved(requesters, crossed);
    }

    /** After the commit of {@link #approveAll}: the caches of relations, and the feeds' threshold, are told. */
    void approvedAll(UUID user, Approved approved) {
        writes.changed(user, approved.requesters(), approved.crossedFanOut());
    }

    private static UUID requester(UUID caller, String id) {
        UUID requester = Ids.inPath("User", id);
        GraphRules.requireOther(caller, requester, GraphRules.Change.ANSWER);
        return requester;
    }
}
