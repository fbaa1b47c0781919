package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.messaging.core.realtime.CloseCodes;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static io.nova.messaging.realtime.Frames.assertWellFormedAndIncreasing;
import static io.nova.messaging.realtime.Frames.events;
import static io.nova.messaging.realtime.Frames.numbers;
import static io.nova.messaging.realtime.Frames.range;
import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops reading is shed with 4008 and, resuming, gets every event once and in order. */
class SlowConsumerTest extends RealtimeServiceTest {

    /**
     * 300 frames of 32 KiB: more than the kernel's socket buffers on both ends absorb (the sender's autotunes up to
     * 4 MiB here), so the server's writes really block.
     */
    private static final int EVENTS = 300;

    @Override
    protected Map<String, String> realtimeSettings() {
        // A long heartbeat: the stalled client must be shed for its stalled queue, not for its silence.
        return Map.of("sendQueueFrames", "8", "sendStallTimeout", "1s", "heartbeatInterval", "15s");
    }

    @Test
    void aClientThatStopsReadingIsShedAndResumesWithoutLoss() throws Exception {
        UUID user = UUID.randomUUID();
        SocketClient slow = track(SocketClient.withHeader(socketUri(service.httpPort()),
                TestIdentity.accessToken(user.toString())).withSmallReceiveBuffer());
        slow.openFromNow();
        double shedBefore = metric("io_nova_messaging_realtime_sockets_shed_total");
        CountDownLatch reading = new CountDownLatch(1);
        slow.gate = reading;

        outbox.raise(UUID.randomUUID(), List.of(user), 1, EVENTS, "x".repeat(32 * 1024));

        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (metric("io_nova_messaging_realtime_sockets_shed_total") <= shedBefore) {
                assertThat(System.nanoTime()).as("shed within a minute").isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            reading.countDown();
        }
        assertThat(slow.awaitClose(Duration.ofSeconds(30))).isEqualTo(CloseCodes.TOO_SLOW);
        List<JsonNode> received = new ArrayList<>(slow.drainEvents());
        assertThat(received.size()).as("shed before everything was sent").isLessThan(EVENTS);

        SocketClient again = client(user.toString());
        again.open();
        again.resume(received.get(received.size() - 1).path("id").asText());
        received.addAll(again.collect(events(), EVENTS - received.size(), Duration.ofSeconds(30)));

        // resumed follows the replay: among the events when the log was still growing, else right after them.
        if (again.skipped.isEmpty()) {
            again.expect("resumed");
        } else {
            assertThat(again.skipped).extracting(frame -> frame.path("type").asText()).containsExactly("resumed");
        }
        assertThat(numbers(received)).isEqualTo(range(1, EVENTS));
        assertWellFormedAndIncreasing(received);
    }
}
