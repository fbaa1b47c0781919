package io.nova.kernel.events;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentProducerTest {

    @Test
    void theProducerSettingsAreIdempotent() {
        assertThatCode(() -> IdempotentProducer.assertSafe(IdempotentProducer.settings("127.0.0.1:1", "t")))
                .doesNotThrowAnyException();
    }

    @Test
    void unsafeSettingsAreRefused() {
        Map<String, Object> settings = IdempotentProducer.settings("127.0.0.1:1", "t");
        settings.put(ProducerConfig.ACKS_CONFIG, "1");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        assertThatThrownBy(() -> IdempotentProducer.assertSafe(settings)).isInstanceOf(IllegalStateException.class);
    }
}
