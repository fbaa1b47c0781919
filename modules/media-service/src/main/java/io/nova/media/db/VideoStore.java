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

/** SQL for {@code videos}; every method runs on the caller's handle. */
public final class VideoStore {

    public void insert(Handle handle, UUID id, UUID mediaId, String creatorId, String title, String description,
                       String visibility) {
        handle.createUpdate("""
                        INSERT INTO videos (id, media_id, creator_id, title, description, visibility)
                        VALUES (:id, :media, :creator, :title, :description, :visibility)""")
                .bind("id", id).bind("media", mediaId).bind("creator", creatorId).bind("title", title)
                .bind("description", description).bind("visibility", visibility)
                .execute();
    }

    public Optional<VideoRow> find(Handle handle, UUID id) {
        return handle.createQuery("SELECT * FROM videos WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> video(rs)).findOne();
    }

    public Optional<VideoRow> findByMedia(Handle handle, UUID mediaId) {
        return handle.createQuery("SELECT * FROM videos WHERE media_id = :media")
                .bind("media", mediaId).map((rs, ctx) -> video(rs)).findOne();
    }

    public void update(Handle handle, UUID id, String title, String description, String visibility) {
        handle.createUpdate("""
                        UPDATE videos SET title = :title, description = :description, visibility = :visibility,
                                          updated_at = now()
                        WHERE id = :id""")
                .bind("id", id).bind("title", title).bind("description", description)
                .bind("visibility", visibility).execute();
    }

    /** Sets published_at once; false when it was already published. */
    public boolean markPublished(Handle handle, UUID id) {
        return handle.createUpdate("UPDATE videos SET published_at = now() WHERE id = :id AND published_at IS NULL")
                .bind("id", id).execute() == 1;
    }

    public void delete(Handle handle, UUID id) {
        handle.createUpdate("DELETE FROM videos WHERE id = :id").bind("id", id).execute();
    }

    /**
     * A creator's videos, newest first, after {@code before} (null: from the newest). Others see public,
     * published ones only; the creator sees all.
     */
    public List<VideoRow> byCreator(Handle handle, String creatorId, boolean everything, Keyset before,
                                    int limit) {
        return handle.createQuery("""
                        SELECT * FROM videos
                        WHERE creator_id = :creator
                          AND (:everything OR (visibility = 'public' AND published_at IS NOT NULL))
                          AND (CAST(:before AS timestamptz) IS NULL
                               OR (created_at, id) < (CAST(:before AS timestamptz), CAST(:beforeId AS uuid)))
                        ORDER BY created_at DESC, id DESC""" + SqlLimit.of(limit))
                .bind("creator", creatorId)
                .bind("everything", everything)
                .bind("before", before == null ? null : Timestamp.from(before.at()))
                .bind("beforeId", before == null ? null : before.id())
                .map((rs, ctx) -> video(rs))
                .list();
    }

    private static VideoRow video(ResultSet rs) throws SQLException {
        return new VideoRow(rs.getObject("id", UUID.class), rs.getObject("media_id", UUID.class),
                rs.getString("creator_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("visibility"), MediaStore.instant(rs, "published_at"),
                MediaStore.instant(rs, "created_at"), MediaStore.instant(rs, "updated_at"));
    }

}
