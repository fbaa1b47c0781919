package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nova.messaging.realtime.Frames.events;
import static io.nova.messaging.realtime.Frames.numbers;
import static io.nova.messaging.realtime.Frames.range;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resuming against a log that keeps five events per user: within retention everything comes back; beyond it, or
 * from an id the log cannot vouch for, the answer is resync_required — never a silent gap.
 */
class ReplayRetentionTest extends RealtimeServiceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private RedissonClient redis;

    @Override
    protected Map<String, String> realtimeSettings() {
        return Map.of("replayLength", "5");
    }

    @BeforeAll
    void connectRedis() {
        redis = redis();
    }

    @AfterAll
    void disconnectRedis() {
        redis.shutdown();
    }

    @Test
    void aResumeWithinRetentionReplaysTheRest() throws Exception {
        UUID user = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        List<JsonNode> seen = receiveThenDrop(user, conversation, 4);

        raiseAndAwaitLogged(user, conversation, 5, 7);

        SocketClient again = resumedAfter(user, seen.get(3).path("id").asText());
        assertThat(numbers(again.collect(events(), 3, DELIVERY))).isEqualTo(range(5, 7));
        again.expect("resumed");
    }

    @Test
    void aResumeBeyondRetentionIsResyncRequiredThenLiveEventsFlow() throws Exception {
        UUID user = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        List<JsonNode> seen = receiveThenDrop(user, conversation, 3);

        raiseAndAwaitLogged(user, conversation, 4, 12);

        SocketClient again = client(user.toString());
        JsonNode hello = again.open();
        again.resume(seen.get(2).path("id").asText());
        JsonNode resync = again.expect("resync_required");
        assertThat(resync.path("id").isNull()).isTrue();
        assertThat(resync.path("data").path("last_event_id").asText())
                .isEqualTo(hello.path("data").path("last_event_id").asText());

        outbox.raise(conversation, List.of(user), 13, 13);
        assertThat(numbers(again.collect(events(), 1, DELIVERY))).containsExactly(13);

        resumedAfter(user, "0-0").expect("resync_required");
    }

    @Test
    void anIdFromTheFutureIsResyncRequired() throws Exception {
        UUID user = UUID.randomUUID();
        receiveThenDrop(user, UUID.randomUUID(), 1);

        resumedAfter(user, "99999999999999-0").expect("resync_required");
    }

    @Test
    void aLogRedisLostIsResyncRequiredEvenOnceItGrowsAgain() throws Exception {
        UUID user = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        List<JsonNode> seen = receiveThenDrop(user, conversation, 2);
        redis.getKeys().delete(key(user, "log"), key(user, "eids"), key(user, "meta"));

        resumedAfter(user, seen.get(1).path("id").asText()).expect("resync_required");

        raiseAndAwaitLogged(user, conversation, 3, 3);
        resumedAfter(user, seen.get(1).path("id").asText()).expect("resync_required");
    }

    /** A new socket of {@code user} that has asked to resume after {@code id}. */
    private SocketClient resumedAfter(UUID user, String id) throws InterruptedException {
        SocketClient socket = client(user.toString());
        socket.open();
        socket.resume(id);
        return socket;
    }

    /** A socket that receives events 1..count live and then goes away; returns the frames it got. */
    private List<JsonNode> receiveThenDrop(UUID user, UUID conversation, int count) throws Exception {
        SocketClient socket = client(user.toString());
        socket.openFromNow();
        outbox.raise(conversation, List.of(user), 1, count);
        List<JsonNode> seen = socket.collect(events(), count, DELIVERY);
        assertThat(numbers(seen)).isEqualTo(range(1, count));
        socket.closeBlocking();
        return seen;
    }

    /** Raises events while nobody listens and waits until the newest is in the user's log. */
    private void raiseAndAwaitLogged(UUID user, UUID conversation, int from, int to) throws InterruptedException {
        outbox.raise(conversation, List.of(user), from, to);
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (newestLogged(user) != to) {
            assertThat(System.nanoTime()).as("event " + to + " logged in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private int newestLogged(UUID user) {
        String data = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY, """
                        local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
                        if #top == 0 then return '{}' end
                        local fields = top[1][2]
                        for i = 1, #fields, 2 do if fields[i] == 'd' then return fields[i + 1] end end
                        return '{}'""",
                RScript.ReturnType.STRING, List.of(key(user, "log")));
        try {
            return SocketClient.JSON.readTree(data).path("n").asInt(-1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String key(UUID user, String part) {
        return keyPrefix + "{" + user + "}:" + part;
    }
}
