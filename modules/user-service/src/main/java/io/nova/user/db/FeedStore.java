package io.nova.user.db;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.UUID;

/** What the home feed reads of the follow graph. */
public final class FeedStore {

    /**
     * The author's follower count as user-service keeps it with every follow and unfollow: the fan-out and the read
     * side's merge ({@link #followingOver}) decide who is too widely followed to push from this same number.
     */
    public long followersCount(Handle handle, UUID author) {
        return handle.createQuery("SELECT followers_count FROM users WHERE id = :author")
                .bind("author", author).mapTo(Long.class).findOne().orElse(0L);
    }

    /** Every follower of {@code author}. */
    public List<UUID> followers(Handle handle, UUID author) {
        return handle.createQuery("SELECT follower_id FROM follows WHERE followee_id = :author")
                .bind("author", author).mapTo(UUID.class).list();
    }

    /** Everyone {@code user} follows. */
    public List<UUID> following(Handle handle, UUID user) {
        return handle.createQuery("SELECT followee_id FROM follows WHERE follower_id = :user")
                .bind("user", user).mapTo(UUID.class).list();
    }

    /** Those {@code user} follows who have more than {@code followers} followers: their posts are not pushed. */
    public List<UUID> followingOver(Handle handle, UUID user, int followers) {
        return handle.createQuery("""
                        SELECT f.followee_id FROM follows f JOIN users u ON u.id = f.followee_id
                         WHERE f.follower_id = :user AND u.followers_count > :followers""")
                .bind("user", user).bind("followers", followers).mapTo(UUID.class).list();
    }

    public boolean follows(Handle handle, UUID follower, UUID followee) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = :follower AND followee_id = :followee)""")
                .bind("follower", follower).bind("followee", followee).mapTo(Boolean.class).one();
    }
}
