package io.nova.user.core.feed;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.UUID;

/**
 * Which followed authors a feed merges at read time ({@link FeedRules#fansOut}: those too widely followed to be
 * pushed) depends on each author's follower count, so a reader may keep that list only until some author crosses
 * the threshold. A crossing draws a new {@code <prefix>wide-epoch} token in Redis; readers keep their lists under
 * the token they read before asking the database, and a list kept under another token is asked again.
 *
 * <p>The graph calls {@link #crossed} after its change commits and before it answers, as it does for relationship
 * versions, so a post written after a follow that made its author wide is merged on the next read.
 */
public final class WideAuthors {

    /** An unread token lives this long; the next read (or crossing) draws a fresh one. */
    static final Duration KEEP = Duration.ofDays(1);

    private final RedissonClient redis;
    private final String epochKey;
    private final int maxFollowers;

    public WideAuthors(RedissonClient redis, String prefix, int maxFollowers) {
        this.redis = redis;
        this.epochKey = prefix + "wide-epoch";
        this.maxFollowers = maxFollowers;
    }

    /** Whether moving a follower count by {@code delta} to {@code followersNow} crosses the fan-out threshold. */
    public boolean crosses(long followersNow, int delta) {
        return FeedRules.crossesFanOut(followersNow, delta, maxFollowers);
    }

    /** Some author crossed the threshold: every kept list is stale from now on. */
    public void crossed() {
        redis.getBucket(epochKey, StringCodec.INSTANCE).set(UUID.randomUUID().toString(), KEEP);
    }

    /** The Redis key of the token, for the timeline read that takes it in the same script. */
    String epochKey() {
        return epochKey;
    }

    int maxFollowers() {
        return maxFollowers;
    }
}
