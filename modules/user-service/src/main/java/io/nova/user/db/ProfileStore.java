package io.nova.user.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for profiles: reads by id, name and prefix, and edits. Every method runs on the caller's handle. */
public final class ProfileStore {

    private static final String COLUMNS = """
            id, username, email, display_name, bio, avatar_media_id, private_account, followers_count,
            following_count, created_at, updated_at""";

    /** In the same round trip as the profile: whether its owner blocks the viewer. */
    private static final String BLOCKS_VIEWER = ", EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = u.id"
            + " AND b.blocked_id = :viewer) AS blocks_viewer FROM users u";

    /** A profile as found for a viewer, and whether its owner blocks them: whether they see it is core's rule. */
    public record Sighting(ProfileRow profile, boolean blocksViewer) {
    }

    /** Where a search page ends: the last item's lower-cased username and id. */
    public record SearchPosition(String username, UUID id) {
    }

    public Optional<ProfileRow> find(Handle handle, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> profile(rs)).findOne();
    }

    /** The profile of {@code id}, for {@code viewer}; empty when it does not exist. */
    public Optional<Sighting> findSeenBy(Handle handle, UUID id, UUID viewer) {
        return handle.createQuery("SELECT " + COLUMNS + BLOCKS_VIEWER + " WHERE id = :id")
                .bind("id", id).bind("viewer", viewer).map((rs, ctx) -> sighting(rs)).findOne();
    }

    /** By username (case-insensitive), for {@code viewer}. */
    public Optional<Sighting> findSeenByUsername(Handle handle, String username, UUID viewer) {
        return handle.createQuery("SELECT " + COLUMNS + BLOCKS_VIEWER + " WHERE lower(username) = lower(:username)")
                .bind("username", username).bind("viewer", viewer).map((rs, ctx) -> sighting(rs)).findOne();
    }

    /** Whether the account is private; empty when there is no such user. */
    public Optional<Boolean> privateAccount(Handle handle, UUID id) {
        return handle.createQuery("SELECT private_account FROM users WHERE id = :id")
                .bind("id", id).mapTo(Boolean.class).findOne();
    }

    public boolean exists(Handle handle, UUID id) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
                .bind("id", id).mapTo(Boolean.class).one();
    }

    public Optional<ProfileRow> findByUsername(Handle handle, String username) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE lower(username) = lower(:username)")
                .bind("username", username).map((rs, ctx) -> profile(rs)).findOne();
    }

    /** The rows of those ids that exist, in no particular order. */
    public List<ProfileRow> findAll(Handle handle, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).map((rs, ctx) -> profile(rs)).list();
    }

    /** Applies the change and returns the row as it is now; empty when the user does not exist. */
    public Optional<ProfileRow> update(Handle handle, UUID id, ProfileChange change) {
        StringBuilder set = new StringBuilder("updated_at = now()");
        if (change.displayName() != null) {
            set.append(", display_name = :displayName");
        }
        if (change.bio() != null) {
            set.append(", bio = :bio");
        }
        if (change.avatarMediaId() != null) {
            set.append(", avatar_media_id = CAST(:avatar AS uuid)");
        }
        if (change.privateAccount() != null) {
            set.append(", private_account = :private");
        }
        Update update = handle.createUpdate("UPDATE users SET " + set + " WHERE id = :id").bind("id", id);
        if (change.displayName() != null) {
            update.bind("displayName", change.displayName());
        }
        if (change.bio() != null) {
            update.bind("bio", change.bio());
        }
        if (change.avatarMediaId() != null) {
            update.bind("avatar", change.avatarMediaId().orElse(null));
        }
        if (change.privateAccount() != null) {
            update.bind("private", change.privateAccount());
        }
        return update.execute() == 0 ? Optional.empty() : find(handle, id);
    }

    /**
     * Users whose username or display name starts with {@code prefix} (case-insensitive), ordered by username,
     * after {@code after}; users who block the viewer, or whom the viewer blocks, are left out.
     */
    public List<ProfileRow> searchByPrefix(Handle handle, String prefix, UUID viewer, Optional<SearchPosition> after,
                                           int limit) {
        String pattern = escapeLike(prefix.toLowerCase(java.util.Locale.ROOT)) + "%";
        return handle.createQuery("SELECT " + COLUMNS + """
                         FROM users u
                        WHERE (lower(u.username) LIKE :pattern OR lower(u.display_name) LIKE :pattern)
                          AND (CAST(:afterName AS text) IS NULL OR (lower(u.username), u.id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
                          AND NOT EXISTS (SELECT 1 FROM blocks b
                                           WHERE (b.blocker_id = u.id AND b.blocked_id = :viewer)
                                              OR (b.blocker_id = :viewer AND b.blocked_id = u.id))
                        ORDER BY lower(u.username), u.id
                        LIMIT :limit""")
                .bind("pattern", pattern)
                .bind("afterName", after.map(SearchPosition::username).orElse(null))
                .bind("afterId", after.map(SearchPosition::id).orElse(null))
                .bind("viewer", viewer)
                .bind("limit", limit)
                .map((rs, ctx) -> profile(rs))
                .list();
    }

    /** LIKE treats % and _ as wildcards and \ as the escape: a search for "a_b" means those three characters. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static ProfileRow profile(ResultSet rs) throws SQLException {
        return new ProfileRow(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
                rs.getString("display_name"), rs.getString("bio"), rs.getObject("avatar_media_id", UUID.class),
                rs.getBoolean("private_account"), rs.getLong("followers_count"), rs.getLong("following_count"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Sighting sighting(ResultSet rs) throws SQLException {
        return new Sighting(profile(rs), rs.getBoolean("blocks_viewer"));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
