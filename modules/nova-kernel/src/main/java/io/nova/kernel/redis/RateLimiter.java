package io.nova.kernel.redis;

import io.nova.kernel.errors.DomainException;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A fixed-window limit shared by all replicas: at most {@code limit} calls per {@code window} for one subject
 * (a user, an IP, an account). The counter lives in Redis; one atomic script increments it and starts its expiry.
 */
public final class RateLimiter {

    /** Increments the window's counter, setting its expiry on the first call of the window. */
    private static final String INCREMENT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count""";

    /** The state after a call: what the X-RateLimit-* headers say. */
    public record Decision(boolean allowed, long limit, long remaining, long resetEpochSeconds, Duration retryAfter) {

        /** The X-RateLimit-* headers docs/api-conventions.md promises, on successes and 429s alike. */
        public java.util.Map<String, String> headers() {
            return java.util.Map.of("X-RateLimit-Limit", Long.toString(limit),
                    "X-RateLimit-Remaining", Long.toString(remaining),
                    "X-RateLimit-Reset", Long.toString(resetEpochSeconds));
        }

        /** The 429 for a refused call: Retry-After rounded up to whole seconds, and the headers above. */
        public DomainException refusal() {
            return DomainException.tooManyRequests(retryAfter.plusMillis(999)).withHeaders(headers());
        }
    }

    private final RedissonClient redis;
    private final String name;
    private final long limit;
    private final Duration window;
    private final Clock clock;

    public RateLimiter(RedissonClient redis, String name, long limit, Duration window, Clock clock) {
        this.redis = redis;
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public Decision acquire(String subject) {
        long now = clock.millis();
        long windowStart = now - now % window.toMillis();
        long windowEnd = windowStart + window.toMillis();
        String key = "nova:rate:" + name + ":" + subject + ":" + windowStart;
        Long count = redis.getScript(LongCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, INCREMENT,
                RScript.ReturnType.LONG, List.<Object>of(key), window.toMillis());
        long used = count == null ? 0 : count;
        return new Decision(used <= limit, limit, Math.max(0, limit - used), (windowEnd + 999) / 1000,
                Duration.ofMillis(windowEnd - now));
    }

    /** Acquires, or throws the 429 (with Retry-After) the caller should get. */
    public Decision acquireOrThrow(String subject) {
        Decision decision = acquire(subject);
        if (!decision.allowed()) {
            throw decision.refusal();
        }
        return decision;
    }
}
