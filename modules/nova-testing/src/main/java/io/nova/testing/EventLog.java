package io.nova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads what services really published to Kafka: event envelopes as JSON, from the start of a topic. */
public final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLog() {
    }

    /**
     * Waits until {@code count} events of {@code topic} match, or {@code timeout} passes, and returns those found
     * (in topic order per partition) — fewer than {@code count} on timeout, for the caller's assertion to name.
     */
    public static List<JsonNode> await(String bootstrapServers, String topic, Predicate<JsonNode> match, int count,
                                       Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "event-log-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    JsonNode event = parse(record.value());
                    if (match.test(event)) {
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }

    /** Events of {@code type} whose payload field {@code field} equals {@code value}. */
    public static Predicate<JsonNode> ofType(String type, String field, String value) {
        return event -> type.equals(event.path("type").asText())
                && value.equals(event.path("payload").path(field).asText());
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("an event that is not JSON: " + value, e);
        }
    }
}
