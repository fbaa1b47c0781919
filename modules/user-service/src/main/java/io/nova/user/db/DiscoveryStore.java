package io.nova.user.db;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * What the discovery consumer writes: posts with their visibility and hashtags, and the likes and comments that
 * count towards trending. Every method runs on the caller's handle, inside the caller's transaction, and is
 * idempotent: applying the same event twice leaves the same rows.
 */
public final class DiscoveryStore {

    /** A post seen for the first time; false when it is known already (a replay), which then changes nothing. */
    public boolean addPost(Handle handle, UUID post, UUID author, String visibility, Instant createdAt) {
        return handle.createUpdate("""
                        INSERT INTO discovery_posts (post_id, author_id, visibility, created_at, changed_at)
                        VALUES (:post, :author, :visibility, :created, :created)
                        ON CONFLICT (post_id) DO NOTHING""")
                .bind("post", post).bind("author", author).bind("visibility", visibility)
                .bind("created", createdAt)
                .execute() == 1;
    }

    /** A live post's new visibility, if this change is newer than the last one applied; false otherwise. */
    public boolean updatePost(Handle handle, UUID post, String visibility, Instant changedAt) {
        return handle.createUpdate("""
                        UPDATE discovery_posts SET visibility = :visibility, changed_at = :changed
                        WHERE post_id = :post AND NOT deleted AND changed_at < :changed""")
                .bind("post", post).bind("visibility", visibility).bind("changed", changedAt)
                .execute() == 1;
    }

    /**
     * Marks the post deleted, or records it deleted when its post.created was never seen (so that one arriving
     * later cannot make it live), and drops its hashtags.
     */
    public void deletePost(Handle handle, UUID post, UUID author, Instant deletedAt) {
        handle.createUpdate("""
                        INSERT INTO discovery_posts (post_id, author_id, visibility, created_at, changed_at, deleted)
                        VALUES (:post, :author, 'deleted', :at, :at, true)
                        ON CONFLICT (post_id) DO UPDATE SET deleted = true""")
                .bind("post", post).bind("author", author).bind("at", deletedAt)
                .execute();
        handle.createUpdate("DELETE FROM discovery_post_tags WHERE post_id = :post").bind("post", post).execute();
    }

    /** The post's hashtags become exactly {@code tags}, dated with the post's creation time. */
    public void replaceTags(Handle handle, UUID post, Collection<String> tags) {
        handle.createUpdate("DELETE FROM discovery_post_tags WHERE post_id = :post").bind("post", post).execute();
        if (tags.isEmpty()) {
            return;
        }
        handle.createUpdate("""
                        INSERT INTO discovery_post_tags (post_id, tag, created_at)
                        SELECT p.post_id, t.tag, p.created_at
                        FROM discovery_posts p, unnest(:tags) AS t (tag)
                        WHERE p.post_id = :post
                        ON CONFLICT DO NOTHING""")
                .bind("post", post).bind("tags", tags.toArray(String[]::new))
                .execute();
    }

    /** An engagement that counts from {@code at}; nothing when this event added it already. */
    public void addEngagement(Handle handle, UUID eventId, UUID post, String kind, UUID source, Instant at) {
        handle.createUpdate("""
                        INSERT INTO discovery_engagements (event_id, post_id, kind, source_id, at)
                        VALUES (:event, :post, :kind, :source, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .bind("event", eventId).bind("post", post).bind("kind", kind).bind("source", source).bind("at", at)
                .execute();
    }

    /**
     * The standing engagement {@code kind}/{@code source} on the post stops counting at {@code at} (never before
     * it began, whatever the clocks of content-service's replicas say); nothing when none stands — a replay.
     */
    public void removeEngagement(Handle handle, UUID post, String kind, UUID source, Instant at) {
        handle.createUpdate("""
                        UPDATE discovery_engagements SET removed_at = greatest(at, :at)
                        WHERE post_id = :post AND kind = :kind AND source_id = :source AND removed_at IS NULL""")
                .bind("post", post).bind("kind", kind).bind("source", source).bind("at", at)
                .execute();
    }

    /** Engagements made before {@code before}: no ranking window reaches back that far any more. */
    public int pruneEngagements(Handle handle, Instant before) {
        return handle.createUpdate("DELETE FROM discovery_engagements WHERE at < :before")
                .bind("before", before)
                .execute();
    }
}
