package io.nova.user.db;

import io.nova.kernel.db.SqlLimit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Trending posts and hashtags, read from what {@link DiscoveryStore} keeps. The score is the formula of
 * {@code core.discovery.TrendingRules}, computed as of a fixed moment: every contribution is rounded to whole
 * millionths before the sum, so the same moment always gives the same integer and a keyset cursor of
 * (score, post id) pages it without duplicates or gaps.
 */
public final class TrendingStore {

    /** A ranked post: its score in millionths as of the ranking's moment. */
    public record ScoredPost(UUID postId, long score) {
    }

    /** How often a hashtag was used by live public posts within the window. */
    public record TagCount(String tag, long posts) {
    }

    /** The ranking's parameters, as {@code TrendingRules} defines them. */
    public record Scoring(double likeWeight, double commentWeight, double halfLifeSeconds, Instant windowStart,
                          int minEngagement) {
    }

    /**
     * Public posts of public accounts, ranked by score as of {@code asOf}, best first, strictly after
     * {@code after} (score, id); never the viewer's own, nor those of someone the viewer blocked or who blocked
     * the viewer.
     */
    public List<ScoredPost> rank(Handle handle, UUID viewer, Instant asOf, Scoring scoring,
                                 Optional<ScoredPost> after, int limit) {
        Query query = handle.createQuery("""
                        WITH scored AS (
                            SELECT e.post_id,
                                   sum(round(CASE e.kind WHEN 'like' THEN :likeWeight ELSE :commentWeight END
                                             * power(2.0::float8, -extract(epoch FROM (:asOf - e.at))::float8
                                                                  / :halfLife)
                                             * 1000000)::bigint) AS score
                            FROM discovery_engagements e
                            WHERE e.at > :windowStart AND e.at <= :asOf
                              AND (e.removed_at IS NULL OR e.removed_at > :asOf)
                            GROUP BY e.post_id
                            HAVING count(*) >= :minEngagement
                        )
                        SELECT s.post_id, s.score
                        FROM scored s
                        JOIN discovery_posts p ON p.post_id = s.post_id
                        JOIN users u ON u.id = p.author_id
                        WHERE NOT p.deleted AND p.visibility = 'public' AND NOT u.private_account
                          AND p.author_id <> :viewer
                          AND NOT EXISTS (SELECT 1 FROM blocks b
                                          WHERE (b.blocker_id = :viewer AND b.blocked_id = p.author_id)
                                             OR (b.blocker_id = p.author_id AND b.blocked_id = :viewer))
                        """ + (after.isPresent() ? "  AND (s.score, s.post_id) < (:afterScore, :afterId)\n" : "")
                        + "ORDER BY s.score DESC, s.post_id DESC" + SqlLimit.of(limit))
                .bind("viewer", viewer)
                .bind("asOf", asOf)
                .bind("windowStart", scoring.windowStart())
                .bind("likeWeight", scoring.likeWeight())
                .bind("commentWeight", scoring.commentWeight())
                .bind("halfLife", scoring.halfLifeSeconds())
                .bind("minEngagement", scoring.minEngagement());
        after.ifPresent(a -> query.bind("afterScore", a.score()).bind("afterId", a.postId()));
        return query.map((rs, ctx) -> new ScoredPost(rs.getObject("post_id", UUID.class), rs.getLong("score")))
                .list();
    }

    /**
     * Hashtags of live public posts created after {@code since}, by how many such posts used them, then by name;
     * at most {@code limit}.
     */
    public List<TagCount> tags(Handle handle, Instant since, int limit) {
        return handle.createQuery("""
                        SELECT t.tag, count(*) AS posts
                        FROM discovery_post_tags t
                        JOIN discovery_posts p ON p.post_id = t.post_id
                        WHERE t.created_at > :since AND NOT p.deleted AND p.visibility = 'public'
                        GROUP BY t.tag
                        ORDER BY posts DESC, t.tag""" + SqlLimit.of(limit))
                .bind("since", since)
                .map((rs, ctx) -> new TagCount(rs.getString("tag"), rs.getLong("posts")))
                .list();
    }
}
