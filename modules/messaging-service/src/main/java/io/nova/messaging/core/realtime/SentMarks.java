package io.nova.messaging.core.realtime;

import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * "A socket sent this message" marks for {@link Presence}: gathered for {@link #GATHERING} and written in one
 * pipelined batch, since a mark per frame would be a Redis round trip per message delivered. Until Redis has
 * answered for a mark, it is also kept here as {@link #unwritten}, so that a socket closing in that window marks
 * those messages in its own LEAVE instead of handing them over as missed (the batch and the LEAVE travel on
 * different connections, so nothing else orders them).
 */
final class SentMarks {

    private static final Logger LOG = LoggerFactory.getLogger(SentMarks.class);

    /**
     * How long "a socket sent it" is remembered for a claim that comes after: the notifications consumer's lag
     * behind the fan-out. A claim later than that makes a notification of a message that was sent (never the
     * opposite).
     */
    static final Duration MEMORY = Duration.ofHours(1);

    /**
     * How long a mark is kept once its claim has come (the claim came first, or found the mark): only a retry of
     * that claim reads it again — the notifications consumer's transaction failed after the claim and runs again,
     * at once. Kept an hour in every case (and for the sender's sockets too), a direct message left two keys for the
     * hour: 7.2 million keys at 1,000 messages/s (docs/benchmarks.md).
     */
    static final Duration AFTER_CLAIM = Duration.ofMinutes(2);

    /** How long marks gather before they go to Redis together. */
    private static final Duration GATHERING = Duration.ofMillis(20);

    /**
     * The message is no longer unseen, and a claim that comes later need not record it. An unseen entry removed
     * means its claim has come already: the mark is then kept for that claim's retries only (ARGV[3] ms). A mark
     * already there (another of the user's sockets sent it) is left as it is.
     */
    private static final String SENT = """
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
            elseif redis.call('EXISTS', KEYS[2]) == 0 then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
            end
            return 1""";

    private final RedissonClient redis;
    /** (user, part) → the user's key, as {@link Presence} names them. */
    private final BiFunction<UUID, String, String> key;
    private final Coalescer<Mark> waiting = new Coalescer<>("presence-sent-marks", GATHERING, this::write);
    /**
     * Per user, the message ids offered whose batch has not completed. Changed only inside {@code compute}, so a
     * set is never dropped from the map while an id is being added to it.
     */
    private final ConcurrentHashMap<UUID, Set<String>> unwritten = new ConcurrentHashMap<>();

    SentMarks(RedissonClient redis, BiFunction<UUID, String, String> key) {
        this.redis = redis;
        this.key = key;
    }

    void offer(UUID user, String messageId) {
        unwritten.compute(user, (who, ids) -> {
            Set<String> out = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            out.add(messageId);
            return out;
        });
        waiting.offer(new Mark(user, messageId));
    }

    /** The user's messages offered whose marks Redis has not acknowledged. */
    List<String> unwritten(UUID user) {
        Set<String> ids = unwritten.get(user);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    private void write(List<Mark> marks) {
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
        String memory = Long.toString(MEMORY.toMillis());
        String afterClaim = Long.toString(AFTER_CLAIM.toMillis());
        for (Mark mark : marks) {
            script.evalAsync(RScript.Mode.READ_WRITE, SENT, RScript.ReturnType.LONG,
                    List.of(key.apply(mark.user(), "unseen"), key.apply(mark.user(), "sent:" + mark.messageId())),
                    mark.messageId(), memory, afterClaim);
        }
        batch.executeAsync().whenComplete((done, failure) -> {
            // Written or given up: either way no longer ours to write.
            marks.forEach(this::settled);
            if (failure != null) {
                LOG.debug("{} sent mark(s) not written: {}", marks.size(), failure.toString());
            }
        });
    }

    private void settled(Mark mark) {
        unwritten.computeIfPresent(mark.user(), (who, ids) -> {
            ids.remove(mark.messageId());
            return ids.isEmpty() ? null : ids;
        });
    }

    private record Mark(UUID user, String messageId) {
    }
}
