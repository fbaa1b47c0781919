package io.nova.kernel.events;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.util.Duration;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.db.Migrations;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import io.nova.kernel.PlatformDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbox → relay → Kafka → consumer against the real servers: every event reaches the handler exactly once in
 * effect, in order per aggregate, even when the consumer is stopped in the middle of a batch it never committed.
 */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxToConsumerTest {

    private static final int EVENTS = 60;

    private final ObjectMapper mapper = new ObjectMapper();
    private Jdbi jdbi;
    private String topic;
    private TestPlatform platform;

    @BeforeAll
    void setUp(TestPlatform platform) {
        this.platform = platform;
        PGSimpleDataSource dataSource = PlatformDatabase.dataSource(platform);
        new Migrations(dataSource, "outbox-to-consumer-test").migrate();
        jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> handle.execute(
                "CREATE TABLE handled (event_id UUID NOT NULL, aggregate_id TEXT NOT NULL, seq INT NOT NULL)"));
        topic = platform.topic("events", 3);
    }

    private KafkaConfig kafka() {
        KafkaConfig config = new KafkaConfig();
        config.setBrokers(platform.kafkaBootstrapServers());
        config.setRelayInterval(Duration.milliseconds(50));
        return config;
    }

    @Test
    void everyEventIsHandledOnceAcrossAConsumerRestart() throws Exception {
        Outbox outbox = new Outbox(mapper);
        for (int i = 0; i < EVENTS / 3; i++) {
            int seq = i;
            // The change and its event commit together.
            jdbi.useTransaction(handle -> outbox.append(handle, topic, "post.created",
                    "post-" + (seq % 4), Map.of("seq", seq)));
        }
        // The rest as a batch of writes would append them: eight to a statement, in order.
        for (int first = EVENTS / 3; first < EVENTS; first += 8) {
            List<Outbox.Event> events = new java.util.ArrayList<>();
            for (int seq = first; seq < Math.min(first + 8, EVENTS); seq++) {
                events.add(new Outbox.Event(topic, "post.created", "post-" + (seq % 4), Map.of("seq", seq)));
            }
            List<UUID> ids = jdbi.inTransaction(handle -> outbox.appendAll(handle, events));
            assertThat(ids).hasSize(events.size()).doesNotHaveDuplicates();
        }
        List<Integer> written = jdbi.withHandle(h -> h.createQuery("SELECT (payload->>'seq')::int FROM nova_outbox "
                + "WHERE topic = :topic ORDER BY id").bind("topic", topic).mapTo(Integer.class).list());
        assertThat(written).as("rows in the order written, within and across statements")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, EVENTS).boxed().toList());

        OutboxRelay relay = new OutboxRelay(jdbi, IdempotentProducer.create(platform.kafkaBootstrapServers(), "test"),
                mapper, kafka(), new MetricRegistry(), "test");
        int published = 0;
        while (published < EVENTS) {
            int batch = relay.relayBatch();
            assertThat(batch).isPositive();
            published += batch;
        }
        assertThat(relay.relayBatch()).as("nothing left to publish").isZero();
        assertThat(count("SELECT count(*) FROM nova_outbox WHERE published_at IS NULL")).isZero();
        relay.stop();

        // The first consumer dies in its 20th handler call, in the middle of a batch it has not committed: the
        // events it handled before in that batch will be delivered again.
        AtomicInteger calls = new AtomicInteger();
        EventConsumer first = new EventConsumer("posts-indexer", List.of(topic), platform.kafkaBootstrapServers(),
                jdbi, mapper, (handle, event) -> {
                    if (calls.incrementAndGet() == 20) {
                        throw new SimulatedCrash();
                    }
                    record(handle, event);
                }, new MetricRegistry());
        first.start();
        awaitHandled(19);
        Thread.sleep(500);
        first.stop();
        assertThat(count("SELECT count(*) FROM handled")).isEqualTo(19);

        MetricRegistry secondMetrics = new MetricRegistry();
        EventConsumer second = new EventConsumer("posts-indexer", List.of(topic), platform.kafkaBootstrapServers(),
                jdbi, mapper, OutboxToConsumerTest::record, secondMetrics);
        second.start();
        try {
            awaitHandled(EVENTS);
            Thread.sleep(500);
        } finally {
            second.stop();
        }

        assertThat(count("SELECT count(*) FROM handled")).isEqualTo(EVENTS);
        assertThat(count("SELECT count(DISTINCT event_id) FROM handled")).isEqualTo(EVENTS);
        long redelivered = secondMetrics.getMeters().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("duplicates"))
                .mapToLong(entry -> entry.getValue().getCount()).sum();
        assertThat(redelivered).as("the restart redelivered what the first consumer had not committed").isPositive();

        // Per aggregate, events arrive in the order they were written (key = aggregate id → one partition).
        for (int aggregate = 0; aggregate < 4; aggregate++) {
            String id = "post-" + aggregate;
            List<Integer> order = jdbi.withHandle(h -> h.createQuery(
                            "SELECT seq FROM handled WHERE aggregate_id = :id ORDER BY ctid")
                    .bind("id", id).mapTo(Integer.class).list());
            assertThat(order).isSorted().hasSize(EVENTS / 4);
        }
    }

    @Test
    void aCommitWakesTheRelayLongBeforeItsFallbackPoll() throws Exception {
        String woken = platform.topic("woken", 1);
        KafkaConfig slowPoll = kafka();
        slowPoll.setRelayInterval(Duration.seconds(60));
        OutboxRelay relay = new OutboxRelay(jdbi, IdempotentProducer.create(platform.kafkaBootstrapServers(), "test"),
                mapper, slowPoll, new MetricRegistry(), "test");
        relay.start();
        try {
            // Let the relay's first pass (which also publishes rows older than it) end and its wait begin.
            Thread.sleep(2_000);
            for (int i = 0; i < 3; i++) {
                int seq = i;
                UUID event = jdbi.inTransaction(handle -> new Outbox(mapper).append(handle, woken, "post.created",
                        "post-w", Map.of("seq", seq)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!published(event) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(published(event)).as("published on its commit, not after the 60 s poll").isTrue();
            }
        } finally {
            relay.stop();
        }
    }

    @Test
    void aPoisonEventIsParkedWithItsReasonAndTheEventsBehindItFlow() throws Exception {
        String poisoned = platform.topic("poisoned", 1);
        Outbox outbox = new Outbox(mapper);
        UUID before = jdbi.inTransaction(handle -> outbox.append(handle, poisoned, "post.created", "post-p",
                Map.of("seq", 1)));
        // Over the producer's 1 MiB max.request.size: Kafka refuses it every time it is sent.
        UUID poison = jdbi.inTransaction(handle -> outbox.append(handle, poisoned, "post.created", "post-p",
                Map.of("seq", 2, "text", "x".repeat(2 * 1024 * 1024))));
        UUID after = jdbi.inTransaction(handle -> outbox.append(handle, poisoned, "post.created", "post-p",
                Map.of("seq", 3)));
        MetricRegistry metrics = new MetricRegistry();
        OutboxRelay relay = new OutboxRelay(jdbi, IdempotentProducer.create(platform.kafkaBootstrapServers(), "test"),
                mapper, kafka(), metrics, "test");
        try {
            while (relay.relayBatch() > 0) {
                // until every row is published or parked
            }
            assertThat(published(before)).isTrue();
            assertThat(published(after)).as("the event behind the poison one is not blocked").isTrue();
            assertThat(published(poison)).isFalse();
            String reason = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT parked_reason FROM nova_outbox WHERE event_id = :event AND parked_at IS NOT NULL")
                    .bind("event", poison).mapTo(String.class).one());
            assertThat(reason).startsWith("RecordTooLargeException");
            assertThat(metrics.meter(MetricRegistry.name(OutboxRelay.class, "parked")).getCount()).isEqualTo(1);
            assertThat(relay.relayBatch()).as("a parked row is not tried again").isZero();
            assertThat(recordsOn(poisoned, 2)).hasSize(2);
        } finally {
            relay.stop();
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM nova_outbox WHERE event_id = :event")
                    .bind("event", poison).execute());
        }
    }

    /** What {@code topic} holds, read from the start until {@code expected} records arrived or 15 s passed. */
    private List<String> recordsOn(String topic, int expected) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private boolean published(UUID event) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT published_at IS NOT NULL FROM nova_outbox WHERE event_id = :event")
                .bind("event", event).mapTo(Boolean.class).one());
    }

    @Test
    void anIdempotentHandlerGetsWholePollsAndAFailedPollComesAgain() throws Exception {
        String batches = platform.topic("batches", 1);
        Outbox outbox = new Outbox(mapper);
        List<UUID> written = new ArrayList<>();
        jdbi.useTransaction(handle -> {
            for (int i = 0; i < 30; i++) {
                written.add(outbox.append(handle, batches, "post.created", "post-b", Map.of("seq", i)));
            }
        });
        OutboxRelay relay = new OutboxRelay(jdbi, IdempotentProducer.create(platform.kafkaBootstrapServers(), "test"),
                mapper, kafka(), new MetricRegistry(), "test");
        while (relay.relayBatch() > 0) {
            // Publish everything waiting, this test's rows among them.
        }
        relay.stop();

        List<List<UUID>> calls = new CopyOnWriteArrayList<>();
        EventConsumer consumer = new EventConsumer("batch-reader", List.of(batches), platform.kafkaBootstrapServers(),
                mapper, events -> {
                    calls.add(events.stream().map(EventEnvelope::eventId).toList());
                    if (calls.size() == 1) {
                        throw new IllegalStateException("the first poll fails");
                    }
                }, new MetricRegistry());
        consumer.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (calls.stream().skip(1).mapToInt(List::size).sum() < written.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            consumer.stop();
        }
        assertThat(calls.size()).as("a failed poll and its retry at least").isGreaterThanOrEqualTo(2);
        List<UUID> afterFailure = calls.stream().skip(1).flatMap(List::stream).toList();
        assertThat(afterFailure).as("everything after the failure, in order, once").isEqualTo(written);
        assertThat(calls.get(1).get(0)).as("the failed poll's first event comes first again")
                .isEqualTo(calls.get(0).get(0));
    }

    private static void record(org.jdbi.v3.core.Handle handle, EventEnvelope event) {
        assertThat(event.type()).isEqualTo("post.created");
        handle.createUpdate("INSERT INTO handled (event_id, aggregate_id, seq) VALUES (:id, :aggregate, :seq)")
                .bind("id", event.eventId())
                .bind("aggregate", event.aggregateId())
                .bind("seq", event.payload().get("seq").asInt())
                .execute();
    }

    /** Kills the consumer thread the way a crash would: not an exception the consumer treats as retryable. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private int count(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private void awaitHandled(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            int handled = count("SELECT count(*) FROM handled");
            if (handled >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " events handled within 30 s");
    }
}
