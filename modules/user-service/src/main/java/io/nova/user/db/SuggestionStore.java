package io.nova.user.db;

import io.nova.kernel.db.SqlLimit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who to follow, from the follow table alone. Two lists, read one after the other: friends of friends (people
 * followed by people the viewer follows), ranked by how many of the viewer's follows follow them, then by followers;
 * then the most-followed public accounts that are not among them. Neither ever holds the viewer, someone the viewer
 * follows or has asked to follow, or someone blocked by or blocking the viewer.
 */
public final class SuggestionStore {

    /** A suggested account: {@code mutual} of the viewer's follows follow it (0 in the second list). */
    public record Suggestion(UUID userId, long mutual, long followers) {
    }

    private static final String NOT_EXCLUDED = """
              AND NOT EXISTS (SELECT 1 FROM follows x WHERE x.follower_id = :viewer AND x.followee_id = %1$s)
              AND NOT EXISTS (SELECT 1 FROM follow_requests r WHERE r.requester_id = :viewer AND r.target_id = %1$s)
              AND NOT EXISTS (SELECT 1 FROM blocks b
                              WHERE (b.blocker_id = :viewer AND b.blocked_id = %1$s)
                                 OR (b.blocker_id = %1$s AND b.blocked_id = :viewer))
            """;

    /** Friends of friends, best first, strictly after {@code after} in (mutual, followers, id) order. */
    public List<Suggestion> friendsOfFriends(Handle handle, UUID viewer, Optional<Suggestion> after, int limit) {
        Query query = handle.createQuery("""
                        SELECT f2.followee_id AS user_id, count(*) AS mutual, u.followers_count AS followers
                        FROM follows f1
                        JOIN follows f2 ON f2.follower_id = f1.followee_id
                        JOIN users u ON u.id = f2.followee_id
                        WHERE f1.follower_id = :viewer AND f2.followee_id <> :viewer
                        """ + NOT_EXCLUDED.formatted("f2.followee_id") + """
                        GROUP BY f2.followee_id, u.followers_count
                        """ + (after.isPresent()
                        ? "HAVING (count(*), u.followers_count, f2.followee_id) < (:mutual, :followers, :id)\n" : "")
                        + "ORDER BY mutual DESC, followers DESC, user_id DESC" + SqlLimit.of(limit))
                .bind("viewer", viewer);
        after.ifPresent(a -> query.bind("mutual", a.mutual()).bind("followers", a.followers()).bind("id", a.userId()));
        return query.map((rs, ctx) -> new Suggestion(rs.getObject("user_id", UUID.class), rs.getLong("mutual"),
                rs.getLong("followers"))).list();
    }

    /**
     * Public accounts by followers, most first, strictly after {@code after} in (followers, id) order, leaving out
     * the friends of friends (they are in the first list).
     */
    public List<Suggestion> popular(Handle handle, UUID viewer, Optional<Suggestion> after, int limit) {
        Query query = handle.createQuery("""
                        SELECT u.id AS user_id, u.followers_count AS followers
                        FROM users u
                        WHERE NOT u.private_account AND u.id <> :viewer
                        """ + NOT_EXCLUDED.formatted("u.id") + """
                          AND NOT EXISTS (SELECT 1 FROM follows f1 JOIN follows f2 ON f2.follower_id = f1.followee_id
                                          WHERE f1.follower_id = :viewer AND f2.followee_id = u.id)
                        """ + (after.isPresent() ? "  AND (u.followers_count, u.id) < (:followers, :id)\n" : "")
                        + "ORDER BY u.followers_count DESC, u.id DESC" + SqlLimit.of(limit))
                .bind("viewer", viewer);
        after.ifPresent(a -> query.bind("followers", a.followers()).bind("id", a.userId()));
        return query.map((rs, ctx) -> new Suggestion(rs.getObject("user_id", UUID.class), 0,
                rs.getLong("followers"))).list();
    }
}
