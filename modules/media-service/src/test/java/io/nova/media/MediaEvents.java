package io.nova.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.Topics;
import io.nova.embedded.junit.TestPlatform;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads media events from Kafka in the background, as another service would, for tests to wait on. */
final class MediaEvents implements AutoCloseable {

    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    MediaEvents(TestPlatform platform) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "media-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.MEDIA_EVENTS));
        reader = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        seen.add(MediaClient.JSON.readTree(record.value()));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "media-events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The first event of {@code type} about {@code aggregateId}, waiting up to 60 s; null if none came. */
    JsonNode await(String aggregateId, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : seen) {
                if (aggregateId.equals(event.path("aggregate_id").asText()) && type.equals(event.path("type").asText())) {
                    return event;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** Every event seen so far about {@code aggregateId}, in order. */
    List<String> typesFor(String aggregateId) {
        List<String> types = new ArrayList<>();
        for (JsonNode event : seen) {
            if (aggregateId.equals(event.path("aggregate_id").asText())) {
                types.add(event.path("type").asText());
            }
        }
        return types;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
