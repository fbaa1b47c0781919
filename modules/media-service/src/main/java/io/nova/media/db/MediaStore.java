package io.nova.media.db;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for {@code media} and {@code media_renditions}; every method runs on the caller's handle (its transaction). */
public final class MediaStore {

    public Optional<Instant> earliestPendingUntil(Handle handle, String ownerId) {
        return handle.createQuery("""
                        SELECT min(pending_until) FROM media
                        WHERE owner_id = :owner AND status = 'pending' AND pending_until > now()""")
                .bind("owner", ownerId)
                .map((rs, ctx) -> instant(rs, 1))
                .findOne();
    }

    /**
     * Inserts a pending upload unless the owner already has {@code maxPending} pending ones not yet past their
     * time; false when the quota is full. Exact under concurrency, in one round trip: see
     * {@code media_insert_pending} (V3, V4), which serializes one owner's creations.
     */
    public boolean insertWithinQuota(Handle handle, UUID id, String ownerId, MediaPurpose purpose, String filename,
                                     String contentType, long sizeBytes, String objectKey, Instant pendingUntil,
                                     int maxPending) {
        return handle.createQuery("""
                        SELECT media_insert_pending(:id, :owner, :purpose, :filename, :type, :size, :key, :until,
                                                    :cap)""")
                .bind("id", id)
                .bind("owner", ownerId)
                .bind("purpose", purpose.wireName())
                .bind("filename", filename)
                .bind("type", contentType)
                .bind("size", sizeBytes)
                .bind("key", objectKey)
                .bind("until", pendingUntil.atOffset(ZoneOffset.UTC))
                .bind("cap", maxPending)
                .mapTo(Boolean.class)
                .one();
    }

