package io.nova.content.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SQL for posts, their hashtags and mentions. Every method runs on the caller's handle, inside the caller's
 * transaction. Reads never return soft-deleted posts.
 */
public final class PostStore {

    /** A post's id, time and visibility: what feed backfill needs. */
    public record PostRef(UUID id, Instant createdAt, String visibility) {
    }

    /** A post's id, author, time and visibility. */
    public record AuthorPostRef(UUID id, UUID authorId, Instant createdAt, String visibility) {
    }

    /** Columns of {@link PostRow}; {@code :viewer} decides liked_by_me / bookmarked_by_me. */
    private static final String SELECT = """
            SELECT p.id, p.author_id, p.text, p.media_ids, p.visibility, p.reply_to, p.like_count, p.comment_count,
                   p.created_at, p.edited_at,
                   EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = :viewer) AS liked,
                   EXISTS (SELECT 1 FROM bookmarks b WHERE b.post_id = p.id AND b.user_id = :viewer) AS bookmarked,
                   ARRAY(SELECT h.tag FROM post_hashtags h WHERE h.post_id = p.id ORDER BY h.tag) AS hashtags,
                   ARRAY(SELECT m.username FROM post_mentions m WHERE m.post_id = p.id ORDER BY m.username)
                       AS mentions
              FROM posts p
            """;

    public Instant insert(Handle handle, UUID id, UUID author, String text, List<UUID> mediaIds, String visibility,
                          UUID replyTo) {
        return handle.createQuery("""
                        INSERT INTO posts (id, author_id, text, media_ids, visibility, reply_to)
                        VALUES (:id, :author, :text, CAST(:media AS uuid[]), :visibility, CAST(:replyTo AS uuid))
                        RETURNING created_at""")
                .bind("id", id).bind("author", author).bind("text", text)
                .bind("media", mediaIds.toArray(UUID[]::new)).bind("visibility", visibility)
                .bind("replyTo", replyTo)
                .map((rs, ctx) -> rs.getTimestamp("created_at").toInstant()).one();
    }

    public void replaceHashtags(Handle handle, UUID post, Set<String> tags) {
        handle.createUpdate("DELETE FROM post_hashtags WHERE post_id = :post").bind("post", post).execute();
        if (!tags.isEmpty()) {
            handle.createUpdate("""
                            INSERT INTO post_hashtags (post_id, tag)
                            SELECT :post, t FROM unnest(CAST(:tags AS text[])) AS t ON CONFLICT DO NOTHING""")
                    .bind("post", post).bind("tags", tags.toArray(String[]::new)).execute();
        }
    }

    /** Records the mentions; returns the users not mentioned in this post before (they get a mention event). */
    public List<UUID> addMentions(Handle handle, UUID post, Map<UUID, String> users) {
        List<UUID> added = new ArrayList<>();
        for (Map.Entry<UUID, String> user : users.entrySet()) {
            int inserted = handle.createUpdate("""
                            INSERT INTO post_mentions (post_id, user_id, username) VALUES (:post, :user, :username)
                            ON CONFLICT DO NOTHING""")
                    .bind("post", post).bind("user", user.getKey()).bind("username", user.getValue()).execute();
            if (inserted == 1) {
                added.add(user.getKey());
            }
        }
        return added;
    }

    /** Forgets mentions of users no longer named after an edit. */
    public void keepMentions(Handle handle, UUID post, Collection<UUID> users) {
        handle.createUpdate("DELETE FROM post_mentions WHERE post_id = :post AND NOT (user_id = ANY(:users))")
                .bind("post", post).bind("users", users.toArray(UUID[]::new)).execute();
    }

