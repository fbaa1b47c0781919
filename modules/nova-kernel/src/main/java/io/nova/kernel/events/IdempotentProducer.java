package io.nova.kernel.events;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The only way Nova creates a Kafka producer: idempotent, acks from all in-sync replicas, bounded waits. The
 * settings are checked when the producer is made, so a later edit cannot quietly allow duplicates or reordering.
 */
public final class IdempotentProducer {

    private IdempotentProducer() {
    }

    public static KafkaProducer<String, byte[]> create(String brokers, String clientId) {
        Map<String, Object> settings = settings(brokers, clientId);
        assertSafe(settings);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> settings(String brokers, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The relay waits for acknowledgements inside a database transaction: keep every wait bounded.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return settings;
    }

    static void assertSafe(Map<String, Object> settings) {
        Map<String, Object> typed = new HashMap<>(settings);
        typed.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        typed.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerConfig config = new ProducerConfig(typed);
        if (!config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)
                || !"all".equals(config.getString(ProducerConfig.ACKS_CONFIG).replace("-1", "all"))
                || config.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) > 5) {
            throw new IllegalStateException("Kafka producer must be idempotent with acks=all and at most 5 in flight");
        }
    }
}
