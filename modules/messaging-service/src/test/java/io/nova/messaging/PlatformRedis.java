package io.nova.messaging;

import io.nova.embedded.junit.TestPlatform;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import java.net.URI;

/** A Redis client of a test's own on the test platform's Redis; the test shuts it down. */
public final class PlatformRedis {

    private PlatformRedis() {
    }

    public static RedissonClient client(TestPlatform platform) {
        URI uri = URI.create(platform.redisUri());
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + uri.getHost() + ":" + uri.getPort());
        return Redisson.create(config);
    }
}