    public Optional<MediaRow> find(Handle handle, UUID id) {
        return handle.createQuery("SELECT * FROM media WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> media(rs)).findOne();
    }

    public Optional<MediaRow> lock(Handle handle, UUID id) {
        return handle.createQuery("SELECT * FROM media WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, ctx) -> media(rs)).findOne();
    }

    public List<MediaRow> findAll(Handle handle, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT * FROM media WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).map((rs, ctx) -> media(rs)).list();
    }

    /** pending → processing; false when it was not pending any more (a concurrent completion won). */
    public boolean markVerified(Handle handle, UUID id) {
        return handle.createUpdate("""
                        UPDATE media SET status = 'processing', completed_at = now()
                        WHERE id = :id AND status = 'pending'""")
                .bind("id", id).execute() == 1;
    }

    /** pending → failed with the reason the owner sees; false when it was not pending any more. */
    public boolean rejectPending(Handle handle, UUID id, String reason) {
        return handle.createUpdate("""
                        UPDATE media SET status = 'failed', failure_reason = :reason, completed_at = now()
                        WHERE id = :id AND status = 'pending'""")
                .bind("id", id).bind("reason", reason).execute() == 1;
    }

    /** processing → ready with what processing learned. */
    public boolean markReady(Handle handle, UUID id, Integer width, Integer height, Long durationMs, String note) {
        return handle.createUpdate("""
                        UPDATE media SET status = 'ready', width = :width, height = :height,
                                         duration_ms = :duration, processing_note = :note, processed_at = now()
                        WHERE id = :id AND status = 'processing'""")
                .bind("id", id).bind("width", width).bind("height", height).bind("duration", durationMs)
                .bind("note", note).execute() == 1;
    }

    /** processing → failed. */
    public boolean markFailed(Handle handle, UUID id, String reason) {
        return handle.createUpdate("""
                        UPDATE media SET status = 'failed', failure_reason = :reason, processed_at = now()
                        WHERE id = :id AND status = 'processing'""")
                .bind("id", id).bind("reason", reason).execute() == 1;
    }

    /**
     * Sets the claimant unless another one holds it; true when {@code claimant} holds it afterwards. A new claim
     * records its time; {@code confirmed} says whether its owner is known to exist already (written in this same
     * transaction) or is for the claim sweep to confirm. Claiming again for the same claimant changes nothing.
     */
    public boolean claim(Handle handle, UUID id, String claimant, boolean confirmed) {
        return handle.createUpdate("""
                        UPDATE media SET claimed_by = :claimant,
                            claimed_at = CASE WHEN claimed_by = :claimant THEN claimed_at ELSE now() END,
                            claim_confirmed = CASE WHEN claimed_by = :claimant THEN claim_confirmed
                                                   ELSE :confirmed END
                        WHERE id = :id AND (claimed_by IS NULL OR claimed_by = :claimant)""")
                .bind("id", id).bind("claimant", claimant).bind("confirmed", confirmed).execute() == 1;
    }

    /** Unclaims the media {@code claimant} holds among {@code ids}; returns those it released. */
    public List<UUID> release(Handle handle, Collection<UUID> ids, String claimant) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        UPDATE media SET claimed_by = NULL, claimed_at = NULL, claim_confirmed = false
                        WHERE id = ANY(:ids) AND claimed_by = :claimant
                        RETURNING id""")
                .bind("ids", ids.toArray(UUID[]::new)).bind("claimant", claimant)
                .mapTo(UUID.class).list();
    }

    public void replaceRendition(Handle handle, UUID mediaId, RenditionRow rendition) {
        handle.createUpdate("""
                        INSERT INTO media_renditions (media_id, name, object_key, content_type, width, height,
                                                      size_bytes)
                        VALUES (:media, :name, :key, :type, :width, :height, :size)
                        ON CONFLICT (media_id, name) DO UPDATE SET object_key = EXCLUDED.object_key,
                            content_type = EXCLUDED.content_type, width = EXCLUDED.width,
                            height = EXCLUDED.height, size_bytes = EXCLUDED.size_bytes""")
                .bind("media", mediaId)
                .bind("name", rendition.name())
                .bind("key", rendition.objectKey())
                .bind("type", rendition.contentType())
                .bind("width", rendition.width())
                .bind("height", rendition.height())
                .bind("size", rendition.sizeBytes())
                .execute();
    }

    public List<RenditionRow> renditions(Handle handle, UUID mediaId) {
        return renditions(handle, List.of(mediaId)).getOrDefault(mediaId, List.of());
    }

    /** Renditions by media id, each list in name order. */
    public Map<UUID, List<RenditionRow>> renditions(Handle handle, Collection<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("""
                        SELECT * FROM media_renditions WHERE media_id = ANY(:ids) ORDER BY media_id, name""")
                .bind("ids", mediaIds.toArray(UUID[]::new))
                .map((rs, ctx) -> Map.entry(rs.getObject("media_id", UUID.class), rendition(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Deletes the media row (renditions cascade) and returns every object key it had. */
    public List<String> delete(Handle handle, UUID id) {
        List<String> keys = new java.util.ArrayList<>(handle.createQuery(
                        "SELECT object_key FROM media_renditions WHERE media_id = :id")
                .bind("id", id).mapTo(String.class).list());
        handle.createQuery("DELETE FROM media WHERE id = :id RETURNING object_key")
                .bind("id", id).mapTo(String.class).findOne().ifPresent(keys::add);
        return keys;
    }

    /**
     * Locks up to {@code limit} uploads past their pending time that nothing uses and that never became usable
     * (still pending, or failed), skipping those another replica is sweeping right now.
     */
    public List<MediaRow> lockExpiredUnusable(Handle handle, int limit) {
        return handle.createQuery("""
                        SELECT * FROM media
                        WHERE status IN ('pending', 'failed') AND claimed_by IS NULL AND pending_until <= now()
                        ORDER BY pending_until LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("limit", limit).map((rs, ctx) -> media(rs)).list();
    }

    static MediaRow media(ResultSet rs) throws SQLException {
        return new MediaRow(rs.getObject("id", UUID.class), rs.getString("owner_id"),
                MediaPurpose.parse(rs.getString("purpose")).orElseThrow(), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("object_key"),
                MediaStatus.fromWire(rs.getString("status")), rs.getString("failure_reason"),
                integer(rs, "width"), integer(rs, "height"), (Long) rs.getObject("duration_ms"),
                rs.getString("processing_note"), rs.getString("claimed_by"), instant(rs, "pending_until"),
                instant(rs, "created_at"));
    }

    private static RenditionRow rendition(ResultSet rs) throws SQLException {
        return new RenditionRow(rs.getString("name"), rs.getString("object_key"), rs.getString("content_type"),
                integer(rs, "width"), integer(rs, "height"), rs.getLong("size_bytes"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
