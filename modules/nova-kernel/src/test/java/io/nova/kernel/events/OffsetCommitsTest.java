package io.nova.kernel.events;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the consumer's less frequent offset commits must still guarantee, against a real broker: a consumer that
 * stops has committed everything it handled, and partitions that move to a new member of the group are committed
 * before they go — so neither a restart nor a scale-out delivers an event twice.
 */
@ExtendWith(NovaPlatformExtension.class)
class OffsetCommitsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventCodec codec = new EventCodec(mapper);

    @Test
    void aStoppedConsumerHasCommittedEverythingItHandled(TestPlatform platform) throws Exception {
        String topic = platform.topic("stopped", 3);
        Map<UUID, AtomicInteger> seen = new ConcurrentHashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer(platform)) {
            produce(producer, topic, 60);
        }
        EventConsumer consumer = consumer(platform, "stopper", topic, seen);
        consumer.start();
        awaitSeen(seen, 60);
        // At once: no quiet poll has had the chance to commit yet, so only stopping can.
        consumer.stop();

        assertThat(committed(platform, "stopper", topic)).as("committed offsets, per partition")
                .isEqualTo(endOffsets(platform, topic));
    }

    @Test
    void partitionsMovingToANewMemberAreCommittedBeforeTheyGo(TestPlatform platform) throws Exception {
        String topic = platform.topic("moving", 4);
        Map<UUID, AtomicInteger> seen = new ConcurrentHashMap<>();
        EventConsumer first = consumer(platform, "movers", topic, seen);
        EventConsumer second = consumer(platform, "movers", topic, seen);
        first.start();
        int events = 0;
        try (KafkaProducer<String, byte[]> producer = producer(platform)) {
            // Events flow all along: the first member has handled, and not yet committed, some of them (its
            // interval is a second) when the second joins and takes half of the partitions.
            for (int round = 0; round < 40; round++) {
                produce(producer, topic, 5);
                events += 5;
                if (round == 15) {
                    second.start();
                }
                Thread.sleep(75);
            }
        }
        try {
            awaitSeen(seen, events);
            Thread.sleep(1_000);
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(seen).hasSize(events);
        assertThat(seen.values().stream().filter(count -> count.get() > 1).count())
                .as("events delivered more than once").isZero();
    }

    private EventConsumer consumer(TestPlatform platform, String group, String topic, Map<UUID, AtomicInteger> seen) {
        return new EventConsumer(group, List.of(topic), platform.kafkaBootstrapServers(), mapper,
                events -> events.forEach(event ->
                        seen.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet()),
                new MetricRegistry());
    }

    private static KafkaProducer<String, byte[]> producer(TestPlatform platform) {
        return IdempotentProducer.create(platform.kafkaBootstrapServers(), "offset-commits-test");
    }

    private void produce(KafkaProducer<String, byte[]> producer, String topic, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String aggregate = "aggregate-" + i;
            producer.send(new ProducerRecord<>(topic, aggregate, codec.encode(new EventEnvelope(UUID.randomUUID(),
                    "test.happened", Instant.now(), aggregate, mapper.createObjectNode().put("i", i))))).get();
        }
    }

    private static void awaitSeen(Map<UUID, AtomicInteger> seen, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(seen).as("events handled within 30 s").hasSize(count);
    }

    private static Map<Integer, Long> committed(TestPlatform platform, String group, String topic) throws Exception {
        try (Admin admin = admin(platform)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<Integer, Long> byPartition = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(topic) && offset != null) {
                    byPartition.put(partition.partition(), offset.offset());
                }
            });
            return byPartition;
        }
    }

    private static Map<Integer, Long> endOffsets(TestPlatform platform, String topic) throws Exception {
        try (Admin admin = admin(platform)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            Map<Integer, Long> byPartition = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> {
                if (info.offset() > 0) {
                    byPartition.put(partition.partition(), info.offset());
                }
            });
            return byPartition;
        }
    }

    private static Admin admin(TestPlatform platform) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
    }
}
