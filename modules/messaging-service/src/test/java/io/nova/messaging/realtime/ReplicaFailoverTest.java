package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.nova.messaging.realtime.Frames.assertWellFormedAndIncreasing;
import static io.nova.messaging.realtime.Frames.events;
import static io.nova.messaging.realtime.Frames.numbers;
import static io.nova.messaging.realtime.Frames.range;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas — this JVM's and a child JVM's — sharing the database, Redis and the fan-out consumer group: an
 * event reaches sockets on both, and when the child is killed while events flow its client resumes here with
 * nothing lost and nothing repeated. A stopped (SIGTERM) replica closes its sockets with 1012.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaFailoverTest extends RealtimeServiceTest {

    private ChildReplica second;

    @BeforeAll
    void startSecondReplica() throws Exception {
        second = startReplica();
    }

    @AfterAll
    void stopSecondReplica() throws InterruptedException {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void anEventReachesSocketsOnBothReplicas() throws Exception {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        SocketClient oneHere = client(one.toString());
        SocketClient oneThere = onSecond(one);
        SocketClient otherThere = onSecond(other);
        for (SocketClient socket : List.of(oneHere, oneThere, otherThere)) {
            socket.openFromNow();
        }

        outbox.raise(UUID.randomUUID(), List.of(one, other), 1, 20);

        // The topic has one partition: one replica's consumer fans out, the other's sockets hear it through Redis.
        for (SocketClient socket : List.of(oneHere, oneThere, otherThere)) {
            List<JsonNode> received = socket.collect(events(), 20, Duration.ofSeconds(20));
            assertThat(numbers(received)).isEqualTo(range(1, 20));
        }
    }

    @Test
    @Order(2)
    void whenAReplicaIsKilledItsClientsResumeOnTheOtherWithNothingLostOrRepeated() throws Exception {
        int total = 150;
        UUID user = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        SocketClient doomed = onSecond(user);
        doomed.openFromNow();
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int n = 1; n <= total; n++) {
                    outbox.raise(conversation, List.of(user), n, n);
                    Thread.sleep(20);
                }
            } catch (Throwable e) {
                writerFailed.set(e);
            }
        }, "event-writer");
        writer.start();

        List<JsonNode> received = new ArrayList<>(doomed.collect(events(), 30, Duration.ofSeconds(20)));
        second.kill();
        doomed.awaitClose(Duration.ofSeconds(10));
        received.addAll(doomed.drainEvents());
        assertThat(received.size()).as("killed while events flowed").isBetween(30, total - 1);

        SocketClient survivor = client(user.toString());
        survivor.open();
        survivor.resume(received.get(received.size() - 1).path("id").asText());
        // If the killed replica held the partition, the group gives it to this one after Kafka's session timeout.
        received.addAll(survivor.collect(events(), total - received.size(), Duration.ofSeconds(120)));
        writer.join();
        assertThat(writerFailed.get()).isNull();

        assertThat(numbers(received)).isEqualTo(range(1, total));
        assertWellFormedAndIncreasing(received);
        survivor.assertQuietFor(Duration.ofSeconds(1));
    }

    @Test
    @Order(3)
    void aReplicaStoppedWithSigtermClosesItsSocketsWith1012() throws Exception {
        try (ChildReplica stopping = startReplica()) {
            SocketClient first = onReplica(stopping, UUID.randomUUID());
            SocketClient secondSocket = onReplica(stopping, UUID.randomUUID());
            first.openFromNow();
            secondSocket.open();

            long begin = System.nanoTime();
            stopping.terminate();

            assertThat(first.awaitClose(Duration.ofSeconds(20))).isEqualTo(1012);
            assertThat(secondSocket.awaitClose(Duration.ofSeconds(5))).isEqualTo(1012);
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
            assertThat(stopping.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(stopping.log()).contains("with 1012");
        }
    }

    private ChildReplica startReplica() throws Exception {
        return ChildReplica.start(platform, Map.of("keyPrefix", keyPrefix, "fanOutConsumer", fanOutConsumer));
    }

    private SocketClient onSecond(UUID user) {
        return onReplica(second, user);
    }

    private SocketClient onReplica(ChildReplica replica, UUID user) {
        return track(SocketClient.withHeader(socketUri(replica.httpPort()), TestIdentity.accessToken(user.toString())));
    }
}
