package io.nova.system;

import io.nova.contracts.OwnPostMarks;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.People;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.net.URI;
import java.util.Collection;
import java.util.UUID;

/**
 * What the feed keeps in the test platform's Redis, read directly (never through GET /feed, which would renew a
 * timeline): the timeline of a user ({@code <prefix>tl:<id>}, members "post:author") and its marker
 * ({@code <prefix>m:<id>}: "ready" once built).
 */
final class FeedRedis implements AutoCloseable {

    private final RedissonClient redis;
    private final String keyPrefix;

    FeedRedis(TestPlatform platform) {
        this.keyPrefix = keyPrefix(platform);
        URI uri = URI.create(platform.redisUri());
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + uri.getHost() + ":" + uri.getPort());
        this.redis = Redisson.create(config);
    }

    /** The feed's key prefix for this test class (its own, the Redis server is shared by the JVM). */
    static String keyPrefix(TestPlatform platform) {
        return platform.redisKeyPrefix() + "feed:";
    }

    Collection<Object> timeline(People.Person user) {
        return redis.getScoredSortedSet(keyPrefix + "tl:" + user.id(), StringCodec.INSTANCE).readAll();
    }

    boolean timelineExists(People.Person user) {
        return redis.getScoredSortedSet(keyPrefix + "tl:" + user.id(), StringCodec.INSTANCE).isExists();
    }

    /** The timeline's marker: "ready", another state while it is built, null when the timeline is not kept. */
    String marker(People.Person user) {
        return redis.<String>getBucket(keyPrefix + "m:" + user.id(), StringCodec.INSTANCE).get();
    }

    /** Takes one post out of a timeline, as if the fan-out had not delivered it yet. */
    void removeFromTimeline(People.Person user, String postId, People.Person author) {
        redis.getScoredSortedSet(keyPrefix + "tl:" + user.id(), StringCodec.INSTANCE).remove(postId + ":" + author.id());
    }

    /** The post id the author's own-post mark names ({@link OwnPostMarks}), null when unmarked. */
    String ownPostMark(People.Person author) {
        return redis.<String>getBucket(OwnPostMarks.key(UUID.fromString(author.id())), StringCodec.INSTANCE).get();
    }

    /** The own-post marks as content-service and the fan-out set and clear them. */
    OwnPostMarks ownPostMarks() {
        return new OwnPostMarks(redis);
    }

    /** Everything in Redis gone, as after a restart without persistence. */
    void flushAll() {
        redis.getKeys().flushall();
    }

    @Override
    public void close() {
        redis.shutdown();
    }
}
