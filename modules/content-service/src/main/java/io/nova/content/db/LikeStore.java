package io.nova.content.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for likes. The post's like_count moves in the same transaction, only when a row really changed. */
public final class LikeStore {

    /** Inserts the like; the time of the new like, or empty when it was there already. */
    public Optional<Instant> like(Handle handle, UUID post, UUID user) {
        return handle.createQuery("""
                        INSERT INTO likes (post_id, user_id) VALUES (:post, :user)
                        ON CONFLICT DO NOTHING RETURNING created_at""")
                .bind("post", post).bind("user", user)
                .map((rs, ctx) -> rs.getTimestamp("created_at").toInstant()).findOne();
    }

    /** Deletes the like; true when there was one. */
    public boolean unlike(Handle handle, UUID post, UUID user) {
        return handle.createUpdate("DELETE FROM likes WHERE post_id = :post AND user_id = :user")
                .bind("post", post).bind("user", user).execute() == 1;
    }

    /** Who liked a post, newest first, after {@code after}; the position's id is the user's. */
    public List<Keyset> likers(Handle handle, UUID post, Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (created_at, user_id) < (:afterAt, :afterId)";
        Query query = handle.createQuery("SELECT user_id, created_at FROM likes WHERE post_id = :post" + keyset
                        + " ORDER BY created_at DESC, user_id DESC" + SqlLimit.of(limit))
                .bind("post", post);
        after.ifPresent(position -> query.bind("afterAt", Timestamp.from(position.at()))
                .bind("afterId", position.id()));
        return query.map((rs, ctx) -> new Keyset(rs.getTimestamp("created_at").toInstant(),
                rs.getObject("user_id", UUID.class))).list();
    }
}
