package io.nova.kernel.redis;

import io.nova.kernel.auth.RevokedTokens;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.time.Instant;

/** Revoked access-token ids, each kept in Redis only until the token would have expired anyway. */
public final class RedisRevokedTokens implements RevokedTokens {

    private static final String PREFIX = "nova:revoked-token:";

    private final RedissonClient redis;

    public RedisRevokedTokens(RedissonClient redis) {
        this.redis = redis;
    }

    public void revoke(String tokenId, Instant expiresAt) {
        Duration remaining = Duration.between(Instant.now(), expiresAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.getBucket(PREFIX + tokenId).set("1", remaining);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return redis.getBucket(PREFIX + tokenId).isExists();
    }
}
