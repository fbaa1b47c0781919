package io.nova.kernel.redis;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finishes an idempotency record that a request could not finish itself because Redis did not answer: replaces the
 * request's own pending marker — only that one, compared by value — with its outcome (the kept response, or nothing
 * so a retry runs again), retrying in the background until Redis answers or the marker would have expired anyway.
 *
 * <p>Without it a 5 s Redis stall left keys "in use" (409) for the marker's whole lifetime: a SET NX that timed out
 * in the client still ran when Redis woke up, and the request that sent it had already answered 503.
 */
final class KeySettler {

    private static final Logger LOG = LoggerFactory.getLogger(KeySettler.class);
    private static final long RETRY_MILLIS = 500;
    /** Replace KEYS[1] when it still holds ARGV[1]: by ARGV[2] for ARGV[3] ms, or delete it when ARGV[2] is empty. */
    private static final String SETTLE = """
            if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
            if ARGV[2] == '' then redis.call('del', KEYS[1])
            else redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
            return 1""";

    private final RedissonClient redis;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "idempotency-key-settler");
        t.setDaemon(true);
        return t;
    });

    KeySettler(RedissonClient redis) {
        this.redis = redis;
    }

    /**
     * Replaces {@code pending} at {@code key} by {@code outcome} (null: deletes it), now if Redis answers, else in
     * the background until {@code giveUpAfter} has passed (by then the marker has expired by itself).
     */
    void settle(String key, String pending, String outcome, Duration retention, Duration giveUpAfter) {
        if (!trySettle(key, pending, outcome, retention)) {
            settleLater(key, pending, outcome, retention, giveUpAfter);
        }
    }

    /** As {@link #settle}, but only in the background: Redis has just failed to answer, and the caller waits. */
    void settleLater(String key, String pending, String outcome, Duration retention, Duration giveUpAfter) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        retries.schedule(() -> retry(key, pending, outcome, retention, deadline), RETRY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void retry(String key, String pending, String outcome, Duration retention, long deadline) {
        if (trySettle(key, pending, outcome, retention) || System.nanoTime() > deadline) {
            return;
        }
        retries.schedule(() -> retry(key, pending, outcome, retention, deadline), RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** True once done (or found moot: the marker is not ours any more); false when Redis did not answer. */
    boolean trySettle(String key, String pending, String outcome, Duration retention) {
        try {
            redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, SETTLE, RScript.ReturnType.LONG,
                    List.of(key), pending, outcome == null ? "" : outcome, Long.toString(retention.toMillis()));
            return true;
        } catch (RedisException e) {
            LOG.debug("idempotency key {} not settled yet: {}", key, e.toString());
            return false;
        }
    }
}
