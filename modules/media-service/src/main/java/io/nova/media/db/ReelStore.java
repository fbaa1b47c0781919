package io.nova.media.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code reels}; every method runs on the caller's handle. */
public final class ReelStore {

    public void insert(Handle handle, UUID id, UUID mediaId, String creatorId, String caption, String audio) {
        handle.createUpdate("""
                        INSERT INTO reels (id, media_id, creator_id, caption, audio)
                        VALUES (:id, :media, :creator, :caption, :audio)""")
                .bind("id", id).bind("media", mediaId).bind("creator", creatorId).bind("caption", caption)
                .bind("audio", audio).execute();
    }

    public Optional<ReelRow> find(Handle handle, UUID id) {
        return handle.createQuery("SELECT * FROM reels WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> reel(rs)).findOne();
    }

    public Optional<ReelRow> findByMedia(Handle handle, UUID mediaId) {
        return handle.createQuery("SELECT * FROM reels WHERE media_id = :media")
                .bind("media", mediaId).map((rs, ctx) -> reel(rs)).findOne();
    }

    public boolean markPublished(Handle handle, UUID id) {
        return handle.createUpdate("UPDATE reels SET published_at = now() WHERE id = :id AND published_at IS NULL")
                .bind("id", id).execute() == 1;
    }

    public void delete(Handle handle, UUID id) {
        handle.createUpdate("DELETE FROM reels WHERE id = :id").bind("id", id).execute();
    }

    /** The feed: published reels, newest first, after {@code before} (null: from the newest). */
    public List<ReelRow> feed(Handle handle, Keyset before, int limit) {
        return handle.createQuery("""
                        SELECT * FROM reels
                        WHERE published_at IS NOT NULL
                          AND (CAST(:before AS timestamptz) IS NULL
                               OR (published_at, id) < (CAST(:before AS timestamptz), CAST(:beforeId AS uuid)))
                        ORDER BY published_at DESC, id DESC""" + SqlLimit.of(limit))
                .bind("before", before == null ? null : Timestamp.from(before.at()))
                .bind("beforeId", before == null ? null : before.id())
                .map((rs, ctx) -> reel(rs))
                .list();
    }

    private static ReelRow reel(ResultSet rs) throws SQLException {
        return new ReelRow(rs.getObject("id", UUID.class), rs.getObject("media_id", UUID.class),
                rs.getString("creator_id"), rs.getString("caption"), rs.getString("audio"),
                MediaStore.instant(rs, "published_at"), MediaStore.instant(rs, "created_at"));
    }
}
