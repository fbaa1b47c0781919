package io.nova.kernel.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nova.kernel.auth.RevokedTokens;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.BaseStatusListener;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Revoked access-token ids, each kept in Redis only until verifiers would refuse the token anyway.
 *
 * <p>Every request checks its token, so asking Redis each time cost a round trip per request. A verifier keeps
 * the answers it got instead, and each revocation is also published on a channel every verifier listens to, which
 * turns a kept "not revoked" into "revoked" within milliseconds. Kept answers live at most {@link #KEEP_ANSWERS}:
 * that bounds the one case the channel cannot cover — a revocation published while this verifier's subscription
 * was down. They are also all dropped when the subscription is (re)established and when Redis fails a lookup.
 */
public final class RedisRevokedTokens implements RevokedTokens {

    private static final String PREFIX = "nova:revoked-token:";
    static final String CHANNEL = "nova:revoked-tokens";
    static final Duration KEEP_ANSWERS = Duration.ofSeconds(30);
    /** About one per token in use within {@link #KEEP_ANSWERS}; ~100 bytes each. */
    private static final int MAX_ANSWERS = 50_000;

    private final RedissonClient redis;
    private final Duration clockSkew;
    private final RTopic revocations;
    private final Cache<String, Boolean> answers = Caffeine.newBuilder()
            .maximumSize(MAX_ANSWERS)
            .expireAfterWrite(KEEP_ANSWERS)
            .build();

    /** Answers are kept only while revocations are heard; until then every lookup asks Redis. */
    private volatile boolean listening;
    private final AtomicBoolean subscribing = new AtomicBoolean();

    /** @param clockSkew how long past {@code exp} verifiers still accept a token; the revocation lasts as long */
    public RedisRevokedTokens(RedissonClient redis, Duration clockSkew) {
        this.redis = redis;
        this.clockSkew = clockSkew;
        this.revocations = redis.getTopic(CHANNEL, StringCodec.INSTANCE);
    }

    public void revoke(String tokenId, Instant expiresAt) {
        Duration remaining = Duration.between(Instant.now(), expiresAt.plus(clockSkew));
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.getBucket(PREFIX + tokenId).set("1", remaining);
            answers.put(tokenId, Boolean.TRUE);
            revocations.publish(tokenId);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        Boolean known = answers.getIfPresent(tokenId);
        if (known != null) {
            return known;
        }
        boolean heard = listening;
        if (!heard) {
            listen();
        }
        boolean revoked;
        try {
            revoked = redis.getBucket(PREFIX + tokenId).isExists();
        } catch (RedisException e) {
            answers.invalidateAll();
            throw e;
        }
        if (heard) {
            // Never over a "revoked" that the channel delivered while Redis was answering.
            answers.asMap().putIfAbsent(tokenId, revoked);
        }
        return revoked;
    }

    /** Whether revocations are heard (and answers kept) now. */
    boolean listening() {
        return listening;
    }

    /** Subscribes to the channel (again, after a failed try); lazily, so a service starts without Redis. */
    private void listen() {
        if (!subscribing.compareAndSet(false, true)) {
            return;
        }
        revocations.addListenerAsync(new BaseStatusListener() {
            @Override
            public void onSubscribe(String channel) {
                // Redisson subscribes again after a reconnect; what was published in between was missed.
                answers.invalidateAll();
                listening = true;
            }

            @Override
            public void onUnsubscribe(String channel) {
                listening = false;
                answers.invalidateAll();
            }
        });
        revocations.addListenerAsync(String.class, (channel, tokenId) -> answers.put(tokenId, Boolean.TRUE))
                .whenComplete((id, failure) -> {
                    if (failure == null) {
                        answers.invalidateAll();
                        listening = true;
                    } else {
                        revocations.removeAllListeners();
                        subscribing.set(false);
                    }
                });
    }
}
