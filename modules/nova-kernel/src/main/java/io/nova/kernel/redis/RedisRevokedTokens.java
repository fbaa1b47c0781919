package io.nova.kernel.redis;

import io.nova.kernel.auth.RevokedTokens;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.time.Instant;

/** Revoked access-token ids, each kept in Redis only until verifiers would refuse the token anyway. */
public final class RedisRevokedTokens implements RevokedTokens {

    private static final String PREFIX = "nova:revoked-token:";

    private final RedissonClient redis;
    private final Duration clockSkew;

    /** @param clockSkew how long past {@code exp} verifiers still accept a token; the revocation lasts as long */
    public RedisRevokedTokens(RedissonClient redis, Duration clockSkew) {
        this.redis = redis;
        this.clockSkew = clockSkew;
    }

    public void revoke(String tokenId, Instant expiresAt) {
        Duration remaining = Duration.between(Instant.now(), expiresAt.plus(clockSkew));
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.getBucket(PREFIX + tokenId).set("1", remaining);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return redis.getBucket(PREFIX + tokenId).isExists();
    }
}
