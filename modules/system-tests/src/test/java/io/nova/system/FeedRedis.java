package io.nova.system;

import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.People;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.net.URI;
import java.util.Collection;

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

    /** Everything in Redis gone, as after a restart without persistence. */
    void flushAll() {
        redis.getKeys().flushall();
    }

    @Override
    public void close() {
        redis.shutdown();
    }
}
