package io.nova.content.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for bookmarks: private to their owner, so no counters and no events. */
public final class BookmarkStore {

    public boolean add(Handle handle, UUID user, UUID post) {
        return handle.createUpdate("INSERT INTO bookmarks (user_id, post_id) VALUES (:user, :post) ON CONFLICT DO NOTHING")
                .bind("user", user).bind("post", post).execute() == 1;
    }

    public boolean remove(Handle handle, UUID user, UUID post) {
        return handle.createUpdate("DELETE FROM bookmarks WHERE user_id = :user AND post_id = :post")
                .bind("user", user).bind("post", post).execute() == 1;
    }

    /** The user's bookmarks of live posts, newest bookmark first; the position's id is the post's. */
    public List<Keyset> list(Handle handle, UUID user, Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (b.created_at, b.post_id) < (:afterAt, :afterId)";
        Query query = handle.createQuery("""
                        SELECT b.post_id, b.created_at FROM bookmarks b JOIN posts p ON p.id = b.post_id
                         WHERE b.user_id = :user AND p.deleted_at IS NULL""" + keyset
                        + " ORDER BY b.created_at DESC, b.post_id DESC" + SqlLimit.of(limit))
                .bind("user", user);
        after.ifPresent(position -> query.bind("afterAt", Timestamp.from(position.at()))
                .bind("afterId", position.id()));
        return query.map((rs, ctx) -> new Keyset(rs.getTimestamp("created_at").toInstant(),
                rs.getObject("post_id", UUID.class))).list();
    }
}
