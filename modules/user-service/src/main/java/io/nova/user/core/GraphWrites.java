package io.nova.user.core;

import io.nova.contracts.EventTypes;
import io.nova.contracts.RelationshipVersions;
import io.nova.contracts.Topics;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.events.Outbox;
import io.nova.user.api.GraphEvents;
import io.nova.user.api.RelationshipView;
import io.nova.user.core.feed.WideAuthors;
import io.nova.user.db.FollowRequestStore;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Handle;
import org.redisson.client.RedisException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The steps every change to the graph is made of — follows, blocks and follow requests alike: an edge or a request
 * with its event in the caller's transaction, and after the commit, the word to the services that cache relations.
 * Shared by {@link GraphService}, {@link FollowRequestService} and a profile turning public.
 */
final class GraphWrites {

    /** Why a pending request went away, as {@code user.follow_request_removed} tells it. */
    enum RequestEnd {
        APPROVED("approved"), DECLINED("declined"), WITHDRAWN("withdrawn"), BLOCKED("blocked");

        private final String wire;

        RequestEnd(String wire) {
            this.wire = wire;
        }
    }

    /** A committed change: the relation it left, and whether it moved someone across the feed's fan-out threshold. */
    record Outcome(RelationshipView relation, boolean crossedFanOut) {
    }

    private final ProfileStore profiles;
    private final GraphStore graph;
    private final FollowRequestStore requests;
    private final Outbox outbox;
    private final RelationshipVersions versions;
    private final WideAuthors wideAuthors;

    GraphWrites(ProfileStore profiles, GraphStore graph, FollowRequestStore requests, Outbox outbox,
                RelationshipVersions versions, WideAuthors wideAuthors) {
        this.profiles = profiles;
        this.graph = graph;
        this.requests = requests;
        this.outbox = outbox;
        this.versions = versions;
        this.wideAuthors = wideAuthors;
    }

    /** Locks the pair and returns the caller's relation as it is under the lock; 404 for an unknown target. */
    GraphStore.Relation lockExisting(Handle handle, UUID caller, UUID target, String asked) {
        if (!profiles.exists(handle, target)) {
            throw DomainException.notFound("User", asked);
        }
        return lockPair(handle, caller, target);
    }

    /** Locks the pair of two users known to exist and returns the caller's relation as it is under the lock. */
    GraphStore.Relation lockPair(Handle handle, UUID caller, UUID target) {
        graph.lockPair(handle, caller, target);
        return graph.relation(handle, caller, target);
    }

    /** Inserts the edge, and when it is new, tells the world; true when that crossed the fan-out threshold. */
    boolean addEdge(Handle handle, UUID follower, UUID followee, boolean approvedRequest) {
        OptionalLong followers = graph.follow(handle, follower, followee);
        if (followers.isEmpty()) {
            return false;
        }
        Instant at = graph.followedAt(handle, follower, followee).orElseThrow();
        outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_FOLLOWED, follower.toString(),
                new GraphEvents.Followed(follower.toString(), followee.toString(), at, approvedRequest));
        return wideAuthors.crosses(followers.getAsLong(), 1);
    }

    /** Deletes the edge, and when there was one, tells the world; true when that crossed the fan-out threshold. */
    boolean removeEdge(Handle handle, UUID follower, UUID followee) {
        OptionalLong followers = graph.unfollow(handle, follower, followee);
        if (followers.isEmpty()) {
            return false;
        }
        outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_UNFOLLOWED, follower.toString(),
                new GraphEvents.Unfollowed(follower.toString(), followee.toString()));
        return wideAuthors.crosses(followers.getAsLong(), -1);
    }

    /** Records a request to follow a private account, and when it is new, tells the target (a notification). */
    void addRequest(Handle handle, UUID requester, UUID target) {
        if (requests.request(handle, requester, target)) {
            Instant at = requests.requestedAt(handle, requester, target).orElseThrow();
            outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_FOLLOW_REQUESTED, requester.toString(),
                    new GraphEvents.FollowRequested(requester.toString(), target.toString(), at));
        }
    }

    /** Deletes a pending request, and when there was one, says why (its notification goes with it). */
    boolean removeRequest(Handle handle, UUID requester, UUID target, RequestEnd end) {
        if (!requests.remove(handle, requester, target)) {
            return false;
        }
        requestRemoved(handle, requester, target, end);
        return true;
    }

    /** The event of a request this transaction deleted. */
    void requestRemoved(Handle handle, UUID requester, UUID target, RequestEnd end) {
        outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_FOLLOW_REQUEST_REMOVED, requester.toString(),
                new GraphEvents.FollowRequestRemoved(requester.toString(), target.toString(), end.wire));
    }

    /** The caller's relation to the target as this transaction now sees it, pending requests included. */
    RelationshipView view(Handle handle, UUID caller, UUID target) {
        return ProfileViews.relationship(graph.relation(handle, caller, target),
                requests.pending(handle, caller, List.of(target)).get(target));
    }

    /**
     * Tells the services that cache relations that the pair's may have changed — after the commit, before the
     * caller hears of it — also when nothing changed, so that a retry after a failure here heals; and the home feeds,
     * when a follower count crossed the fan-out threshold ({@link WideAuthors}).
     */
    RelationshipView changed(UUID caller, UUID target, Outcome outcome) {
        changed(caller, List.of(target), outcome.crossedFanOut());
        return outcome.relation();
    }

    /** {@link #changed(UUID, UUID, Outcome)} for every pair of {@code user} and one of {@code others}. */
    void changed(UUID user, Collection<UUID> others, boolean crossedFanOut) {
        try {
            for (UUID other : others) {
                versions.changed(user, other);
            }
            if (crossedFanOut) {
                wideAuthors.crossed();
            }
        } catch (RedisException e) {
            throw DomainException.unavailable("relationship_caches_not_updated",
                    "The change is saved, but other services could not be told about it yet; repeat the request");
        }
    }
}
