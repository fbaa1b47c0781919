package io.nova.user.db;

import io.nova.kernel.api.Ids;
import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * SQL for the social graph: follow edges with their counters, and blocks. Every method runs on the caller's handle,
 * inside the caller's transaction; {@link #lockPair} serializes every change between the same two users.
 */
public final class GraphStore {

    /** How {@code userId} relates to the viewer, from the viewer's side. */
    public record Relation(UUID userId, boolean following, boolean followedBy, boolean blocking, boolean blockedBy) {
        public static Relation none(UUID userId) {
            return new Relation(userId, false, false, false, false);
        }
    }

    /**
     * Takes a transaction lock on the unordered pair: a follow and a block between the same two users run one after
     * the other, so a block can never miss an edge a concurrent follow is inserting.
     */
    public void lockPair(Handle handle, UUID one, UUID other) {
        UUID low = one.compareTo(other) <= 0 ? one : other;
        UUID high = low == one ? other : one;
        handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:pair, 0))")
                .bind("pair", "graph:" + low + ":" + high)
                .mapTo(Integer.class).one();
    }

    /**
     * Locks the rows of these users in id order — the order {@link #follow} and {@link #unfollow} take two of them in
     * — so that a change touching many users' counters at once cannot deadlock with the follows between them. The
     * lock a counter update takes ({@code FOR NO KEY UPDATE}), not {@code FOR UPDATE}: that one would also wait for
     * the key-share locks of foreign-key checks (a block or a follow being inserted).
     */
    public void lockUsers(Handle handle, Collection<UUID> users) {
        handle.createQuery("SELECT id FROM users WHERE id = ANY(:ids) ORDER BY id FOR NO KEY UPDATE")
                .bind("ids", users.toArray(UUID[]::new)).mapTo(UUID.class).list();
    }

    /**
     * Inserts the edge. When it is new, both counters move by one and the followee's follower count after the move
     * is returned (as this transaction wrote it: concurrent follows of one user each see their own step); empty when
     * the edge existed.
     */
    public OptionalLong follow(Handle handle, UUID follower, UUID followee) {
        boolean inserted = handle.createUpdate("""
                        INSERT INTO follows (follower_id, followee_id) VALUES (:follower, :followee)
                        ON CONFLICT DO NOTHING""")
                .bind("follower", follower).bind("followee", followee).execute() == 1;
        return inserted ? OptionalLong.of(adjustCounts(handle, follower, followee, 1)) : OptionalLong.empty();
    }

    /** Deletes the edge; when there was one, both counters move back and the followee's new count is returned. */
    public OptionalLong unfollow(Handle handle, UUID follower, UUID followee) {
        boolean deleted = handle.createUpdate("DELETE FROM follows WHERE follower_id = :follower AND followee_id = :followee")
                .bind("follower", follower).bind("followee", followee).execute() == 1;
        return deleted ? OptionalLong.of(adjustCounts(handle, follower, followee, -1)) : OptionalLong.empty();
    }

    public Optional<Instant> followedAt(Handle handle, UUID follower, UUID followee) {
        return handle.createQuery("SELECT created_at FROM follows WHERE follower_id = :follower AND followee_id = :followee")
                .bind("follower", follower).bind("followee", followee)
                .map((rs, ctx) -> rs.getTimestamp("created_at").toInstant()).findOne();
    }

    public boolean block(Handle handle, UUID blocker, UUID blocked) {
        return handle.createUpdate("""
                        INSERT INTO blocks (blocker_id, blocked_id) VALUES (:blocker, :blocked)
                        ON CONFLICT DO NOTHING""")
                .bind("blocker", blocker).bind("blocked", blocked).execute() == 1;
    }

    public boolean unblock(Handle handle, UUID blocker, UUID blocked) {
        return handle.createUpdate("DELETE FROM blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
                .bind("blocker", blocker).bind("blocked", blocked).execute() == 1;
    }

    /**
     * The viewer's relation to one other user: every timeline page asks this. Scalar parameters only, so
     * PostgreSQL keeps one generic plan for it; {@link #relations}' array makes it plan every call anew.
     */
    public Relation relation(Handle handle, UUID viewer, UUID other) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = :viewer AND followee_id = :other),
                               EXISTS (SELECT 1 FROM follows WHERE follower_id = :other AND followee_id = :viewer),
                               EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :viewer AND blocked_id = :other),
                               EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :other AND blocked_id = :viewer)""")
                .bind("viewer", viewer)
                .bind("other", other)
                .map((rs, ctx) -> new Relation(other, rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .one();
    }

    /** The viewer's relation to each of {@code others}; ids without any relation map to {@link Relation#none}. */
    public Map<UUID, Relation> relations(Handle handle, UUID viewer, Collection<UUID> others) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(others));
        Map<UUID, Relation> result = new HashMap<>();
        relationsOfPairs(handle, Collections.nCopies(distinct.size(), viewer), distinct)
                .forEach(relation -> result.put(relation.userId(), relation));
        return result;
    }

    /**
     * How each {@code users[i]} relates to {@code others[i]}, in the order given: one query for a batch of pairs
     * that may share no user at all (the likes of many users on many posts).
     */
    public List<Relation> relationsOfPairs(Handle handle, List<UUID> users, List<UUID> others) {
        if (users.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        SELECT p.other,
                               EXISTS (SELECT 1 FROM follows WHERE follower_id = p.viewer AND followee_id = p.other),
                               EXISTS (SELECT 1 FROM follows WHERE follower_id = p.other AND followee_id = p.viewer),
                               EXISTS (SELECT 1 FROM blocks WHERE blocker_id = p.viewer AND blocked_id = p.other),
                               EXISTS (SELECT 1 FROM blocks WHERE blocker_id = p.other AND blocked_id = p.viewer)
                          FROM unnest(CAST(:users AS uuid[]), CAST(:others AS uuid[]))
                               WITH ORDINALITY AS p(viewer, other, position)
                         ORDER BY p.position""")
                .bind("users", users.toArray(UUID[]::new))
                .bind("others", others.toArray(UUID[]::new))
                .map((rs, ctx) -> new Relation(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    /** Whether either of the two blocks the other. */
    public boolean blockedEitherWay(Handle handle, UUID one, UUID other) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = :one AND blocked_id = :other)
                                                              OR (blocker_id = :other AND blocked_id = :one))""")
                .bind("one", one).bind("other", other).mapTo(Boolean.class).one();
    }

    /**
     * Who follows {@code user}, newest first, strictly after {@code after}: each edge as its position, the
     * follower's id and when the edge was made.
     */
    public List<Keyset> followers(Handle handle, UUID user, Optional<Keyset> after, int limit) {
        return edges(handle, "followee_id", "follower_id", user, after, limit);
    }

    /** Whom {@code user} follows, newest first, strictly after {@code after}; as {@link #followers}. */
    public List<Keyset> following(Handle handle, UUID user, Optional<Keyset> after, int limit) {
        return edges(handle, "follower_id", "followee_id", user, after, limit);
    }

    private List<Keyset> edges(Handle handle, String ownColumn, String otherColumn, UUID user,
                               Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (created_at, " + otherColumn + ") < (:afterAt, :afterId)";
        var query = handle.createQuery("SELECT " + otherColumn + " AS other, created_at FROM follows WHERE "
                        + ownColumn + " = :user" + keyset + " ORDER BY created_at DESC, " + otherColumn
                        + " DESC" + SqlLimit.of(limit))
                .bind("user", user);
        after.ifPresent(edge -> query.bind("afterAt", Timestamp.from(edge.at())).bind("afterId", edge.id()));
        return query.map((rs, ctx) -> new Keyset(rs.getTimestamp("created_at").toInstant(),
                rs.getObject("other", UUID.class))).list();
    }

    /**
     * Both counters in the order PostgreSQL sorts ids in, so concurrent follows between two users cannot deadlock,
     * nor a follow with {@link #lockUsers} (which locks {@code ORDER BY id}); returns the followee's follower count
     * after the change.
     */
    private static long adjustCounts(Handle handle, UUID follower, UUID followee, int delta) {
        String following = "UPDATE users SET following_count = following_count + :delta WHERE id = :id";
        String followers = """
                UPDATE users SET followers_count = followers_count + :delta WHERE id = :id RETURNING followers_count""";
        if (Ids.DATABASE_ORDER.compare(follower, followee) < 0) {
            handle.createUpdate(following).bind("delta", delta).bind("id", follower).execute();
            return handle.createQuery(followers).bind("delta", delta).bind("id", followee).mapTo(Long.class).one();
        }
        long count = handle.createQuery(followers).bind("delta", delta).bind("id", followee).mapTo(Long.class).one();
        handle.createUpdate(following).bind("delta", delta).bind("id", follower).execute();
        return count;
    }
}