    public Optional<PostRow> find(Handle handle, UUID id, UUID viewer) {
        return handle.createQuery(SELECT + " WHERE p.id = :id AND p.deleted_at IS NULL")
                .bind("id", id).bind("viewer", viewer)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** The posts of those ids that exist and are not deleted, in no particular order. */
    public List<PostRow> findAll(Handle handle, Collection<UUID> ids, UUID viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(SELECT + " WHERE p.id = ANY(:ids) AND p.deleted_at IS NULL")
                .bind("ids", ids.toArray(UUID[]::new)).bind("viewer", viewer)
                .map((rs, ctx) -> row(rs)).list();
    }

    /** An author's posts, newest first, after {@code after}; followers-only ones only if asked for. */
    public List<PostRow> byAuthor(Handle handle, UUID author, UUID viewer, boolean withFollowersOnly,
                                  Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (p.created_at, p.id) < (:afterAt, :afterId)";
        String audience = withFollowersOnly ? "" : " AND p.visibility = 'public'";
        Query query = handle.createQuery(SELECT + " WHERE p.author_id = :author AND p.deleted_at IS NULL"
                        + audience + keyset + " ORDER BY p.created_at DESC, p.id DESC" + SqlLimit.of(limit))
                .bind("author", author).bind("viewer", viewer);
        after.ifPresent(position -> query.bind("afterAt", Timestamp.from(position.at()))
                .bind("afterId", position.id()));
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** Ids of an author's posts newer than {@code since} (all when null), newest first. */
    public List<PostRef> idsSince(Handle handle, UUID author, Instant since, int limit) {
        return handle.createQuery("""
                        SELECT id, created_at, visibility FROM posts
                         WHERE author_id = :author AND deleted_at IS NULL
                           AND (CAST(:since AS timestamptz) IS NULL OR created_at > CAST(:since AS timestamptz))
                         ORDER BY created_at DESC, id DESC""" + SqlLimit.of(limit))
                .bind("author", author).bind("since", since == null ? null : Timestamp.from(since))
                .map((rs, ctx) -> new PostRef(rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("visibility")))
                .list();
    }

    /**
     * The newest live posts of these authors together, newest first, strictly before {@code before} (none: from
     * the newest). Each author's newest {@code limit} come from the timeline index by themselves (a lateral scan
     * per author), then the union is cut to {@code limit}: the cost follows the authors and the limit, not the
     * authors' numbers of posts.
     */
    public List<AuthorPostRef> recentOfAuthors(Handle handle, Collection<UUID> authors, Optional<Keyset> before,
                                               int limit) {
        if (authors.isEmpty()) {
            return List.of();
        }
        String keyset = before.isEmpty() ? "" : " AND (p.created_at, p.id) < (:beforeAt, :beforeId)";
        Query query = handle.createQuery("SELECT r.id, r.author_id, r.created_at, r.visibility"
                        + " FROM unnest(CAST(:authors AS uuid[])) AS a(id)"
                        + " CROSS JOIN LATERAL (SELECT p.id, p.author_id, p.created_at, p.visibility FROM posts p"
                        + " WHERE p.author_id = a.id AND p.deleted_at IS NULL" + keyset
                        + " ORDER BY p.created_at DESC, p.id DESC" + SqlLimit.of(limit) + ") r"
                        + " ORDER BY r.created_at DESC, r.id DESC" + SqlLimit.of(limit))
                .bind("authors", authors.toArray(UUID[]::new));
        before.ifPresent(position -> query.bind("beforeAt", Timestamp.from(position.at()))
                .bind("beforeId", position.id()));
        return query.map((rs, ctx) -> new AuthorPostRef(rs.getObject("id", UUID.class),
                        rs.getObject("author_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("visibility")))
                .list();
    }

    /** Applies an edit (null: unchanged) and stamps edited_at; returns the edit time. */
    public Instant update(Handle handle, UUID id, String text, String visibility) {
        return handle.createQuery("""
                        UPDATE posts SET text = COALESCE(CAST(:text AS text), text),
                                         visibility = COALESCE(CAST(:visibility AS text), visibility),
                                         edited_at = clock_timestamp()
                         WHERE id = :id AND deleted_at IS NULL
                        RETURNING edited_at""")
                .bind("id", id).bind("text", text).bind("visibility", visibility)
                .map((rs, ctx) -> rs.getTimestamp("edited_at").toInstant()).one();
    }

    /** Soft-deletes; empty when the post was already gone. */
    public Optional<Instant> softDelete(Handle handle, UUID id) {
        return handle.createQuery("""
                        UPDATE posts SET deleted_at = clock_timestamp() WHERE id = :id AND deleted_at IS NULL
                        RETURNING deleted_at""")
                .bind("id", id).map((rs, ctx) -> rs.getTimestamp("deleted_at").toInstant()).findOne();
    }

    /**
     * Locks a live post's row for the rest of the transaction (edits, deletes and counter changes of one post run
     * one after the other); empty when it does not exist or is deleted.
     */
    public Optional<UUID> lockAuthor(Handle handle, UUID id) {
        return handle.createQuery("SELECT author_id FROM posts WHERE id = :id AND deleted_at IS NULL FOR NO KEY UPDATE")
                .bind("id", id).mapTo(UUID.class).findOne();
    }

    public long adjustLikes(Handle handle, UUID id, int delta) {
        return adjust(handle, "like_count", id, delta);
    }

    public long adjustComments(Handle handle, UUID id, int delta) {
        return adjust(handle, "comment_count", id, delta);
    }

    private static long adjust(Handle handle, String column, UUID id, int delta) {
        return handle.createQuery("UPDATE posts SET " + column + " = " + column + " + :delta WHERE id = :id RETURNING "
                        + column)
                .bind("delta", delta).bind("id", id).mapTo(Long.class).one();
    }

    public long likeCount(Handle handle, UUID id) {
        return handle.createQuery("SELECT like_count FROM posts WHERE id = :id").bind("id", id)
                .mapTo(Long.class).one();
    }

    static PostRow row(ResultSet rs) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        return new PostRow(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
                rs.getString("text"), List.of(array(rs.getArray("media_ids"), UUID[].class)),
                rs.getString("visibility"), rs.getObject("reply_to", UUID.class),
                List.of(array(rs.getArray("hashtags"), String[].class)),
                List.of(array(rs.getArray("mentions"), String[].class)),
                rs.getLong("like_count"), rs.getLong("comment_count"), rs.getBoolean("liked"),
                rs.getBoolean("bookmarked"), rs.getTimestamp("created_at").toInstant(),
                edited == null ? null : edited.toInstant());
    }

    private static <T> T[] array(Array array, Class<T[]> type) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.copyOf(values, values.length, type);
    }
}
