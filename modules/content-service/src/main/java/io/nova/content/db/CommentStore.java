package io.nova.content.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for comments. Reads never return soft-deleted comments. */
public final class CommentStore {

    private static final String COLUMNS = "id, post_id, author_id, text, reply_to_comment, created_at";

    public CommentRow insert(Handle handle, UUID id, UUID post, UUID author, String text, UUID replyTo) {
        return handle.createQuery("INSERT INTO comments (id, post_id, author_id, text, reply_to_comment) "
                        + "VALUES (:id, :post, :author, :text, CAST(:replyTo AS uuid)) RETURNING " + COLUMNS)
                .bind("id", id).bind("post", post).bind("author", author).bind("text", text)
                .bind("replyTo", replyTo)
                .map((rs, ctx) -> row(rs)).one();
    }

    public Optional<CommentRow> find(Handle handle, UUID post, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS
                        + " FROM comments WHERE id = :id AND post_id = :post AND deleted_at IS NULL")
                .bind("id", id).bind("post", post).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Soft-deletes; true when the comment was live until now. */
    public boolean softDelete(Handle handle, UUID id) {
        return handle.createUpdate("UPDATE comments SET deleted_at = clock_timestamp() WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).execute() == 1;
    }

    /** A post's comments, oldest first, after {@code after}. */
    public List<CommentRow> list(Handle handle, UUID post, Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (created_at, id) > (:afterAt, :afterId)";
        Query query = handle.createQuery("SELECT " + COLUMNS + " FROM comments WHERE post_id = :post"
                        + " AND deleted_at IS NULL" + keyset + " ORDER BY created_at, id" + SqlLimit.of(limit))
                .bind("post", post);
        after.ifPresent(position -> query.bind("afterAt", Timestamp.from(position.at()))
                .bind("afterId", position.id()));
        return query.map((rs, ctx) -> row(rs)).list();
    }

    private static CommentRow row(ResultSet rs) throws SQLException {
        return new CommentRow(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getObject("author_id", UUID.class), rs.getString("text"),
                rs.getObject("reply_to_comment", UUID.class), rs.getTimestamp("created_at").toInstant());
    }
}
