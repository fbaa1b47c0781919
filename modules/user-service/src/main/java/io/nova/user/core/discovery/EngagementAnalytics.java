package io.nova.user.core.discovery;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The analytics store engagement is copied to (ClickHouse, when CLICKHOUSE_URL is set): an append-only log of likes,
 * unlikes, comments and deleted comments, deduplicated by event id, and the queries run over it there.
 */
public interface EngagementAnalytics {

    /** One engagement event: {@code delta} +1 for a like or comment, −1 for an unlike or a deleted comment. */
    record Engagement(String eventId, String type, String postId, String actorId, String postAuthorId, int delta,
                      Instant occurredAt) {
    }

    /** A post's net engagement on one UTC day. */
    record DailyTop(String postId, long likes, long comments, long engagement) {
    }

    /** Appends the batch; a retry of the same events leaves each counted once. Throws when it was not stored. */
    void record(List<Engagement> batch) throws IOException, InterruptedException;

    /** The posts with the most net likes + comments on {@code day} (UTC), most first, at most {@code limit}. */
    List<DailyTop> topPosts(LocalDate day, int limit) throws IOException, InterruptedException;
}
