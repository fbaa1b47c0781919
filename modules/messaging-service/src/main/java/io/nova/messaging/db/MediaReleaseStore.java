package io.nova.messaging.db;

import io.nova.kernel.db.SqlLimit;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.UUID;

/** SQL for media still to be given back to media-service (one row per claimant, e.g. {@code message:<id>}). */
public final class MediaReleaseStore {

    public record Pending(String claimant, List<UUID> mediaIds) {
    }

    public void add(Handle handle, String claimant, List<UUID> mediaIds) {
        handle.createUpdate("""
                        INSERT INTO media_releases (claimant, media_ids) VALUES (:claimant, CAST(:media AS uuid[]))
                        ON CONFLICT (claimant) DO NOTHING""")
                .bind("claimant", claimant).bind("media", mediaIds.toArray(UUID[]::new)).execute();
    }

    public void remove(Handle handle, String claimant) {
        handle.createUpdate("DELETE FROM media_releases WHERE claimant = :claimant")
                .bind("claimant", claimant).execute();
    }

    /**
     * The oldest pending releases, locked for this transaction; rows another replica is working on are skipped.
     */
    public List<Pending> claimDue(Handle handle, int limit) {
        return handle.createQuery("SELECT claimant, media_ids FROM media_releases ORDER BY created_at"
                        + SqlLimit.of(limit) + " FOR UPDATE SKIP LOCKED")
                .map((rs, ctx) -> new Pending(rs.getString("claimant"), Rows.uuids(rs.getArray("media_ids"))))
                .list();
    }
}
