package io.nova.user.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for follow requests to private accounts. Every method runs on the caller's handle, inside the caller's
 * transaction; {@link #lockPrivacy} orders a request against its target turning public (which approves what is
 * pending), so no request is left pending on a public account.
 */
public final class FollowRequestStore {

    /** Pending requests between the viewer and another user, from the viewer's side. */
    public record Pending(boolean requested, boolean requestedBy) {
        public static final Pending NONE = new Pending(false, false);
    }

    /**
     * A transaction lock on whether {@code user}'s account is private: shared by a follow (which reads the flag
     * after taking it, in a statement of its own so that it sees a change that committed while it waited), exclusive
     * by a profile edit that changes the flag.
     */
    public void lockPrivacy(Handle handle, UUID user, boolean exclusive) {
        String function = exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared";
        handle.createQuery("SELECT 1 FROM " + function + "(hashtextextended(:key, 0))")
                .bind("key", "privacy:" + user)
                .mapTo(Integer.class).one();
    }

    /** Records the request; true when it is new (a repeat changes nothing, its time included). */
    public boolean request(Handle handle, UUID requester, UUID target) {
        return handle.createUpdate("""
                        INSERT INTO follow_requests (requester_id, target_id) VALUES (:requester, :target)
                        ON CONFLICT DO NOTHING""")
                .bind("requester", requester).bind("target", target).execute() == 1;
    }

    public Optional<Instant> requestedAt(Handle handle, UUID requester, UUID target) {
        return handle.createQuery("""
                        SELECT created_at FROM follow_requests WHERE requester_id = :requester AND target_id = :target""")
                .bind("requester", requester).bind("target", target)
                .map((rs, ctx) -> rs.getTimestamp(1).toInstant()).findOne();
    }

    /** Deletes the request; true when there was one. */
    public boolean remove(Handle handle, UUID requester, UUID target) {
        return handle.createUpdate("DELETE FROM follow_requests WHERE requester_id = :requester AND target_id = :target")
                .bind("requester", requester).bind("target", target).execute() == 1;
    }

    /**
     * Deletes every request waiting for {@code target} and returns who made them, by id. The deleted rows stay locked
     * until the commit, so an answer, a withdrawal or a block of one of them — each of which removes the request
     * before it touches a follow — waits for this transaction and then finds it gone.
     */
    public List<UUID> removeAll(Handle handle, UUID target) {
        return handle.createQuery("DELETE FROM follow_requests WHERE target_id = :target RETURNING requester_id")
                .bind("target", target).mapTo(UUID.class).list().stream().sorted().toList();
    }

    /** Requests waiting for {@code target}, newest first, strictly after {@code after}. */
    public List<Keyset> incoming(Handle handle, UUID target, Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (created_at, requester_id) < (:afterAt, :afterId)";
        var query = handle.createQuery("SELECT requester_id, created_at FROM follow_requests WHERE target_id = :target"
                        + keyset + " ORDER BY created_at DESC, requester_id DESC" + SqlLimit.of(limit))
                .bind("target", target);
        after.ifPresent(edge -> query.bind("afterAt", Timestamp.from(edge.at())).bind("afterId", edge.id()));
        return query.map((rs, ctx) -> new Keyset(rs.getTimestamp("created_at").toInstant(),
                rs.getObject("requester_id", UUID.class))).list();
    }

    /** The requests between the viewer and each of {@code others}; ids without any map to {@link Pending#NONE}. */
    public Map<UUID, Pending> pending(Handle handle, UUID viewer, Collection<UUID> others) {
        Map<UUID, Pending> result = new HashMap<>();
        if (others.isEmpty()) {
            return result;
        }
        handle.createQuery("""
                        SELECT o.id,
                               EXISTS (SELECT 1 FROM follow_requests WHERE requester_id = :viewer AND target_id = o.id),
                               EXISTS (SELECT 1 FROM follow_requests WHERE requester_id = o.id AND target_id = :viewer)
                          FROM unnest(CAST(:others AS uuid[])) AS o(id)""")
                .bind("viewer", viewer)
                .bind("others", new LinkedHashSet<>(others).toArray(UUID[]::new))
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), new Pending(rs.getBoolean(2),
                        rs.getBoolean(3))))
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }
}
