package io.nova.messaging.core.realtime;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import io.nova.messaging.PlatformRedis;
import org.redisson.api.RedissonClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One socket's delivery with entries carried by wake-ups, against the real Redis log: an entry that follows the
 * cursor is sent without a read; anything else is read from the log; nothing is sent twice or out of order. The
 * delivery executor runs only when the test says, so the order of reads and carried entries is the test's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class CarriedEventsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private RedissonClient redis;
    private ReplayLog log;
    private Presence presence;

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    private RealtimeMetrics metrics;
    private SocketDelivery delivery;
    private UUID user;

    @BeforeAll
    void connect(TestPlatform platform) {
        redis = PlatformRedis.client(platform);
        log = new ReplayLog(redis, platform.redisKeyPrefix(), 100);
        presence = new Presence(redis, platform.redisKeyPrefix(), Duration.ofSeconds(30), mapper);
    }

    @AfterAll
    void disconnect() {
        redis.shutdown();
    }

    @BeforeEach
    void socket() {
        tasks.clear();
        sent.clear();
        user = UUID.randomUUID();
        metrics = new RealtimeMetrics(new MetricRegistry(), new LocalSockets());
        Executor executor = tasks::add;
        FrameSink sink = new FrameSink() {
            @Override
            public void send(String text, Consumer<Throwable> done) {
                sent.add(text);
                done.accept(null);
            }

            @Override
            public void ping() {
            }

            @Override
            public void close(int code, String reason) {
            }
        };
        RealtimeSettings settings = new RealtimeSettings(Duration.ofSeconds(30), 64, Duration.ofSeconds(10), 50, 100,
                100);
        delivery = new SocketDelivery(user, sink, log, executor, new Frames(mapper), metrics, settings, presence);
    }

    @Test
    void anEntryThatFollowsTheCursorIsSentWithoutARead() throws IOException {
        delivery.resume(EventId.ZERO);
        runTasks();
        long readsAfterResume = metrics.reads.getCount();

        ReplayLog.Appended first = append(1);
        delivery.pushed(first.previous(), first.event());
        ReplayLog.Appended second = append(2);
        delivery.pushed(second.previous(), second.event());
        runTasks();

        assertThat(events()).containsExactly(1, 2);
        assertThat(metrics.reads.getCount()).isEqualTo(readsAfterResume);
        assertThat(metrics.carried.getCount()).isEqualTo(2);
    }

    @Test
    void anEntryThatDoesNotFollowTheCursorIsReadWithWhatItSkippedAndNothingTwice() throws IOException {
        delivery.resume(EventId.ZERO);
        runTasks();
        ReplayLog.Appended first = append(1);
        ReplayLog.Appended second = append(2); // the wake-up of the first was lost

        delivery.pushed(second.previous(), second.event());
        runTasks();
        delivery.pushed(first.previous(), first.event()); // late, and passed already
        delivery.pushed(second.previous(), second.event()); // twice
        runTasks();

        assertThat(events()).containsExactly(1, 2);
        assertThat(metrics.carried.getCount()).isZero();
    }

    @Test
    void aReadQueuedBeforeAnEntryIsCarriedReadsOnFromIt() throws IOException {
        delivery.resume(EventId.ZERO);
        runTasks();
        ReplayLog.Appended first = append(1);
        delivery.requestDrain(); // a heartbeat's read, queued before the entry's wake-up is handled
        delivery.pushed(first.previous(), first.event());
        append(2);
        runTasks(); // the read finds 2 only: 1 was carried

        assertThat(events()).containsExactly(1, 2);
        assertThat(metrics.carried.getCount()).isEqualTo(1);
    }

    @Test
    void nothingIsCarriedBeforeTheClientResumes() throws IOException {
        ReplayLog.Appended first = append(1);
        delivery.pushed(first.previous(), first.event());
        runTasks();
        assertThat(events()).isEmpty();

        delivery.resume(EventId.ZERO);
        runTasks();
        assertThat(events()).containsExactly(1);
    }

    private ReplayLog.Appended append(int n) {
        return log.append(List.of(user), UUID.randomUUID(), "t", "{\"n\":" + n + "}").appended().get(0);
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    /** The {@code n} of every event frame sent, in order. */
    private List<Integer> events() throws IOException {
        List<Integer> numbers = new ArrayList<>();
        for (String text : sent) {
            JsonNode frame = mapper.readTree(text);
            if ("t".equals(frame.path("type").asText())) {
                numbers.add(frame.path("data").path("n").asInt());
            }
        }
        return numbers;
    }
}
