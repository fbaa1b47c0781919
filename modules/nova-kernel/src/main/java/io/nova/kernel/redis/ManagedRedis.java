package io.nova.kernel.redis;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The service's Redisson client. It connects lazily, so a service starts (and reports not-ready) while Redis is
 * away, and it is shut down with the service — Redisson's threads would otherwise keep the JVM alive.
 */
public final class ManagedRedis implements Managed {

    public static final String HEALTH_CHECK = "redis";

    private final RedissonClient client;

    public ManagedRedis(RedisConfig config, String clientName) {
        Config redisson = new Config();
        redisson.setLazyInitialization(true);
        redisson.setCodec(StringCodec.INSTANCE);
        URI uri = URI.create(config.getUrl());
        var server = redisson.useSingleServer()
                .setAddress(uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()))
                .setClientName(clientName)
                .setTimeout((int) config.getTimeout().toMilliseconds())
                .setConnectTimeout((int) config.getTimeout().toMilliseconds())
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(2);
        if (uri.getRawUserInfo() != null) {
            String[] credentials = uri.getRawUserInfo().split(":", 2);
            if (credentials.length == 2) {
                if (!credentials[0].isEmpty()) {
                    server.setUsername(decode(credentials[0]));
                }
                server.setPassword(decode(credentials[1]));
            } else {
                server.setPassword(decode(credentials[0]));
            }
        }
        this.client = Redisson.create(redisson);
    }

    public RedissonClient client() {
        return client;
    }

    public HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            protected Result check() {
                client.getBucket("nova:health").isExists();
                return Result.healthy();
            }
        };
    }

    @Override
    public void stop() {
        client.shutdown();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
